package dev.camelbedrock.component.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AIMD on the request rate of one model, learnt from throttling (docs/throughput.md has the reasoning).
 * <ul>
 * <li><b>Idle until throttled</b>: until the first 429 it lets everything through at once. Without a throttle for
 * {@link #RELEASE_AFTER_NANOS} (a quota is per minute) it steps aside again.</li>
 * <li><b>Multiplicative decrease</b>: on a throttled attempt, the rate becomes {@link #BETA} times the rate at which
 * attempts were being sent in the second before the throttled one (and no more than the current rate), never below
 * the floor. At most once per round trip: a throttle is news only for a request whose first attempt went out after
 * the last cut. Throttles of requests sent before it, and of their SDK retries, are already accounted for, so the
 * SDK retrying four throttled attempts of one request does not cut the rate four times.</li>
 * <li><b>Additive increase</b>: while requests are held back and succeed, the rate climbs back linearly to where it
 * was cut in {@link #RECOVERY_NANOS}; past that point it probes upwards, doubling every {@link #RECOVERY_NANOS}, up
 * to the ceiling.</li>
 * <li><b>Pacing</b>: one request every 1/rate seconds, no bursts. A request that must wait gets a future that the
 * {@link Timer} completes when its turn comes; no thread sleeps. Waiting requests leave one by one at the rate of the
 * moment they leave, so a recovering rate shortens the wait of those already queued. Every SDK retry takes a turn too
 * ({@link #onAttempt}), so SDK retries and first attempts together stay within the rate instead of adding to it.</li>
 * </ul>
 * Thread-safe; futures are completed outside its lock, on the timer's thread.
 */
public final class AdaptiveRateLimiter {

    /** The multiplicative decrease: the rate keeps 70% (the factor of TCP CUBIC and of the AWS SDKs' adaptive mode). */
    public static final double BETA = 0.7;
    /** Time to climb back from a decrease to the rate before it. */
    public static final long RECOVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Without a throttle for this long, the limiter stops pacing. */
    public static final long RELEASE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveRateLimiter.class);

    /** Runs a task after a delay (the component's scheduler; a fake one in tests). */
    public interface Timer {
        void schedule(Runnable task, long delayNanos);
    }

    private final double floor;
    private final double ceiling;
    private final Timer timer;
    private final LongSupplier clock;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    /** Send times of the last attempts, to know the rate at which a throttled attempt was sent. */
    private final long[] sends = new long[128];
    private int nextSend;
    private int storedSends;

    private boolean limited;
    private double rate;
    private double rateBeforeDecrease;
    private boolean decreased;
    private long lastDecrease;
    private long lastThrottle;
    private long lastGrowth;
    private long lastDelayed;
    private long nextFree;
    private boolean tickScheduled;
    private long throttles;
    private long decreases;
    private long requeues;

    /**
     * @param floor   the lowest rate, requests per second (&gt; 0)
     * @param ceiling the highest rate, requests per second; 0 = none. With a ceiling, requests are paced to it from
     *                the start.
     * @param timer   where waiting requests are released
     */
    public AdaptiveRateLimiter(double floor, double ceiling, Timer timer) {
        this(floor, ceiling, timer, System::nanoTime);
    }

    AdaptiveRateLimiter(double floor, double ceiling, Timer timer, LongSupplier clock) {
        if (!(floor > 0) || ceiling < 0 || (ceiling > 0 && ceiling < floor)) {
            throw new IllegalArgumentException("rate control needs 0 < rateControlMinRate <= rateControlMaxRate (or"
                                               + " rateControlMaxRate 0 = none); got " + floor + " and " + ceiling);
        }
        this.floor = floor;
        this.ceiling = ceiling;
        this.timer = timer;
        this.clock = clock;
        long now = clock.getAsLong();
        this.lastDelayed = now - 2 * SECOND;
        this.lastThrottle = now;
        this.nextFree = now;
        unthrottled();
    }

    /** Back to the start state: no pacing, or pacing at the ceiling when there is one. */
    private void unthrottled() {
        limited = ceiling > 0;
        rate = ceiling;
        rateBeforeDecrease = ceiling;
        decreased = false;
    }

    /**
     * Asks to send one request: null when it may go now, else a future completed (on the timer's thread) when its
     * turn comes.
     */
    public CompletableFuture<Void> acquire() {
        CompletableFuture<Void> turn;
        long delay;
        synchronized (this) {
            long now = clock.getAsLong();
            releaseIfQuiet(now);
            if (waiting.isEmpty() && (!limited || now - nextFree >= 0)) {
                nextFree = now + interval();
                return null;
            }
            lastDelayed = now;
            turn = new CompletableFuture<>();
            waiting.add(turn);
            if (tickScheduled) {
                return turn;
            }
            tickScheduled = true;
            delay = Math.max(0, nextFree - now);
        }
        schedule(delay);
        return turn;
    }

    /** Releases the first waiting request if its turn has come, and schedules the next turn. */
    private void tick() {
        List<CompletableFuture<Void>> go = new ArrayList<>();
        long delay = -1;
        synchronized (this) {
            tickScheduled = false;
            long now = clock.getAsLong();
            releaseIfQuiet(now);
            if (!limited) {
                go.addAll(waiting);
                waiting.clear();
            } else if (!waiting.isEmpty() && now - nextFree >= 0) {
                go.add(waiting.poll());
                nextFree = now + interval();
                lastDelayed = now;
            }
            if (!waiting.isEmpty()) {
                tickScheduled = true;
                delay = Math.max(0, nextFree - now);
            }
        }
        go.forEach(f -> f.complete(null));
        if (delay >= 0) {
            schedule(delay);
        }
    }

    private void schedule(long delay) {
        try {
            timer.schedule(this::tick, delay);
        } catch (RejectedExecutionException e) {
            close(e);
        }
    }

    /** Fails every waiting request (the endpoint stops). */
    public void close(Exception reason) {
        List<CompletableFuture<Void>> refused;
        synchronized (this) {
            refused = new ArrayList<>(waiting);
            waiting.clear();
            tickScheduled = false;
        }
        refused.forEach(f -> f.completeExceptionally(reason));
    }

    private void releaseIfQuiet(long now) {
        if (limited && ceiling == 0 && now - lastThrottle > RELEASE_AFTER_NANOS) {
            LOG.debug("No throttle for a minute: rate control stops pacing (was {} requests/s)", String.format("%.2f", rate));
            unthrottled();
        }
    }

    /**
     * An attempt is being sent; a retry (not the first attempt) also takes a turn from the first attempts. Returns the
     * send time to hand back to {@link #onThrottle}.
     */
    public synchronized long onAttempt(boolean retry) {
        long now = clock.getAsLong();
        sends[nextSend] = now;
        nextSend = (nextSend + 1) % sends.length;
        storedSends = Math.min(storedSends + 1, sends.length);
        if (retry && limited) {
            nextFree = Math.max(now, nextFree) + interval();
        }
        return now;
    }

    /** An attempt succeeded. */
    public synchronized void onSuccess() {
        long now = clock.getAsLong();
        long dt = Math.min(now - lastGrowth, Math.max(SECOND, 2 * interval()));
        lastGrowth = now;
        boolean heldBack = !waiting.isEmpty() || now - lastDelayed <= SECOND;
        if (!limited || dt <= 0 || !heldBack) {
            return; // nothing is held back: the rate is not what limits, so there is nothing to learn
        }
        double perSecond = rate < rateBeforeDecrease
                ? (1 - BETA) * rateBeforeDecrease / (RECOVERY_NANOS / (double) SECOND)
                : rate * Math.log(2) / (RECOVERY_NANOS / (double) SECOND);
        rate = Math.min(ceiling > 0 ? ceiling : Double.MAX_VALUE, rate + perSecond * dt / SECOND);
    }

    /**
     * An attempt was throttled. Returns whether the rate was cut (false when its request's first attempt went out
     * before the last cut).
     *
     * @param requestSentAt when the request's first attempt was sent (as returned by {@link #onAttempt})
     * @param attemptSentAt when the throttled attempt was sent (the same for a first attempt)
     */
    public synchronized boolean onThrottle(long requestSentAt, long attemptSentAt) {
        long now = clock.getAsLong();
        throttles++;
        lastThrottle = now;
        if (decreased && requestSentAt - lastDecrease < 0) {
            return false;
        }
        long sentAtNanos = attemptSentAt;
        double sent = sendRateAt(sentAtNanos);
        double base = limited ? Math.min(rate, Math.max(sent, floor)) : Math.max(sent, floor);
        rateBeforeDecrease = base;
        rate = Math.max(floor, BETA * base);
        if (!limited) {
            nextFree = now;
        }
        limited = true;
        lastDecrease = now;
        decreased = true;
        lastGrowth = now;
        decreases++;
        LOG.debug("Throttled: rate cut from {} to {} requests/s (sent {}/s in the second before the throttled attempt)",
                String.format("%.2f", base), String.format("%.2f", rate), String.format("%.1f", sent));
        return true;
    }

    /**
     * Attempts per second in the second up to {@code t} (the send time of a throttled attempt: the rate that the
     * quota refused, however long the answer took to come back).
     */
    private double sendRateAt(long t) {
        int inWindow = 0;
        long oldest = t;
        for (int i = 0; i < storedSends; i++) {
            long s = sends[i];
            if (s - t <= 0 && t - s < SECOND) {
                inWindow++;
                oldest = Math.min(oldest, s);
            }
        }
        if (inWindow == sends.length && t - oldest > 0) {
            return (inWindow - 1) * (double) SECOND / (t - oldest); // faster than the buffer covers in a second
        }
        return inWindow;
    }

    private long interval() {
        return limited ? (long) (SECOND / rate) : 0;
    }

    /** The current rate in requests per second, or 0 while not pacing. */
    public synchronized double rate() {
        return limited ? rate : 0;
    }

    /** Requests waiting for their turn. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Throttled attempts seen. */
    public synchronized long throttles() {
        return throttles;
    }

    /** A request the SDK gave up on (every attempt throttled) waits for another turn. */
    public synchronized void onRequeue() {
        requeues++;
    }

    /** Requests requeued after their SDK attempts were all throttled. */
    public synchronized long requeues() {
        return requeues;
    }

    /** How many times the rate was cut. */
    public synchronized long decreases() {
        return decreases;
    }

    @Override
    public synchronized String toString() {
        return limited ? String.format("AdaptiveRateLimiter[%.2f/s, %d throttles, %d cuts, %d requeued]", rate, throttles,
                decreases, requeues)
                : "AdaptiveRateLimiter[not pacing, " + throttles + " throttles]";
    }
}
