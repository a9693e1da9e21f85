package dev.camelbedrock.benchmarks.scenario;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.benchmarks.load.AsyncCall;
import dev.camelbedrock.benchmarks.load.ClosedLoop;
import dev.camelbedrock.benchmarks.report.Machine;
import dev.camelbedrock.benchmarks.report.ScenarioResult;
import dev.camelbedrock.benchmarks.subject.CamelSubject;
import dev.camelbedrock.benchmarks.subject.DeltaSink;
import dev.camelbedrock.benchmarks.subject.RawSdk;
import dev.camelbedrock.benchmarks.subject.Subject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * P7: the heap that 1,000 concurrent streams hold. Every stream is held open by the emulator's stream gate after a
 * few events (so all 1,000 are open at once, each with its first deltas received), then the heap is measured after
 * a full GC: what the open streams really retain, not garbage waiting for collection. Baseline: the raw SDK holding
 * the same streams (collecting the text, as an application would). Each phase has a fresh subject, so the heap holds
 * one subject only.
 */
public final class P7Memory extends Scenario {

    static final double TARGET_MB = 256;

    public P7Memory() {
        super("P7", "memory: heap with 1,000 concurrent streams open");
    }

    /** The heap and threads with the streams open, and with none. */
    record Held(double idleMB, double openMB, int threadsAdded, int streams, double openSeconds, long onCallerThread) {

        double perStreamKB() {
            return (openMB - idleMB) * 1024 / streams;
        }
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        Scale s = bench.scale();
        URI uri = bench.emulator().uri();
        bench.emulator().configure(0, 0);
        int n = s.p7Streams;
        result.target("heap ≤ " + (int) TARGET_MB + " MB with " + n + " streams open (both delivery modes)");
        result.parameters().put("streams", n).put("pauseAfterEvents", s.p7PauseAfterEvents)
                .put("replyDeltas", s.p7ReplyWords + 2).put("rounds", s.p7Rounds)
                .put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .put("g1HeapRegionSize", Machine.vmOption("G1HeapRegionSize"));
        String prompt = ("word ".repeat(s.p7ReplyWords)).trim();
        int maxConcurrency = Math.max(n, ConversePhase.DEFAULT_MAX_CONCURRENCY);

        AtomicReference<LongAdder> deltas = new AtomicReference<>(new LongAdder());
        AtomicReference<LongAdder> onCaller = new AtomicReference<>(new LongAdder());
        DeltaSink counter = (text, index) -> deltas.get().increment();
        Runnable routeOnCaller = () -> onCaller.get().increment();
        Map<String, Subject.Factory> subjects = new LinkedHashMap<>();
        subjects.put("raw SDK", () -> {
            RawSdk raw = new RawSdk(uri, null, maxConcurrency, prompt);
            return Subject.of(raw.stream(counter), raw);
        });
        subjects.put("route streamTo", () -> new CamelSubject(uri, routes(counter, routeOnCaller, maxConcurrency), "direct:p7-streamto", prompt));
        subjects.put("route ChatStream iterator", () -> new CamelSubject(uri, routes(counter, routeOnCaller, maxConcurrency), "direct:p7-iterator", prompt));

        Map<String, SideBySide.Phase<Held>> phases = new LinkedHashMap<>();
        subjects.forEach((name, factory) -> phases.put(name, r -> {
            long started = System.nanoTime();
            deltas.set(new LongAdder());
            onCaller.set(new LongAdder());
            Held h = hold(bench, factory, n, s.p7PauseAfterEvents, deltas, onCaller);
            ObjectNode p = result.phase(name);
            p.put("streams", n).put("idleHeapMB", h.idleMB()).put("openHeapMB", h.openMB())
                    .put("perStreamKB", h.perStreamKB()).put("threadsAdded", h.threadsAdded())
                    .put("routeOnCallerThread", h.onCallerThread()).put("secondsToOpenAll", h.openSeconds())
                    .put("phaseSeconds", (System.nanoTime() - started) / 1e9);
            return h;
        }));
        Map<String, List<Held>> out = SideBySide.rounds(s.p7Rounds, phases);
        List<Held> raw = out.get("raw SDK");
        double worst = 0;
        for (Map.Entry<String, List<Held>> e : out.entrySet()) {
            if (e.getValue() == raw) {
                continue;
            }
            List<Held> mode = e.getValue();
            double open = Stats.median(mode, Held::openMB);
            result.row("heap with " + n + " streams open, " + e.getKey(), Stats.unit(Stats.median(raw, Held::openMB), "MB"),
                    Stats.unit(open, "MB"), Stats.median(Stats.ratios(raw, mode, Held::openMB)),
                    "after full GC; idle (subject built, no stream): raw " + Stats.unit(Stats.median(raw, Held::idleMB), "MB")
                    + ", route " + Stats.unit(Stats.median(mode, Held::idleMB), "MB"));
            double rawPerStream = Stats.median(raw, Held::perStreamKB);
            double modePerStream = Stats.median(mode, Held::perStreamKB);
            result.row("heap per open stream, " + e.getKey(), Stats.unit(rawPerStream, "KB"), Stats.unit(modePerStream, "KB"),
                    Stats.median(Stats.ratios(raw, mode, Held::perStreamKB)),
                    "the component's own share: " + Stats.unit(modePerStream - rawPerStream, "KB") + " per stream");
            result.row("live threads added with " + n + " streams open, " + e.getKey(),
                    String.valueOf((int) Stats.max(raw, Held::threadsAdded)),
                    String.valueOf((int) Stats.max(mode, Held::threadsAdded)), null,
                    e.getKey().contains("iterator") ? "the route reads each open stream's iterator on a thread of its own" : null);
            if (e.getKey().contains("iterator")) {
                result.row("streams whose route ran on the sending thread, " + e.getKey(), null,
                        (long) Stats.max(mode, Held::onCallerThread) + " of " + n, null,
                        "the component race described in BENCHMARKS.md (most in a round)");
            }
            worst = Math.max(worst, open);
        }
        result.headline("heap with " + n + " streams open, larger route mode (MB)", worst, worst <= TARGET_MB);
    }

    /**
     * Builds the subject, measures it idle, opens {@code n} streams that the emulator holds, measures, releases. The
     * streams are opened from a cached pool of harness threads ({@code bench-p7-caller}): a ChatStream route that the
     * component continues on the sending thread holds that thread until its stream ends, and with the streams held by
     * the emulator's gate, one driver thread would wait forever. Threads added counts the subject's threads and the
     * callers held that way, not the idle callers.
     */
    private static Held hold(BenchContext bench, Subject.Factory factory, int n, int pauseAfter,
                             AtomicReference<LongAdder> deltas, AtomicReference<LongAdder> onCaller) throws Exception {
        int baselineThreads = bench.settleThreads();
        try (Subject subject = factory.create()) {
            AsyncCall call = subject.call();
            ClosedLoop.prime(call, Duration.ofSeconds(120));
            ClosedLoop.forCount(call, 16, 32, Duration.ofMinutes(2), bench.watch());
            double idle = heapAfterGcMB();
            bench.emulator().pauseStreamsAfter(pauseAfter);
            deltas.set(new LongAdder());
            CountDownLatch done = new CountDownLatch(n);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicInteger callerNumber = new AtomicInteger();
            ThreadPoolExecutor callers = (ThreadPoolExecutor) Executors.newCachedThreadPool(
                    r -> new Thread(r, "bench-p7-caller-" + callerNumber.incrementAndGet()));
            try {
                for (int i = 0; i < n; i++) {
                    callers.execute(() -> call.start(f -> {
                        if (f != null) {
                            failure.compareAndSet(null, f);
                        }
                        done.countDown();
                    }));
                }
                long opening = System.nanoTime();
                int held = bench.emulator().awaitHeldStreams(n, Duration.ofMinutes(2));
                long expected = (long) n * (pauseAfter - 1); // messageStart, then text deltas
                long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                while (deltas.get().sum() < expected && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                if (held < n || deltas.get().sum() < expected) {
                    throw new IllegalStateException("only " + held + " of " + n + " streams held, " + deltas.get().sum()
                                                    + " of " + expected + " deltas received; first failure: " + failure.get());
                }
                double open = heapAfterGcMB();
                long heldCallers = onCaller.get().sum();
                int threadsAdded = bench.watch().live() - baselineThreads - (callers.getPoolSize() - (int) heldCallers);
                return new Held(idle, open, threadsAdded, n, (System.nanoTime() - opening) / 1e9, heldCallers);
            } finally {
                bench.emulator().resumeStreams();
                callers.shutdown();
                if (!done.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException(done.getCount() + " streams did not finish after the gate opened");
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("a stream failed: " + failure.get(), failure.get());
                }
            }
        }
    }

    static double heapAfterGcMB() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static RouteBuilder routes(DeltaSink counter, Runnable routeOnCaller, int maxConcurrency) {
        String options = ConversePhase.sized(maxConcurrency);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:p7-streamto").to(CamelSubject.converseUri("converseStream", options + "&streamTo=direct:p7-delta"));
                from("direct:p7-delta").process(e -> counter.delta(null, 0));
                from("direct:p7-iterator").to(CamelSubject.converseUri("converseStream", options))
                        .split(body()).streaming()
                            .process(e -> {
                                if (e.getProperty(Exchange.SPLIT_INDEX, Integer.class) == 0 && !CamelSubject.onStreamReader()) {
                                    routeOnCaller.run();
                                }
                            })
                            .filter(body().isNotNull())
                                .process(e -> counter.delta(null, 0))
                            .end()
                        .end();
            }
        };
    }
}
