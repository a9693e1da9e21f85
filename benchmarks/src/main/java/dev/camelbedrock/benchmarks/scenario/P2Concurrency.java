package dev.camelbedrock.benchmarks.scenario;

import dev.camelbedrock.benchmarks.report.Json;
import dev.camelbedrock.benchmarks.report.ScenarioResult;

/**
 * P2: many calls in flight on few threads. 200 ms model latency; 64, 256 and 1,024 calls in flight; the route against
 * the raw async SDK, side by side; and the live threads each adds to this JVM (the emulator runs in its own JVM, so
 * none of its threads are counted).
 */
public final class P2Concurrency extends Scenario {

    static final int MAX_SUBJECT_THREADS = 16;

    public P2Concurrency() {
        super("P2", "concurrency: in flight at 200 ms latency, throughput and live threads");
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        Scale s = bench.scale();
        bench.emulator().configure(s.p2LatencyMs, 0);
        int top = s.p2InFlight[s.p2InFlight.length - 1];
        result.target("throughput ratio ≥ 0.90 at " + top + " in flight, with ≤ " + MAX_SUBJECT_THREADS + " live threads");
        result.parameters().put("latencyMs", s.p2LatencyMs).put("rounds", s.p2Rounds)
                .put("warmupSeconds", s.p2Warmup.toMillis() / 1000.0).put("measureSeconds", s.p2Measure.toMillis() / 1000.0)
                .put("idleThreads", bench.idleThreads())
                .set("inFlight", Json.MAPPER.valueToTree(s.p2InFlight));
        for (int inFlight : s.p2InFlight) {
            ConversePhase.Compared c = ConversePhase.rawVsRoute(bench, result, inFlight, s.p2Warmup, s.p2Measure, s.p2Rounds);
            double ratio = c.addRows(result, inFlight,
                    "latency-bound ideal " + Stats.unit(inFlight * 1000.0 / s.p2LatencyMs, "calls/s"));
            int rawThreads = (int) Stats.max(c.raw(), ConversePhase.Outcome::subjectThreads);
            int routeThreads = (int) Stats.max(c.route(), ConversePhase.Outcome::subjectThreads);
            result.row("live threads added, " + inFlight + " in flight", String.valueOf(rawThreads),
                    String.valueOf(routeThreads), (double) routeThreads / rawThreads,
                    "peak over the rounds, above the " + bench.idleThreads() + " threads of the idle harness JVM");
            if (inFlight == top) {
                result.headline("throughput ratio route/raw at " + inFlight + " in flight (route threads " + routeThreads + ")",
                        ratio, ratio >= 0.90 && routeThreads <= MAX_SUBJECT_THREADS);
            }
        }
        result.note("Live threads added = peak live Java threads of this JVM during the measured window minus the live"
                    + " count just before the subject was built (ThreadMXBean; by name in each phase's threadsByName).");
    }
}
