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

    /** Runs; a scenario whose feature does not exist yet marks the result {@link ScenarioResult#notMeasured}. */
    public abstract void run(BenchContext bench, ScenarioResult result) throws Exception;
}
