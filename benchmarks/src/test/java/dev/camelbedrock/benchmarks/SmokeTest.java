package dev.camelbedrock.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.benchmarks.report.Json;
import dev.camelbedrock.benchmarks.report.Report;
import dev.camelbedrock.benchmarks.report.ScenarioResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness runs: every scenario, at smoke size (seconds), against a forked emulator and a forked peer JVM, and
 * writes its report. No timing is asserted: on a shared build machine the numbers mean nothing; that every scenario
 * measured and reported them is what is checked.
 */
class SmokeTest {

    /** Measured scenarios the issue gives no target: a headline, and no verdict. */
    static final List<String> NO_TARGET = List.of("KAFKA");

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void everyScenarioRunsAndReports() throws Exception {
        Path out = Path.of("target", "smoke-results");
        Report report = RunBenchmarks.run("--smoke", "--all", "--out", out.toString());

        assertThat(report.results()).extracting(ScenarioResult::id)
                .containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7", "KAFKA");
        for (ScenarioResult r : report.results()) {
            assertThat(r.status()).as(r.id() + ": " + r.reason()).isEqualTo(ScenarioResult.MEASURED);
            assertThat(r.loadavgStart()).isNotBlank();
            assertThat(r.headline()).as(r.id()).isNotNull();
            if (NO_TARGET.contains(r.id())) {
                assertThat(r.met()).as(r.id() + " has no target to meet").isNull();
            } else {
                assertThat(r.met()).as(r.id()).isNotNull();
            }
            assertThat(r.rows()).as(r.id()).isNotEmpty();
            assertThat(r.phases()).as(r.id()).isNotEmpty();
        }

        Path json = out.resolve(report.runId() + ".json");
        JsonNode written = Json.MAPPER.readTree(json.toFile());
        assertThat(written.path("scenarios")).hasSize(8);
        assertThat(written.path("machine").path("availableProcessors").asInt()).isPositive();
        String markdown = Files.readString(out.resolve(report.runId() + ".md"));
        assertThat(markdown).contains("| P1 ", "| P7 ", "| KAFKA ");
    }
}
