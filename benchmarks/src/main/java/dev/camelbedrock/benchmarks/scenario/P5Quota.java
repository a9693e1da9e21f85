package dev.camelbedrock.benchmarks.scenario;

import java.net.URI;
import java.time.Duration;

import dev.camelbedrock.benchmarks.load.ClosedLoop;
import dev.camelbedrock.benchmarks.report.Json;
import dev.camelbedrock.benchmarks.report.ScenarioResult;
import dev.camelbedrock.benchmarks.subject.Bench;
import dev.camelbedrock.benchmarks.subject.CamelSubject;

/**
 * P5: living within a quota. The emulator enforces 600 requests per minute on the model (answering 429 beyond it, like
 * the service); the route, with the component's rate control on, is driven harder than that for 2 minutes. Measured:
 * the sustained rate of successful calls as a share of the quota, and the failed exchanges (target: ≥ 95 %, 0).
 *
 * <p>The emulator's quota ({@code quotas} in {@code /_emulator/config}: token buckets refilled continuously, one
 * second of burst) and the component's {@code maxInFlight} and {@code rateControl=adaptive} (its default, spelt out
 * here). Two properties replace either for a what-if run:
 * <ul>
 * <li>{@code -Dbench.p5.emulatorConfig=<JSON>}: posted to {@code /_emulator/config} instead of the 600/min quota on
 * {@link Bench#MODEL};</li>
 * <li>{@code -Dbench.p5.uriOptions=&…}: the {@code bedrock:converse} options instead of the rate-control ones.</li>
 * </ul>
 */
public final class P5Quota extends Scenario {

    static final String EMULATOR_OVERRIDE = "bench.p5.emulatorConfig";
    static final String URI_OVERRIDE = "bench.p5.uriOptions";

    public P5Quota() {
        super("P5", "quota: 600 requests/min for 2 minutes, sustained rate and failed exchanges");
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        Scale s = bench.scale();
        result.target("≥ 95 % of the quota, 0 failed exchanges");
        String quotaConfig = emulatorQuotaConfig(s);
        String options = rateControlOptions(s);
        result.parameters().put("quotaPerMinute", s.p5QuotaPerMinute).put("seconds", s.p5Duration.toSeconds())
                .put("inFlight", s.p5InFlight).put("emulatorConfig", quotaConfig).put("uriOptions", options);

        URI uri = bench.emulator().uri();
        bench.emulator().configure(0, 0);
        bench.emulator().admin("POST", "/_emulator/config", Json.MAPPER.readTree(quotaConfig));
        bench.emulator().resetStats();
        ClosedLoop.Window w;
        try (CamelSubject route = CamelSubject.converse(uri, options, Bench.PROMPT)) {
            w = ClosedLoop.forDuration(route.call(), s.p5InFlight, Duration.ZERO, s.p5Duration, bench.watch());
        }
        long emulatorCalls = bench.emulator().totalCalls();
        double perMinute = w.completed() / (w.seconds() / 60);
        double share = perMinute / s.p5QuotaPerMinute;
        result.phase("route").put("completed", w.completed()).put("failed", w.failed()).put("seconds", w.seconds())
                .put("perMinute", perMinute).put("emulatorCalls", emulatorCalls).put("firstError", w.firstError());
        result.row("sustained rate", Stats.unit(s.p5QuotaPerMinute, "/min quota"), Stats.unit(perMinute, "/min"), share,
                "ratio = share of the quota");
        result.row("failed exchanges", "0 allowed", String.valueOf(w.failed()), null, w.firstError());
        result.row("calls the emulator answered (incl. 429s)", null, String.valueOf(emulatorCalls), null, null);
        result.headline("share of the quota", share, share >= 0.95 && w.failed() == 0);
    }

    /** The quota on the benchmark's model, or the override's configuration. */
    static String emulatorQuotaConfig(Scale s) {
        return override(EMULATOR_OVERRIDE,
                "{\"quotas\":[{\"model\":\"" + Bench.MODEL + "\",\"rpm\":" + s.p5QuotaPerMinute + "}]}");
    }

    /** Rate control as a user under a quota sets it, or the override's options. */
    static String rateControlOptions(Scale s) {
        return override(URI_OVERRIDE, "&maxInFlight=" + s.p5InFlight + "&rateControl=adaptive");
    }
}
