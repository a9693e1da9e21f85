package dev.camelbedrock.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.camelbedrock.benchmarks.emulator.EmulatorProcess;
import dev.camelbedrock.benchmarks.report.Machine;
import dev.camelbedrock.benchmarks.report.Report;
import dev.camelbedrock.benchmarks.report.ScenarioResult;
import dev.camelbedrock.benchmarks.scenario.BenchContext;
import dev.camelbedrock.benchmarks.scenario.KafkaEnrichment;
import dev.camelbedrock.benchmarks.scenario.P1Overhead;
import dev.camelbedrock.benchmarks.scenario.P2Concurrency;
import dev.camelbedrock.benchmarks.scenario.P3Peer;
import dev.camelbedrock.benchmarks.scenario.P4Streaming;
import dev.camelbedrock.benchmarks.scenario.P5Quota;
import dev.camelbedrock.benchmarks.scenario.P6Embeddings;
import dev.camelbedrock.benchmarks.scenario.P7Memory;
import dev.camelbedrock.benchmarks.scenario.Scale;
import dev.camelbedrock.benchmarks.scenario.Scenario;
import dev.camelbedrock.benchmarks.shared.ThreadWatch;

/**
 * The benchmark harness (see BENCHMARKS.md). Starts the emulator once, in its own JVM, runs the chosen scenarios in
 * this JVM (the subject's), and writes {@code <runId>.json} and {@code <runId>.md}.
 *
 * <pre>
 * RunBenchmarks [--smoke] [--all | p1 p2 p3 p4 p5 p6 p7 kafka …] [--out DIR] [--emulator-io-threads N]
 *               [--set size=value …] [--label NAME]
 * </pre>
 *
 * {@code --smoke}: tiny sizes, seconds per scenario, numbers without meaning (the {@code verify} test).
 * {@code --label}: appended to the run's id (file names), for runs that are not the plain full run.
 * {@code --set}: overrides one size of {@link Scale} (e.g. {@code --set p7Streams=200}).
 * {@code --out}: default {@code benchmarks/results} from the repository root, {@code results} from {@code benchmarks/}.
 */
public final class RunBenchmarks {

    public static final List<Scenario> SCENARIOS = List.of(new P1Overhead(), new P2Concurrency(), new P3Peer(),
            new P4Streaming(), new P5Quota(), new P6Embeddings(), new P7Memory(), new KafkaEnrichment());

    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Report report = run(args);
        boolean failed = report.results().stream().anyMatch(r -> ScenarioResult.FAILED.equals(r.status()));
        System.exit(failed ? 1 : 0);
    }

    /** Runs the scenarios the arguments select and writes the report; returns it. */
    public static Report run(String... args) throws Exception {
        boolean smoke = false;
        Path out = null;
        int emulatorIoThreads = 2;
        Set<String> selected = new LinkedHashSet<>();
        List<String> overrides = new ArrayList<>();
        String label = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke" -> smoke = true;
                case "--all" -> SCENARIOS.forEach(s -> selected.add(s.id()));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--emulator-io-threads" -> emulatorIoThreads = Integer.parseInt(value(args, ++i, a));
                case "--set" -> overrides.add(value(args, ++i, a));
                case "--label" -> label = value(args, ++i, a);
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return new Report("help", "");
                }
                default -> selected.add(scenario(a).id());
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("No scenario chosen.\n" + usage());
        }
        Scale scale = smoke ? Scale.smoke() : Scale.full();
        overrides.forEach(scale::set);
        Path dir = out != null ? out : defaultOutput();
        Report report = new Report(label == null ? scale.name : scale.name + "-" + label.replaceAll("[^A-Za-z0-9-]", "-"),
                "RunBenchmarks " + String.join(" ", args));
        try (ThreadWatch watch = ThreadWatch.start(20);
             EmulatorProcess emulator = EmulatorProcess.start(emulatorIoThreads, "1g")) {
            report.emulator(emulator.describe());
            BenchContext bench = new BenchContext(emulator, scale, watch);
            System.out.println("== JIT warm-up, " + scale.jitWarmup.toSeconds() + " s (load " + Machine.loadavg() + ")");
            report.jitWarmupSeconds(bench.warmUp().toMillis() / 1000.0);
            for (Scenario scenario : SCENARIOS) {
                if (selected.contains(scenario.id())) {
                    report.add(runOne(scenario, bench));
                }
            }
        }
        Path json = report.write(dir);
        System.out.println("Wrote " + json + " and its .md");
        return report;
    }

    private static ScenarioResult runOne(Scenario scenario, BenchContext bench) {
        System.out.println("== " + scenario.id() + " " + scenario.title() + " (load " + Machine.loadavg() + ")");
        ScenarioResult result = new ScenarioResult(scenario.id(), scenario.title());
        try {
            scenario.run(bench, result);
        } catch (Exception | Error e) {
            e.printStackTrace();
            result.failed(e);
        }
        result.finish();
        System.out.println("   " + result.status()
                           + (result.reason() != null ? ": " + result.reason() : "")
                           + (result.headline() != null ? " | " + result.headlineLabel() + " = " + Report.fmt(result.headline())
                                                          + (result.met() != null ? (result.met() ? " (target met)" : " (target missed)") : "") : ""));
        return result;
    }

    private static Scenario scenario(String name) {
        for (Scenario s : SCENARIOS) {
            if (s.id().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown scenario or option '" + name + "'.\n" + usage());
    }

    private static Path defaultOutput() {
        if (Files.isRegularFile(Path.of("benchmarks", "pom.xml"))) {
            return Path.of("benchmarks", "results");
        }
        if (Files.isDirectory(Path.of("src", "main", "java", "dev", "camelbedrock", "benchmarks"))) {
            return Path.of("results");
        }
        return Path.of("benchmark-results");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Missing value for " + option);
        }
        return args[i];
    }

    static String usage() {
        List<String> ids = new ArrayList<>();
        SCENARIOS.forEach(s -> ids.add(s.id().toLowerCase(Locale.ROOT) + " (" + s.title() + ")"));
        return "Usage: RunBenchmarks [--smoke] [--all | SCENARIO…] [--out DIR] [--emulator-io-threads N] [--set size=value]… [--label NAME]\n"
               + "  scenarios: "
               + String.join("\n             ", ids);
    }
}
