package dev.camelbedrock.benchmarks.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline and subject run in the same time window: round after round, each subject once per round, the order
 * rotated every round (A B, B A, …) so that a drift in the machine's load hits both alike. Ratios are then taken
 * round by round and their median reported.
 */
final class SideBySide {

    @FunctionalInterface
    interface Phase<T> {
        T run(int round) throws Exception;
    }

    private SideBySide() {
    }

    /** Runs {@code rounds} rounds of the phases; returns each phase's outcomes in round order. */
    static <T> Map<String, List<T>> rounds(int rounds, Map<String, Phase<T>> phases) throws Exception {
        List<String> names = new ArrayList<>(phases.keySet());
        Map<String, List<T>> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + r) % names.size());
                out.get(name).add(phases.get(name).run(r));
            }
        }
        return out;
    }
}
