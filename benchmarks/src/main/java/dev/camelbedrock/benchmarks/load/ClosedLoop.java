package dev.camelbedrock.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import dev.camelbedrock.benchmarks.shared.ThreadWatch;

/**
 * The load driver: keeps exactly {@code inFlight} calls outstanding (a new call starts when one completes) from one
 * thread, the caller's. Every subject gets this same driver, so what differs between two runs is the subject alone.
 */
public final class ClosedLoop {

    /**
     * What a measured window saw: calls completed and failed inside it, its length, throughput, the mean latency of
     * the calls that completed in it, the process CPU time per completed call, and this JVM's live threads (peak and
     * by name at the end of the window).
     */
    public record Window(long completed, long failed, double seconds, double throughput, double meanLatencyMs,
                         double cpuMicrosPerCall, int peakThreads, Map<String, Integer> threadsByName, String firstError,
                         double warmupSeconds) {
    }

    /** The longest a warm-up may stretch beyond its planned length while waiting for its calls to complete. */
    static final Duration MAX_WARMUP_EXTENSION = Duration.ofSeconds(120);

    private final AsyncCall call;
    private final Semaphore permits;
    private final int inFlight;
    private final LongAdder ok = new LongAdder();
    private final LongAdder bad = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private long warmupNanos;

    private ClosedLoop(AsyncCall call, int inFlight) {
        this.call = call;
        this.inFlight = inFlight;
        this.permits = new Semaphore(inFlight);
    }

    /** One call, waited for: the first call of a fresh subject builds clients and loads classes. */
    public static void prime(AsyncCall call, Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        call.start(f -> {
            failure.set(f);
            done.countDown();
        });
        if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The first call did not complete within " + timeout);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The first call failed: " + failure.get(), failure.get());
        }
    }

    /**
     * Warms up for {@code warmup} and until twice {@code inFlight} calls have completed (the first wave of a high
     * in-flight count can take longer than the warm-up on a slow machine; measuring it would measure the ramp), then
     * measures for {@code measure}, then waits for the calls still in flight.
     */
    public static Window forDuration(AsyncCall call, int inFlight, Duration warmup, Duration measure, ThreadWatch watch)
            throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(call, inFlight);
        long begin = System.nanoTime();
        long warmEnd = begin + warmup.toNanos();
        long cap = warmEnd + MAX_WARMUP_EXTENSION.toNanos();
        long now;
        while ((now = System.nanoTime()) < warmEnd || (loop.ok.sum() + loop.bad.sum() < 2L * inFlight && now < cap)) {
            loop.issueOne(Math.max(warmEnd, now + TimeUnit.MILLISECONDS.toNanos(20)));
        }
        loop.warmupNanos = System.nanoTime() - begin;
        Snapshot start = loop.snapshot(watch);
        long end = start.nanos + measure.toNanos();
        while (System.nanoTime() < end) {
            loop.issueOne(end);
        }
        Window w = loop.window(start, watch);
        loop.drain();
        return w;
    }

    /** Issues {@code total} calls, {@code inFlight} at a time, and measures all of them. */
    public static Window forCount(AsyncCall call, int inFlight, int total, Duration timeout, ThreadWatch watch)
            throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(call, inFlight);
        Snapshot start = loop.snapshot(watch);
        long deadline = start.nanos + timeout.toNanos();
        int issued = 0;
        while (issued < total && System.nanoTime() < deadline) {
            if (loop.issueOne(deadline)) {
                issued++;
            }
        }
        loop.drain();
        return loop.window(start, watch);
    }

    /** Starts one call if a permit frees up before {@code until}; returns whether it did. */
    private boolean issueOne(long until) throws InterruptedException {
        long waitNanos = Math.min(until - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(20));
        if (waitNanos <= 0 || !permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        long t0 = System.nanoTime();
        try {
            call.start(failure -> {
                if (failure == null) {
                    ok.increment();
                    latencyNanos.add(System.nanoTime() - t0);
                } else {
                    bad.increment();
                    firstError.compareAndSet(null, failure);
                }
                permits.release();
            });
        } catch (RuntimeException e) {
            bad.increment();
            firstError.compareAndSet(null, e);
            permits.release();
        }
        return true;
    }

    private void drain() throws InterruptedException {
        if (!permits.tryAcquire(inFlight, 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((inFlight - permits.availablePermits())
                                            + " calls still in flight 120 s after the load stopped");
        }
        permits.release(inFlight);
    }

    private record Snapshot(long nanos, long ok, long bad, long latencyNanos, long cpuNanos) {
    }

    private Snapshot snapshot(ThreadWatch watch) {
        watch.resetPeak();
        return new Snapshot(System.nanoTime(), ok.sum(), bad.sum(), latencyNanos.sum(), processCpuNanos());
    }

    private Window window(Snapshot start, ThreadWatch watch) {
        Snapshot end = new Snapshot(System.nanoTime(), ok.sum(), bad.sum(), latencyNanos.sum(), processCpuNanos());
        int peak = watch.peak();
        Map<String, Integer> byName = ThreadWatch.byName();
        long completed = end.ok - start.ok;
        double seconds = (end.nanos - start.nanos) / 1e9;
        Throwable error = firstError.get();
        return new Window(completed, end.bad - start.bad, seconds, completed / seconds,
                completed == 0 ? Double.NaN : (end.latencyNanos - start.latencyNanos) / 1e6 / completed,
                completed == 0 || start.cpuNanos < 0 ? Double.NaN : (end.cpuNanos - start.cpuNanos) / 1e3 / completed,
                peak, byName, error == null ? null : error.toString(), warmupNanos / 1e9);
    }

    /** CPU time of this process (all its threads), or -1 where the JVM does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
