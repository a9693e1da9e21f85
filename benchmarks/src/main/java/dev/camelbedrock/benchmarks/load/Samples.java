package dev.camelbedrock.benchmarks.load;

import java.util.Arrays;

/** A thread-safe list of long samples (nanoseconds) with percentiles. */
public final class Samples {

    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** Adds all of {@code other}'s samples. */
    public void addAll(Samples other) {
        long[] copy;
        int n;
        synchronized (other) {
            copy = other.values.clone();
            n = other.size;
        }
        for (int i = 0; i < n; i++) {
            add(copy[i]);
        }
    }

    public synchronized int size() {
        return size;
    }

    /** The p-th percentile (0–100, nearest rank), or NaN when empty. */
    public synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    public synchronized long min() {
        return size == 0 ? 0 : Arrays.stream(values, 0, size).min().getAsLong();
    }

    public synchronized long max() {
        return size == 0 ? 0 : Arrays.stream(values, 0, size).max().getAsLong();
    }
}
