package dev.camelbedrock.benchmarks.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.benchmarks.load.ClosedLoop;
import dev.camelbedrock.benchmarks.report.Json;
import dev.camelbedrock.benchmarks.report.ScenarioResult;
import dev.camelbedrock.benchmarks.subject.Bench;
import dev.camelbedrock.benchmarks.subject.CamelSubject;
import dev.camelbedrock.benchmarks.subject.RawSdk;
import dev.camelbedrock.benchmarks.subject.Subject;

/**
 * One phase of a closed-loop scenario: waits for the previous subject's threads to end, builds a fresh subject, primes
 * it with one call, runs the closed loop (warm-up, measured window), closes it and records the phase.
 */
final class ConversePhase {

    /** The measured window and the live threads the subject added to this JVM. */
    record Outcome(ClosedLoop.Window window, int baselineThreads) {

        int subjectThreads() {
            return window.peakThreads() - baselineThreads;
        }

        double throughput() {
            return window.throughput();
        }
    }

    static final String RAW = "raw SDK";
    static final String ROUTE = "route";

    /** The component's default maxConcurrency; both subjects get it, or the in-flight count when that is higher. */
    static final int DEFAULT_MAX_CONCURRENCY = 500;

    private ConversePhase() {
    }

    /** The raw SDK for {@code inFlight} calls; {@code httpProtocol} null = the SDK's default. */
    static Subject.Factory raw(URI emulator, String httpProtocol, int inFlight) {
        return () -> new RawSdk(emulator, httpProtocol, Math.max(inFlight, DEFAULT_MAX_CONCURRENCY), Bench.PROMPT);
    }

    /**
     * {@code direct → bedrock:converse} configured like {@link #raw}, and sized for {@code inFlight} as a user sizes an
     * endpoint (docs/throughput.md): maxInFlight = maxConcurrency, so the endpoint's back-pressure bound (default 500)
     * does not cap a 1,024-in-flight phase.
     */
    static Subject.Factory route(URI emulator, String httpProtocol, int inFlight) {
        return () -> CamelSubject.converse(emulator, sized(inFlight) + (httpProtocol != null ? "&httpProtocol=" + httpProtocol : ""),
                Bench.PROMPT);
    }

    /** The endpoint options for {@code inFlight} concurrent calls: {@code &maxConcurrency=N&maxInFlight=N}. */
    static String sized(int inFlight) {
        int n = Math.max(inFlight, DEFAULT_MAX_CONCURRENCY);
        return "&maxConcurrency=" + n + "&maxInFlight=" + n;
    }

    static Outcome run(BenchContext bench, ScenarioResult result, String label, Subject.Factory factory, int inFlight,
                       Duration warmup, Duration measure) throws Exception {
        int baseline = bench.settleThreads();
        ClosedLoop.Window w;
        try (Subject subject = factory.create()) {
            ClosedLoop.prime(subject.call(), Duration.ofSeconds(120));
            w = ClosedLoop.forDuration(subject.call(), inFlight, warmup, measure, bench.watch());
        }
        Outcome outcome = new Outcome(w, baseline);
        record(result.phase(label), outcome, inFlight);
        return outcome;
    }

    /** The raw SDK and the route at {@code inFlight}, side by side for {@code rounds} rounds. */
    record Compared(List<Outcome> raw, List<Outcome> route) {

        /** Adds the throughput and CPU-per-call rows; returns the median throughput ratio route/raw. */
        double addRows(ScenarioResult result, int inFlight, String throughputNote) {
            double[] ratios = Stats.ratios(raw, route, Outcome::throughput);
            double ratio = Stats.median(ratios);
            result.row("throughput, " + inFlight + " in flight", Stats.unit(Stats.median(raw, Outcome::throughput), "calls/s"),
                    Stats.unit(Stats.median(route, Outcome::throughput), "calls/s"), ratio,
                    "median of per-round ratios " + Stats.list(ratios) + (throughputNote != null ? "; " + throughputNote : ""));
            result.row("process CPU per call, " + inFlight + " in flight",
                    Stats.unit(Stats.median(raw, o -> o.window().cpuMicrosPerCall()), "µs"),
                    Stats.unit(Stats.median(route, o -> o.window().cpuMicrosPerCall()), "µs"),
                    Stats.median(Stats.ratios(raw, route, o -> o.window().cpuMicrosPerCall())),
                    "the whole client JVM (the emulator has its own); above 1 is more CPU");
            return ratio;
        }
    }

    static Compared rawVsRoute(BenchContext bench, ScenarioResult result, int inFlight, Duration warmup, Duration measure,
                               int rounds) throws Exception {
        URI uri = bench.emulator().uri();
        Map<String, SideBySide.Phase<Outcome>> phases = new LinkedHashMap<>();
        phases.put(RAW, r -> run(bench, result, RAW, raw(uri, null, inFlight), inFlight, warmup, measure));
        phases.put(ROUTE, r -> run(bench, result, ROUTE, route(uri, null, inFlight), inFlight, warmup, measure));
        Map<String, List<Outcome>> out = SideBySide.rounds(rounds, phases);
        return new Compared(out.get(RAW), out.get(ROUTE));
    }

    static void record(ObjectNode p, Outcome o, int inFlight) {
        ClosedLoop.Window w = o.window();
        p.put("inFlight", inFlight);
        p.put("completed", w.completed());
        p.put("failed", w.failed());
        p.put("warmupSeconds", w.warmupSeconds());
        p.put("seconds", w.seconds());
        p.put("throughput", w.throughput());
        p.put("meanLatencyMs", w.meanLatencyMs());
        p.put("cpuMicrosPerCall", w.cpuMicrosPerCall());
        p.put("baselineThreads", o.baselineThreads());
        p.put("peakThreads", w.peakThreads());
        p.put("subjectThreads", o.subjectThreads());
        p.set("threadsByName", Json.MAPPER.valueToTree(w.threadsByName()));
        p.put("firstError", w.firstError());
    }
}
