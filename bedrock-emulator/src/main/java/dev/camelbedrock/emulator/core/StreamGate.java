package dev.camelbedrock.emulator.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic gate for tests: when armed with {@link #pauseAfter(int)}, every event stream holds after
 * sending that many events until {@link #resume()}. Resuming disarms the gate.
 */
public final class StreamGate {

    private int threshold = -1;
    private final List<Runnable> waiting = new ArrayList<>();

    public synchronized void pauseAfter(int events) {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0");
        }
        threshold = events;
    }

    /** Disarms the gate and lets every held stream continue. */
    public void resume() {
        List<Runnable> toRun;
        synchronized (this) {
            threshold = -1;
            toRun = new ArrayList<>(waiting);
            waiting.clear();
            notifyAll();
        }
        for (Runnable r : toRun) {
            r.run();
        }
    }

    /** -1 when disarmed. */
    public synchronized int threshold() {
        return threshold;
    }

    /**
     * Called by a stream after it has sent {@code sent} events: holds the stream (parking {@code continuation},
     * which must re-dispatch itself to the stream's executor) when the gate is armed at that count.
     */
    public synchronized boolean holdIfArmed(int sent, Runnable continuation) {
        if (threshold >= 0 && sent == threshold) {
            waiting.add(continuation);
            notifyAll();
            return true;
        }
        return false;
    }

    public synchronized int heldCount() {
        return waiting.size();
    }

    /** Waits until at least {@code count} streams are held; false on timeout. */
    public synchronized boolean awaitHeld(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long ms = Math.max(1, left / 1_000_000);
            wait(ms);
        }
        return true;
    }
}
