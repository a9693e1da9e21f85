package dev.camelbedrock.emulator;

import java.util.Locale;
import java.util.Random;

/**
 * A distribution of the delay before every Bedrock response. Written as a spec string:
 * <ul>
 * <li>{@code 250} (or {@code fixed:250}): always 250 ms;</li>
 * <li>{@code uniform:100-300}: uniformly between 100 and 300 ms;</li>
 * <li>{@code normal:200,50}: mean 200 ms, standard deviation 50 ms, cut at 0;</li>
 * <li>{@code exponential:200}: exponential with mean 200 ms (a long tail, as real generation times have).</li>
 * </ul>
 * Samples come from the caller's {@link Random}, so a seeded emulator draws the same sequence of delays.
 */
public final class Latency {

    /** No delay. */
    public static final Latency NONE = fixed(0);

    private enum Kind { FIXED, UNIFORM, NORMAL, EXPONENTIAL }

    private final Kind kind;
    private final double a;
    private final double b;

    private Latency(Kind kind, double a, double b) {
        this.kind = kind;
        this.a = a;
        this.b = b;
    }

    public static Latency fixed(long ms) {
        requireNonNegative(ms, "latency");
        return new Latency(Kind.FIXED, ms, 0);
    }

    public static Latency uniform(long minMs, long maxMs) {
        requireNonNegative(minMs, "uniform minimum");
        if (maxMs < minMs) {
            throw new IllegalArgumentException("uniform latency: maximum " + maxMs + " is below minimum " + minMs);
        }
        return new Latency(Kind.UNIFORM, minMs, maxMs);
    }

    public static Latency normal(double meanMs, double stddevMs) {
        requireNonNegative(meanMs, "normal mean");
        requireNonNegative(stddevMs, "normal standard deviation");
        return new Latency(Kind.NORMAL, meanMs, stddevMs);
    }

    public static Latency exponential(double meanMs) {
        requireNonNegative(meanMs, "exponential mean");
        return new Latency(Kind.EXPONENTIAL, meanMs, 0);
    }

    /** Parses a spec ({@code 250}, {@code fixed:250}, {@code uniform:100-300}, {@code normal:200,50}, {@code exponential:200}). */
    public static Latency parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String kind = colon < 0 ? "fixed" : s.substring(0, colon).trim();
        String args = colon < 0 ? s : s.substring(colon + 1).trim();
        try {
            switch (kind) {
                case "fixed":
                    return fixed(Long.parseLong(args));
                case "uniform": {
                    String[] p = split(args, "-", spec);
                    return uniform(Long.parseLong(p[0]), Long.parseLong(p[1]));
                }
                case "normal": {
                    String[] p = split(args, ",", spec);
                    return normal(Double.parseDouble(p[0]), Double.parseDouble(p[1]));
                }
                case "exponential":
                    return exponential(Double.parseDouble(args));
                default:
                    throw new IllegalArgumentException("Unknown latency distribution '" + kind + "' in '" + spec
                            + "'. Accepted: N, fixed:N, uniform:MIN-MAX, normal:MEAN,STDDEV, exponential:MEAN (ms)");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad latency '" + spec + "': " + e.getMessage()
                    + ". Accepted: N, fixed:N, uniform:MIN-MAX, normal:MEAN,STDDEV, exponential:MEAN (ms)");
        }
    }

    private static String[] split(String args, String separator, String spec) {
        String[] p = args.split(java.util.regex.Pattern.quote(separator));
        if (p.length != 2) {
            throw new IllegalArgumentException("Bad latency '" + spec + "': expected two numbers separated by '"
                    + separator + "'");
        }
        return new String[] {p[0].trim(), p[1].trim()};
    }

    private static void requireNonNegative(double v, String what) {
        if (v < 0 || Double.isNaN(v)) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + v);
        }
    }

    /** One delay in milliseconds, never negative. */
    public long sampleMs(Random random) {
        switch (kind) {
            case UNIFORM:
                return (long) a + (b > a ? (long) Math.floor(random.nextDouble() * (b - a + 1)) : 0);
            case NORMAL:
                return Math.max(0, Math.round(a + random.nextGaussian() * b));
            case EXPONENTIAL:
                return Math.round(-a * Math.log(1 - random.nextDouble()));
            default:
                return (long) a;
        }
    }

    /** The mean delay in milliseconds (for a cut normal distribution: its uncut mean). */
    public long meanMs() {
        return kind == Kind.UNIFORM ? Math.round((a + b) / 2) : Math.round(a);
    }

    public boolean isFixed() {
        return kind == Kind.FIXED;
    }

    /** The spec string this distribution parses from. */
    public String spec() {
        switch (kind) {
            case UNIFORM:
                return "uniform:" + (long) a + "-" + (long) b;
            case NORMAL:
                return "normal:" + num(a) + "," + num(b);
            case EXPONENTIAL:
                return "exponential:" + num(a);
            default:
                return Long.toString((long) a);
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Latency && ((Latency) o).spec().equals(spec());
    }

    @Override
    public int hashCode() {
        return spec().hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }
}
