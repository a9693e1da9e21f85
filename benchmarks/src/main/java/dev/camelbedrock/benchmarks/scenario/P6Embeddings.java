package dev.camelbedrock.benchmarks.scenario;

import java.time.Duration;

import dev.camelbedrock.benchmarks.load.ClosedLoop;
import dev.camelbedrock.benchmarks.report.ScenarioResult;
import dev.camelbedrock.benchmarks.subject.CamelSubject;

/**
 * P6: embeddings coalescing. 10,000 exchanges, each with one text, to Cohere embed through the route, twice: first
 * without coalescing (the baseline: one call per exchange), then with {@link #coalescingOptions()}. For each: how many
 * calls reach the emulator (its stats) and how long it takes. Target for the coalesced run: ≤ 105 calls, i.e. ~96
 * texts per call.
 *
 * <p>{@code -Dbench.p6.uriOptions=&…} replaces the coalescing options (for example to try another window).
 */
public final class P6Embeddings extends Scenario {

    static final String MODEL = "cohere.embed-english-v3";
    static final String URI_OVERRIDE = "bench.p6.uriOptions";
    /**
     * Batches of up to the model's limit (96), sent when full or 100 ms after their first text. The window must be
     * longer than 96 texts take to arrive: one run at 20 ms on a loaded 2-core machine (load average 20, the driver
     * issuing ~3,500 texts/s, so ~27 ms per 96) made 112 calls, batches cut short by the window.
     */
    static final String COALESCING = "&embedCoalesceWindow=100ms";

    public P6Embeddings() {
        super("P6", "embeddings: 10,000 single-text exchanges to Cohere embed, calls made and time");
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        Scale s = bench.scale();
        result.target("≤ 105 calls for 10,000 texts");
        result.parameters().put("exchanges", s.p6Exchanges).put("inFlight", s.p6InFlight).put("model", MODEL);

        bench.emulator().configure(0, 0);
        String base = "bedrock:embed?modelId=" + MODEL;
        Phase alone = phase(bench, result, "one call per exchange", base);
        Phase coalesced = phase(bench, result, "coalesced", base + coalescingOptions());
        result.row("calls made for " + s.p6Exchanges + " texts", String.valueOf(alone.calls), String.valueOf(coalesced.calls),
                alone.calls == 0 ? null : (double) coalesced.calls / alone.calls, "ratio = coalesced calls / calls one per exchange");
        result.row("time", Stats.unit(alone.window.seconds(), "s"), Stats.unit(coalesced.window.seconds(), "s"),
                coalesced.window.seconds() / alone.window.seconds(), Stats.unit(coalesced.window.throughput(), "texts/s")
                        + " coalesced, " + Stats.unit(alone.window.throughput(), "texts/s") + " one per exchange");
        result.row("mean latency of an exchange", Stats.unit(alone.window.meanLatencyMs(), "ms"),
                Stats.unit(coalesced.window.meanLatencyMs(), "ms"), coalesced.window.meanLatencyMs() / alone.window.meanLatencyMs(),
                "coalesced: up to the window more, when a batch does not fill");
        result.row("failed exchanges", String.valueOf(alone.window.failed()), String.valueOf(coalesced.window.failed()), null,
                coalesced.window.firstError() != null ? coalesced.window.firstError() : alone.window.firstError());
        result.headline("calls for " + s.p6Exchanges + " texts", coalesced.calls,
                coalesced.calls <= Math.ceil(s.p6Exchanges * 105.0 / 10_000) && coalesced.window.failed() == 0);
    }

    private record Phase(ClosedLoop.Window window, long calls) {
    }

    /** Runs the exchanges through a route to {@code endpoint}, in a fresh subject, and counts the calls made. */
    private static Phase phase(BenchContext bench, ScenarioResult result, String name, String endpoint) throws Exception {
        Scale s = bench.scale();
        ClosedLoop.Window w;
        try (CamelSubject route = CamelSubject.direct(bench.emulator().uri(), "embed", endpoint, "one text to embed")) {
            ClosedLoop.prime(route.call(), Duration.ofSeconds(120));
            bench.emulator().resetStats();
            w = ClosedLoop.forCount(route.call(), s.p6InFlight, s.p6Exchanges, Duration.ofMinutes(10), bench.watch());
        }
        long calls = bench.emulator().totalCalls();
        result.phase(name).put("endpoint", endpoint).put("exchanges", w.completed()).put("failed", w.failed())
                .put("seconds", w.seconds()).put("calls", calls).put("meanLatencyMs", w.meanLatencyMs())
                .put("firstError", w.firstError());
        return new Phase(w, calls);
    }

    /** The coalescing options: {@link #COALESCING}, or what {@code -Dbench.p6.uriOptions} says. */
    static String coalescingOptions() {
        return override(URI_OVERRIDE, COALESCING);
    }
}
