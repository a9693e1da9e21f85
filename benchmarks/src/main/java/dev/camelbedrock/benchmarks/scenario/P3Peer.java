package dev.camelbedrock.benchmarks.scenario;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelbedrock.benchmarks.report.ScenarioResult;

/**
 * P3: against the peer, Camel's own {@code aws-bedrock:} converse (camel-aws-bedrock 4.18.0), on the same emulator,
 * at the same 200 ms latency, over HTTP/1.1 (the peer's sync Apache client speaks nothing else, so ours is set to
 * HTTP/1.1 too). The peer runs in its own JVM with N caller threads: its producer blocks, so N threads are N calls
 * in flight. Ours runs here, driven by one thread through the asynchronous producer at the P2 in-flight target; its
 * live thread count is reported next to the peer JVM's. A third phase runs ours at N in flight, the peer's own
 * concurrency, to show where the gain comes from.
 */
public final class P3Peer extends Scenario {

    static final double TARGET = 20;

    public P3Peer() {
        super("P3", "the peer: camel-aws-bedrock 4.18.0 converse, same emulator, latency and thread budget");
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        Scale s = bench.scale();
        URI uri = bench.emulator().uri();
        bench.emulator().configure(s.p3LatencyMs, 0);
        int threads = s.p3PeerThreads;
        int inFlight = s.p3InFlight;
        result.target("route throughput ≥ " + (int) TARGET + "× the peer's");
        result.parameters().put("latencyMs", s.p3LatencyMs).put("rounds", s.p3Rounds).put("httpProtocol", "HTTP/1.1")
                .put("peerCallerThreads", threads).put("routeInFlight", inFlight)
                .put("warmupSeconds", s.p3Warmup.toMillis() / 1000.0).put("measureSeconds", s.p3Measure.toMillis() / 1000.0);
        String peerLabel = "peer aws-bedrock:, " + threads + " threads";
        String oursLabel = "route, " + inFlight + " in flight";
        String sameLabel = "route, " + threads + " in flight";
        Map<String, SideBySide.Phase<ConversePhase.Outcome>> phases = new LinkedHashMap<>();
        phases.put(peerLabel, r -> {
            ConversePhase.Outcome o = new ConversePhase.Outcome(PeerProcess.run(uri, threads, s.p3Warmup, s.p3Measure), 0);
            ConversePhase.record(result.phase(peerLabel), o, threads);
            return o;
        });
        phases.put(oursLabel, r -> ConversePhase.run(bench, result, oursLabel, ConversePhase.route(uri, "HTTP1_1", inFlight),
                inFlight, s.p3Warmup, s.p3Measure));
        phases.put(sameLabel, r -> ConversePhase.run(bench, result, sameLabel, ConversePhase.route(uri, "HTTP1_1", threads),
                threads, s.p3Warmup, s.p3Measure));
        Map<String, List<ConversePhase.Outcome>> out = SideBySide.rounds(s.p3Rounds, phases);
        List<ConversePhase.Outcome> peer = out.get(peerLabel);
        List<ConversePhase.Outcome> ours = out.get(oursLabel);
        List<ConversePhase.Outcome> same = out.get(sameLabel);

        double[] ratios = Stats.ratios(peer, ours, ConversePhase.Outcome::throughput);
        double ratio = Stats.median(ratios);
        String peerThroughput = Stats.unit(Stats.median(peer, ConversePhase.Outcome::throughput), "calls/s");
        result.row("throughput: peer (" + threads + " threads) vs route (" + inFlight + " in flight)", peerThroughput,
                Stats.unit(Stats.median(ours, ConversePhase.Outcome::throughput), "calls/s"), ratio,
                "per-round ratios " + Stats.list(ratios));
        result.row("throughput at the same " + threads + " in flight", peerThroughput,
                Stats.unit(Stats.median(same, ConversePhase.Outcome::throughput), "calls/s"),
                Stats.median(Stats.ratios(peer, same, ConversePhase.Outcome::throughput)),
                "equal concurrency: the gain above is concurrency on few threads, not a faster call");
        result.row("live threads of the JVM (absolute, peak)", String.valueOf((int) Stats.max(peer, o -> o.window().peakThreads())),
                String.valueOf((int) Stats.max(ours, o -> o.window().peakThreads())), null,
                "peer: its whole JVM; route: this JVM at " + inFlight + " in flight, of which "
                + (int) Stats.max(ours, ConversePhase.Outcome::subjectThreads) + " added by the subject");
        result.row("failed calls", String.valueOf(peer.stream().mapToLong(o -> o.window().failed()).sum()),
                String.valueOf(ours.stream().mapToLong(o -> o.window().failed()).sum()), null, "all rounds");
        result.headline("throughput ratio route/peer", ratio, ratio >= TARGET);
        result.note("The peer runs in its own JVM (module benchmarks/peer, its own Maven-resolved classpath: camel-aws-bedrock"
                    + " 4.18.0, AWS SDK 2.50.2 from our BOM, apache-client 2.41.28), started anew for each of its phases; its"
                    + " warm-up starts once each caller thread has finished one call, and lasts the warm-up time and until"
                    + " two more calls per thread have completed (ours: the warm-up time and twice the in-flight count).");
    }
}
