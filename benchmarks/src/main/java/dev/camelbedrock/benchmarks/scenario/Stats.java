package dev.camelbedrock.benchmarks.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import dev.camelbedrock.benchmarks.report.Report;

/** Medians and ratio lists over the rounds of a scenario. */
final class Stats {

    private Stats() {
    }

    static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        return median(items.stream().mapToDouble(f).toArray());
    }

    static <T> double max(List<T> items, ToDoubleFunction<T> f) {
        return items.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    /** subject[i] / baseline[i] for each round: the ratio of two phases run side by side. */
    static <T> double[] ratios(List<T> baseline, List<T> subject, ToDoubleFunction<T> f) {
        int n = Math.min(baseline.size(), subject.size());
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = f.applyAsDouble(subject.get(i)) / f.applyAsDouble(baseline.get(i));
        }
        return r;
    }

    static String list(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(Report.fmt(v));
        }
        return b.toString();
    }

    static String unit(double value, String unit) {
        return Report.fmt(value) + " " + unit;
    }

    static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
