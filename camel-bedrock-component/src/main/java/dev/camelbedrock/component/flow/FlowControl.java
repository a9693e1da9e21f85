package dev.camelbedrock.component.flow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.options.RateControl;

/**
 * One endpoint's admission of requests: at most {@code maxInFlight} open at once ({@link InFlightLimit}), and, with
 * {@code rateControl=adaptive}, no faster than the {@link AdaptiveRateLimiter} of the request's model allows.
 * <p>
 * Which thread waits: a Camel thread calling the producer blocks while the endpoint is full (the back-pressure that a
 * Kafka consumer, a seda consumer or a split's thread pool needs). A thread that must never block (the SDK's response
 * and Netty threads, which continue a route after an earlier Bedrock call, and the flow-control scheduler) parks the
 * exchange without a thread instead. A rate-control delay never holds a thread: the request is scheduled on the
 * component's scheduler, keeping its in-flight permit while it waits. Permits are released when the SDK's future
 * completes (for a stream: when the stream ends), on whatever thread that is; releasing never blocks.
 */
public final class FlowControl {

    /** The name of the scheduler's threads; they never wait for a permit. */
    public static final String SCHEDULER_NAME = "BedrockFlowControl";
    /** The name of the tool loop's threads (where a loop's next model call may start); they never wait either. */
    public static final String TOOL_LOOP_NAME = "BedrockToolLoop";

    private final InFlightLimit limit;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final AdaptiveRateLimiter.Timer timer;
    private final boolean adaptive;
    private final double floor;
    private final double ceiling;
    private final ConcurrentHashMap<String, AdaptiveRateLimiter> limiters = new ConcurrentHashMap<>();

    /**
     * @param maxInFlight requests open at once; 0 = unbounded
     * @param rateControl whether to pace requests after throttles; null means none
     * @param scheduler   where delayed and parked requests resume (created on first use)
     */
    public FlowControl(int maxInFlight, RateControl rateControl, double minRate, double maxRate,
                       Supplier<ScheduledExecutorService> scheduler) {
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("maxInFlight must be >= 0 (0 = unbounded), got " + maxInFlight);
        }
        this.adaptive = rateControl == RateControl.ADAPTIVE;
        this.scheduler = scheduler;
        this.timer = (task, delay) -> scheduler.get().schedule(task, delay, TimeUnit.NANOSECONDS);
        if (adaptive) {
            new AdaptiveRateLimiter(minRate, maxRate, timer); // validates the bounds now, not on the first message
        }
        this.limit = maxInFlight > 0 ? new InFlightLimit(maxInFlight, task -> scheduler.get().execute(task)) : null;
        this.floor = minRate;
        this.ceiling = maxRate;
    }

    /**
     * Admits one request for the model {@code modelKey}: takes an in-flight permit (blocking this thread if it may
     * block and the endpoint is full) and a send slot. The ticket says when the request may be sent.
     *
     * @throws RejectedExecutionException when the endpoint is stopping, too many exchanges wait without a thread, or
     *                                    this thread was interrupted while it waited (its interrupt flag is set again)
     */
    public Ticket enter(String modelKey) {
        AdaptiveRateLimiter limiter = adaptive
                ? limiters.computeIfAbsent(modelKey == null ? "" : modelKey, k -> new AdaptiveRateLimiter(floor, ceiling, timer))
                : null;
        Ticket ticket = new Ticket(limiter, limit);
        CompletableFuture<Void> permit;
        try {
            permit = limit == null ? null : limit.acquire(mayBlock());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for a free in-flight slot", e);
        }
        if (permit == null) {
            ticket.hasPermit = limit != null;
            ticket.ready = slot(limiter);
        } else {
            ticket.ready = permit.thenCompose(v -> {
                ticket.hasPermit = true;
                CompletableFuture<Void> slot = slot(limiter);
                return slot != null ? slot : CompletableFuture.completedFuture(null);
            });
        }
        return ticket;
    }

    /** Null to send at once, else a future completed on the scheduler when the rate allows. */
    private static CompletableFuture<Void> slot(AdaptiveRateLimiter limiter) {
        return limiter == null ? null : limiter.acquire();
    }

    /** Whether the current thread may block for a permit: not an SDK, Netty, flow-control or tool-loop thread. */
    static boolean mayBlock() {
        String name = Thread.currentThread().getName();
        return !(name.startsWith("sdk-") || name.startsWith("aws-java-sdk-") || name.contains(SCHEDULER_NAME)
                 || name.contains(TOOL_LOOP_NAME));
    }

    /** Refuses new requests and wakes the waiting ones with a RejectedExecutionException. */
    public void close() {
        if (limit != null) {
            limit.close();
        }
        limiters.values().forEach(l -> l.close(new RejectedExecutionException("the bedrock endpoint stopped while the"
                                                                              + " exchange waited for its turn")));
    }

    /** Requests open now (0 when unbounded: not counted). */
    public int inFlight() {
        return limit == null ? 0 : limit.inUse();
    }

    /** Exchanges waiting for an in-flight permit. */
    public int waiting() {
        return limit == null ? 0 : limit.waiting();
    }

    /** The rate limiter of a model, if rate control has seen it. */
    public AdaptiveRateLimiter limiter(String modelKey) {
        return limiters.get(modelKey == null ? "" : modelKey);
    }

    /** One admitted request: its permit, its rate limiter and how it ends (a failed start ends it too, unsent). */
    public static final class Ticket {
        private final AdaptiveRateLimiter limiter;
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile CompletableFuture<Void> ready;
        private volatile boolean hasPermit;
        private volatile boolean observed;
        private final InFlightLimit limit;
        private volatile long startedAt;
        private volatile boolean sent;
        private volatile boolean requeued;

        private Ticket(AdaptiveRateLimiter limiter, InFlightLimit limit) {
            this.limiter = limiter;
            this.limit = limit;
        }

        /** Null when the request may be sent now on this thread; else completes (on the scheduler) when it may. */
        public CompletableFuture<Void> ready() {
            return ready;
        }

        AdaptiveRateLimiter limiter() {
            return limiter;
        }

        /** The SDK's attempts of this request are seen one by one (the client has the {@link AttemptObserver}). */
        void observed() {
            observed = true;
        }

        /** Starts the SDK call: the attempts it makes are tied to this ticket. */
        public <T> T start(Supplier<T> call) {
            long now = System.nanoTime();
            AttemptObserver.CURRENT.set(this);
            T started;
            try {
                started = call.get();
            } finally {
                AttemptObserver.CURRENT.remove();
            }
            startedAt = limiter != null && !observed
                    ? limiter.onAttempt(false) // a client we did not build: only the call's outcome will be known
                    : now;
            sent = true;
            return started;
        }

        /**
         * With adaptive rate control, a request whose SDK attempts were all throttled goes back to its model's queue
         * once: the throttles have cut the rate by then, so its next turn comes at a rate the quota admits (the
         * SDK's retries answered the first throttles too fast to benefit from what the limiter learnt). When it does,
         * {@code resend} runs on that turn (on the scheduler), or, if the turn is refused, the ticket finishes and
         * {@code refused} gets the refusal; the permit is kept meanwhile. Returns false, having run nothing, when the
         * failure stands: no rate control, not a throttle, or already requeued.
         */
        public boolean requeue(Throwable failure, Runnable resend, Consumer<Throwable> refused) {
            if (limiter == null || requeued || !AttemptObserver.isThrottle(BedrockErrors.unwrap(failure))) {
                return false;
            }
            requeued = true;
            if (!observed) {
                limiter.onThrottle(startedAt, startedAt); // a client we did not build: the outcome is the only signal
            }
            limiter.onRequeue();
            CompletableFuture<Void> turn = limiter.acquire();
            (turn != null ? turn : CompletableFuture.<Void> completedFuture(null)).whenComplete((v, refusal) -> {
                if (refusal != null) {
                    finish(refusal);
                    refused.accept(refusal);
                } else {
                    resend.run();
                }
            });
            return true;
        }

        /**
         * The request is over (for a stream: its end): releases the permit and, when the attempts were not observed
         * one by one, tells the rate limiter how the call ended. Once; later calls do nothing.
         */
        public void finish(Throwable failure) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            if (hasPermit) {
                limit.release();
            }
            if (limiter != null && !observed && sent) {
                if (failure == null) {
                    limiter.onSuccess();
                } else if (AttemptObserver.isThrottle(BedrockErrors.unwrap(failure))) {
                    limiter.onThrottle(startedAt, startedAt);
                }
            }
        }
    }
}
