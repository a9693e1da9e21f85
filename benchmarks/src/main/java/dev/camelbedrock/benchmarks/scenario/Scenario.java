package dev.camelbedrock.benchmarks.scenario;

import dev.camelbedrock.benchmarks.report.ScenarioResult;

/** One benchmark of the issue (P1 … P7, Kafka): runs its phases and fills its result. */
public abstract class Scenario {

    private final String id;
    private final String title;

    protected Scenario(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public final String id() {
        return id;
    }

    public final String title() {
        return title;
    }

    /** Runs its phases and fills {@code result}. */
    public abstract void run(BenchContext bench, ScenarioResult result) throws Exception;

    /** The system property {@code property} (see BENCHMARKS.md, Overrides), or {@code fallback} when unset or blank. */
    static String override(String property, String fallback) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? fallback : v;
    }
}
