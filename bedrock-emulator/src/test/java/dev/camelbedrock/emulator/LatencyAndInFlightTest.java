package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Latency distributions (spread, seeding, every way to set them) and the in-flight gauge with its high-water mark. */
class LatencyAndInFlightTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void specsParseAndPrintBack() {
        for (String spec : List.of("250", "uniform:100-300", "normal:200,50", "exponential:200", "normal:1.5,0.5")) {
            assertThat(Latency.parse(spec).spec()).isEqualTo(spec);
        }
        assertThat(Latency.parse("fixed:40")).isEqualTo(Latency.fixed(40));
        assertThat(Latency.parse(" Uniform: 10 - 20 ")).isEqualTo(Latency.uniform(10, 20));
        assertThatThrownBy(() -> Latency.parse("gamma:3")).hasMessageContaining("uniform:MIN-MAX");
        assertThatThrownBy(() -> Latency.parse("uniform:300-100")).hasMessageContaining("below minimum");
        assertThatThrownBy(() -> Latency.parse("normal:200")).hasMessageContaining("two numbers");
        assertThatThrownBy(() -> Latency.parse("-5")).hasMessageContaining(">= 0");
    }

    @Test
    void distributionsHaveTheConfiguredSpread() {
        Stats uniform = Stats.of(Latency.parse("uniform:100-300"), new Random(1));
        assertThat(uniform.min).isGreaterThanOrEqualTo(100);
        assertThat(uniform.max).isLessThanOrEqualTo(300);
        assertThat(uniform.mean).isCloseTo(200, within(5.0));
        assertThat(uniform.stddev).isCloseTo(200 / Math.sqrt(12), within(5.0));

        Stats normal = Stats.of(Latency.parse("normal:200,50"), new Random(2));
        assertThat(normal.mean).isCloseTo(200, within(3.0));
        assertThat(normal.stddev).isCloseTo(50, within(3.0));
        assertThat(Stats.of(Latency.parse("normal:10,50"), new Random(3)).min).isZero(); // cut at 0, never negative

        Stats exponential = Stats.of(Latency.parse("exponential:100"), new Random(4));
        assertThat(exponential.mean).isCloseTo(100, within(5.0));
        assertThat(exponential.stddev).isCloseTo(100, within(8.0)); // an exponential's stddev is its mean
        assertThat(exponential.max).isGreaterThan(400); // the long tail

        assertThat(Stats.of(Latency.fixed(70), new Random(5)).stddev).isZero();
    }

    @Test
    void aSeededEmulatorDrawsTheSameDelaysAgain() {
        try (BedrockEmulator emulator = BedrockEmulator.builder().latency("exponential:50").latencySeed(42).build()) {
            List<Long> first = draw(emulator, 20);
            emulator.reset();
            assertThat(draw(emulator, 20)).isEqualTo(first);
            emulator.latencySeed(42);
            assertThat(draw(emulator, 20)).isEqualTo(first);
            assertThat(first.stream().distinct().count()).isGreaterThan(10);
        }
    }

    private static List<Long> draw(BedrockEmulator emulator, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(emulator.context().sampleLatencyMs());
        }
        return out;
    }

    @Test
    void responsesAreDelayedByTheDistribution() {
        try (BedrockEmulator emulator = BedrockEmulator.builder().latency("uniform:60-160").latencySeed(7).build().start();
             BedrockRuntimeAsyncClient client = Sdk.runtimeH2(emulator.uri())) {
            List<CompletableFuture<ConverseResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(client.converse(Sdk.converse(HAIKU, "call " + i)));
            }
            // metrics.latencyMs is measured by the emulator from the request's arrival to the response
            List<Long> latencies = calls.stream().map(c -> join(c).metrics().latencyMs()).toList();
            assertThat(latencies).allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(60));
            assertThat(latencies.stream().mapToLong(Long::longValue).max().getAsLong()
                       - latencies.stream().mapToLong(Long::longValue).min().getAsLong()).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void latencyFromTheCommandLineAndTheAdminApi() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BedrockEmulator emulator = BedrockEmulatorMain.launch(new String[] {"--port", "0", "--latency",
                "normal:200,50", "--latency-seed", "9"}, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(emulator.latency()).isEqualTo(Latency.normal(200, 50));
            assertThat(emulator.latencyMs()).isEqualTo(200);
            URI config = URI.create(emulator.uri() + "/_emulator/config");
            JsonNode after = MAPPER.readTree(Sdk.http("POST", config, "{\"latency\":\"uniform:5-15\",\"latencySeed\":3}").body());
            assertThat(after.get("latency").asText()).isEqualTo("uniform:5-15");
            assertThat(after.get("latencyMs").asLong()).isEqualTo(10);
            assertThat(Sdk.http("POST", config, "{\"latency\":\"sometimes\"}").statusCode()).isEqualTo(400);
            // reset restores the command line's distribution
            emulator.reset();
            assertThat(emulator.latency().spec()).isEqualTo("normal:200,50");
        }
        assertThatThrownBy(() -> BedrockEmulatorMain.launch(new String[] {"--latency", "soon"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inFlightCountsOpenRequestsAndStreamsUntilTheirEnd() throws Exception {
        try (BedrockEmulator emulator = BedrockEmulator.builder().build().start();
             BedrockRuntimeAsyncClient client = Sdk.runtimeH2(emulator.uri())) {
            join(client.converse(Sdk.converse(HAIKU, "warm up: the connection is open")));
            emulator.latency(Duration.ofMillis(1000));
            emulator.stats().reset();
            List<CompletableFuture<ConverseResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(client.converse(Sdk.converse(HAIKU, "call " + i)));
            }
            calls.forEach(Sdk::join);
            await(() -> emulator.stats().inFlight() == 0);
            assertThat(emulator.stats().maxInFlight()).isEqualTo(12);
            JsonNode stats = MAPPER.readTree(Sdk.http("GET", URI.create(emulator.uri() + "/_emulator/stats"), null).body());
            assertThat(stats.get("maxInFlight").asInt()).isEqualTo(12);
            assertThat(stats.get("inFlight").asInt()).isZero();

            // a stream is open until its last event
            emulator.latency(Duration.ZERO).pauseStreamsAfter(2);
            emulator.stats().reset();
            Sdk.StreamCollector stream = new Sdk.StreamCollector();
            CompletableFuture<Void> done = client.converseStream(Sdk.converseStream(HAIKU, "a b c d e"), stream.handler);
            assertThat(emulator.awaitHeldStreams(1, Duration.ofSeconds(10))).isTrue();
            assertThat(emulator.stats().inFlight()).isEqualTo(1);
            emulator.resumeStreams();
            join(done);
            await(() -> emulator.stats().inFlight() == 0);
            assertThat(emulator.stats().maxInFlight()).isEqualTo(1);
        }
    }

    @Test
    void countsTheClientConnectionsOpenAndAccepted() throws Exception {
        try (BedrockEmulator emulator = BedrockEmulator.builder().build().start()) {
            try (BedrockRuntimeAsyncClient client = Sdk.runtimeH2(emulator.uri())) {
                join(client.converse(Sdk.converse(HAIKU, "hello")));
                assertThat(emulator.stats().openConnections()).isEqualTo(1);
                assertThat(emulator.stats().connectionsAccepted()).isEqualTo(1);
            }
            // closing the client closes its connection; the emulator sees it go
            await(() -> emulator.stats().openConnections() == 0);
            emulator.reset();
            assertThat(emulator.stats().connectionsAccepted()).isZero();
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Summary statistics of 20,000 samples. */
    private record Stats(double min, double max, double mean, double stddev) {
        static Stats of(Latency latency, Random random) {
            int n = 20_000;
            double sum = 0;
            double sq = 0;
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int i = 0; i < n; i++) {
                double v = latency.sampleMs(random);
                sum += v;
                sq += v * v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / n;
            return new Stats(min, max, mean, Math.sqrt(sq / n - mean * mean));
        }
    }
}
