package dev.camelbedrock.component.flow;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code max} permits out at once, handed to waiters in arrival order. A waiter either blocks its own thread
 * (a Camel route thread: that is the back-pressure) or, on a thread that must not block (an SDK or Netty thread),
 * parks without a thread; at most {@code max} may park, so nothing here grows without bound. A permit released while
 * waiters exist goes straight to the first of them; a parked waiter resumes on the given executor, never on the
 * releasing (SDK) thread.
 */
final class InFlightLimit {

    private final int max;
    private final Executor executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Object> waiters = new ArrayDeque<>();
    private int used;
    private int parked;
    private boolean closed;

    InFlightLimit(int max, Executor executor) {
        if (max < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, got " + max);
        }
        this.max = max;
        this.executor = executor;
    }

    /** A thread blocked for a permit. */
    private static final class ThreadWaiter {
        final Condition granted;
        boolean hasPermit;

        ThreadWaiter(Condition granted) {
            this.granted = granted;
        }
    }

    /**
     * Takes a permit. Returns null when this thread holds it (at once, or after blocking when {@code mayBlock});
     * otherwise a future that completes, on the executor, once a permit was handed over.
     *
     * @throws RejectedExecutionException when the limit is closed, or when the thread may not block and {@code max}
     *                                    waiters are already parked
     * @throws InterruptedException       when the blocked thread is interrupted (it then holds no permit)
     */
    CompletableFuture<Void> acquire(boolean mayBlock) throws InterruptedException {
        lock.lock();
        try {
            requireOpen();
            if (used < max && waiters.isEmpty()) {
                used++;
                return null;
            }
            if (!mayBlock) {
                if (parked >= max) {
                    throw new RejectedExecutionException("maxInFlight (" + max + ") requests are open and " + parked
                            + " more wait without a thread; this exchange arrived on a thread that must not block (an"
                            + " SDK or Netty thread continuing a route). Put a seda: or threads() boundary before this"
                            + " endpoint, or bound the endpoint before it.");
                }
                CompletableFuture<Void> later = new CompletableFuture<>();
                waiters.add(later);
                parked++;
                return later;
            }
            ThreadWaiter w = new ThreadWaiter(lock.newCondition());
            waiters.add(w);
            try {
                while (!w.hasPermit) {
                    requireOpen();
                    w.granted.await();
                }
                return null;
            } catch (InterruptedException | RejectedExecutionException e) {
                if (w.hasPermit) {
                    releaseLocked();
                } else {
                    waiters.remove(w);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new RejectedExecutionException("the bedrock endpoint is stopping: no new requests");
        }
    }

    /** Returns a permit, handing it to the first waiter if any. */
    void release() {
        CompletableFuture<Void> resume;
        lock.lock();
        try {
            resume = releaseLocked();
        } finally {
            lock.unlock();
        }
        if (resume != null) {
            try {
                executor.execute(() -> resume.complete(null));
            } catch (RejectedExecutionException e) {
                release();
                resume.completeExceptionally(e);
            }
        }
    }

    /** Hands the permit to the first waiter (a parked one is returned, to resume outside the lock). */
    @SuppressWarnings("unchecked")
    private CompletableFuture<Void> releaseLocked() {
        Object next = waiters.poll();
        if (next == null) {
            used--;
            return null;
        }
        if (next instanceof ThreadWaiter w) {
            w.hasPermit = true;
            w.granted.signal();
            return null;
        }
        parked--;
        return (CompletableFuture<Void>) next;
    }

    /** Refuses new requests and wakes every waiter with a RejectedExecutionException; open requests finish. */
    void close() {
        java.util.List<CompletableFuture<?>> refused = new java.util.ArrayList<>();
        lock.lock();
        try {
            closed = true;
            for (Object w : waiters) {
                if (w instanceof ThreadWaiter t) {
                    t.granted.signal();
                } else {
                    refused.add((CompletableFuture<?>) w);
                }
            }
            waiters.removeIf(w -> !(w instanceof ThreadWaiter));
            parked = 0;
        } finally {
            lock.unlock();
        }
        refused.forEach(f -> f.completeExceptionally(
                new RejectedExecutionException("the bedrock endpoint stopped while the exchange waited")));
    }

    /** Permits out now. */
    int inUse() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    /** Exchanges waiting for a permit (blocked threads and parked ones). */
    int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }
}
