package dev.camelbedrock.benchmarks.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.camelbedrock.benchmarks.emulator.EmulatorProcess;
import dev.camelbedrock.benchmarks.load.ClosedLoop;
import dev.camelbedrock.benchmarks.report.Json;
import dev.camelbedrock.benchmarks.report.ScenarioResult;
import dev.camelbedrock.benchmarks.subject.CamelSubject;
import org.apache.camel.builder.RouteBuilder;

/**
 * P6: embeddings coalescing. 10,000 exchanges, each with one text, to Cohere embed through the route: how many calls
 * reach the emulator (its stats), and how long it takes (target: ≤ 105 calls, i.e. ~96 texts per call).
 *
 * <p>Needs the component's embed operation and the emulator's InvokeModel for Cohere embed; both are detected (the
 * operation by name, the emulator by a probe request). Coalescing options, if any, are reported; the run itself
 * measures whatever the code does. TODO(P6): when coalescing lands with options that are off by default, pass them
 * with {@code -Dbench.p6.uriOptions=&…} or set them in {@link #coalescingOptions()}.
 */
public final class P6Embeddings extends Scenario {

    static final String MODEL = "cohere.embed-english-v3";
    static final String URI_HOOK = "bench.p6.uriOptions";

    public P6Embeddings() {
        super("P6", "embeddings: 10,000 single-text exchanges to Cohere embed, calls made and time");
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        Scale s = bench.scale();
        result.target("≤ 105 calls for 10,000 texts");
        Optional<String> operation = Features.operation("embed");
        List<String> coalescing = Features.options("coalesc|batch");
        EmulatorProcess.Response probe = bench.emulator().send("POST", "/model/" + MODEL + "/invoke",
                Json.MAPPER.readTree("{\"texts\":[\"probe\"],\"input_type\":\"search_document\"}"));
        result.parameters().put("exchanges", s.p6Exchanges).put("inFlight", s.p6InFlight).put("model", MODEL)
                .put("componentEmbedOperation", operation.orElse("none"))
                .put("componentCoalescingOptions", Features.describe(coalescing))
                .put("emulatorProbeStatus", probe.status());
        if (new Features.Missing()
                .unless(operation.isPresent(), "the component has no embed operation (no bedrock: operation matching /embed/)")
                .unless(probe.status() == 200, "the emulator does not serve InvokeModel for " + MODEL + " (probe answered "
                        + probe.status() + (probe.errorType() != null ? " " + probe.errorType() : "") + ")")
                .reportTo(result)) {
            return;
        }

        URI uri = bench.emulator().uri();
        bench.emulator().configure(0, 0);
        String endpoint = "bedrock:" + operation.get() + "?modelId=" + MODEL + coalescingOptions().orElse("");
        ClosedLoop.Window w;
        try (CamelSubject route = new CamelSubject(uri, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:embed").to(endpoint);
            }
        }, "direct:embed", "one text to embed")) {
            ClosedLoop.prime(route.call(), Duration.ofSeconds(120));
            bench.emulator().resetStats();
            w = ClosedLoop.forCount(route.call(), s.p6InFlight, s.p6Exchanges, Duration.ofMinutes(10), bench.watch());
        }
        long calls = bench.emulator().totalCalls();
        result.phase("route").put("endpoint", endpoint).put("exchanges", w.completed()).put("failed", w.failed())
                .put("seconds", w.seconds()).put("calls", calls).put("firstError", w.firstError());
        result.row("calls made for " + s.p6Exchanges + " texts", Stats.unit(s.p6Exchanges, "(one per text)"),
                String.valueOf(calls), (double) calls / s.p6Exchanges, "ratio = calls per text");
        result.row("time", null, Stats.unit(w.seconds(), "s"), null, Stats.unit(w.throughput(), "texts/s"));
        result.row("failed exchanges", null, String.valueOf(w.failed()), null, w.firstError());
        result.headline("calls for " + s.p6Exchanges + " texts", calls, calls <= Math.ceil(s.p6Exchanges * 105.0 / 10_000) && w.failed() == 0);
    }

    /** TODO(P6): the coalescing options once they exist (if they are not on by default); today only the hook. */
    static Optional<String> coalescingOptions() {
        return Features.hook(URI_HOOK);
    }
}
