package dev.camelbedrock.benchmarks.shared;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live thread count of this JVM ({@link ThreadMXBean#getThreadCount()}: every live Java thread, daemon or not;
 * the JVM's hidden compiler and GC workers are not Java threads and are not counted), sampled on a daemon thread so
 * that the peak during a measured window is seen. The sampler is itself one of the counted threads, in every
 * baseline as in every measurement. Used by both JVMs of the benchmarks (harness and peer driver).
 */
public final class ThreadWatch implements AutoCloseable {

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile int peak;

    private ThreadWatch(long periodMillis) {
        peak = live();
        sampler = new Thread(() -> {
            while (running) {
                int now = live();
                if (now > peak) {
                    peak = now;
                }
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling every {@code periodMillis}. */
    public static ThreadWatch start(long periodMillis) {
        return new ThreadWatch(periodMillis);
    }

    public int live() {
        return mx.getThreadCount();
    }

    /** Starts a new peak from the current count. */
    public void resetPeak() {
        peak = live();
    }

    /** The highest count sampled since the last {@link #resetPeak()}, including now. */
    public int peak() {
        return Math.max(peak, live());
    }

    /** Live threads grouped by name, digits replaced by {@code #}: what the threads are, for the report. */
    public static Map<String, Integer> byName() {
        Map<String, Integer> groups = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            groups.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
        }
        return groups;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
