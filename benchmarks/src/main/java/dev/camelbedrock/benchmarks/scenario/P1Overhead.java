package dev.camelbedrock.benchmarks.scenario;

import dev.camelbedrock.benchmarks.report.Json;
import dev.camelbedrock.benchmarks.report.ScenarioResult;

/**
 * P1: what the route costs on top of the SDK. {@code direct:converse → bedrock:converse} against the raw async SDK,
 * zero model latency, the same closed loop at 1 and at 64 calls in flight (HTTP/2, the SDK's default here). The
 * headline is the throughput ratio at the highest in-flight count: with no latency to wait on, both saturate the
 * CPU, so the ratio is the CPU the route adds per call. At 1 in flight it is the latency it adds.
 */
public final class P1Overhead extends Scenario {

    public P1Overhead() {
        super("P1", "overhead: route vs raw async SDK, zero latency");
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        Scale s = bench.scale();
        bench.emulator().configure(0, 0);
        result.target("throughput ratio ≥ 0.90 at " + s.p1InFlight[s.p1InFlight.length - 1] + " in flight");
        result.parameters().put("latencyMs", 0).put("rounds", s.p1Rounds)
                .put("warmupSeconds", s.p1Warmup.toMillis() / 1000.0).put("measureSeconds", s.p1Measure.toMillis() / 1000.0)
                .set("inFlight", Json.MAPPER.valueToTree(s.p1InFlight));
        for (int inFlight : s.p1InFlight) {
            ConversePhase.Compared c = ConversePhase.rawVsRoute(bench, result, inFlight, s.p1Warmup, s.p1Measure, s.p1Rounds);
            double ratio = c.addRows(result, inFlight, null);
            result.row("mean latency, " + inFlight + " in flight", Stats.unit(Stats.median(c.raw(), o -> o.window().meanLatencyMs()), "ms"),
                    Stats.unit(Stats.median(c.route(), o -> o.window().meanLatencyMs()), "ms"),
                    Stats.median(Stats.ratios(c.raw(), c.route(), o -> o.window().meanLatencyMs())), "above 1 is slower");
            if (inFlight == s.p1InFlight[s.p1InFlight.length - 1]) {
                result.headline("throughput ratio route/raw at " + inFlight + " in flight", ratio, ratio >= 0.90);
            }
        }
        result.note("Each phase builds a fresh subject (client or CamelContext), primes it with one call, warms up, then"
                    + " measures; the two subjects alternate round by round (A B, B A, …) on the same emulator process.");
    }
}
