package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;

/** Health, stats, config (latency, rules), request log, reset and unknown routes. */
class AdminApiTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("emulator.json");
        Files.writeString(config, "{\"latencyMs\":0,\"rules\":["
                + "{\"match\":\"(?i)ping\",\"reply\":\"pong\"},"
                + "{\"match\":\"price of (\\\\w+)\",\"model\":\"nova\",\"toolUse\":{\"name\":\"price\",\"input\":{\"item\":\"{{1}}\"}}}]}");
        emulator = BedrockEmulator.builder().rulesFile(config).build().start();
        client = Sdk.runtimeH2(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    private static URI admin(String path) {
        return URI.create(emulator.uri() + "/_emulator/" + path);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return MAPPER.readTree(r.body());
    }

    @Test
    void health() throws Exception {
        HttpResponse<String> r = Sdk.http("GET", admin("health"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("UP");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void rulesFromTheConfigFile() {
        assertThat(ConverseTest.text(join(client.converse(Sdk.converse(HAIKU, "PING")))))
                .isEqualTo("pong");
        ConverseResponse r = join(client.converse(b -> b.modelId("amazon.nova-micro-v1:0")
                .toolConfig(ConverseTest.weatherTool()).messages(Sdk.user("price of tea"))));
        assertThat(r.output().message().content().get(0).toolUse().input().asMap().get("item").asString())
                .isEqualTo("tea");
    }

    @Test
    void statsCountByOperationAndModel() throws Exception {
        join(client.converse(Sdk.converse(HAIKU, "a")));
        join(client.converse(Sdk.converse(HAIKU, "b")));
        join(client.converse(Sdk.converse("amazon.nova-lite-v1:0", "c")));
        Sdk.http("GET", admin("health"), null);
        EmulatorStats stats = emulator.stats();
        assertThat(stats.total()).isEqualTo(3);
        assertThat(stats.count("Converse")).isEqualTo(3);
        assertThat(stats.count("Converse", HAIKU)).isEqualTo(2);
        assertThat(stats.countModel("amazon.nova-lite-v1:0")).isEqualTo(1);
        JsonNode remote = json(Sdk.http("GET", admin("stats"), null));
        assertThat(remote.path("total").asLong()).isEqualTo(3);
        assertThat(remote.path("byOperation").path("Converse").asLong()).isEqualTo(3);
        assertThat(remote.path("byModel").path(HAIKU).asLong()).isEqualTo(2);
        assertThat(remote.path("byOperationAndModel").path("Converse").path("amazon.nova-lite-v1:0").asLong()).isEqualTo(1);
        stats.reset();
        assertThat(stats.total()).isZero();
    }

    @Test
    void requestLogOverHttp() throws Exception {
        join(client.converse(Sdk.converse(HAIKU, "logged text")));
        JsonNode log = json(Sdk.http("GET", admin("requests?operation=Converse&limit=1"), null));
        JsonNode entry = log.path("requests").get(0);
        assertThat(entry.path("operation").asText()).isEqualTo("Converse");
        assertThat(entry.path("modelId").asText()).isEqualTo(HAIKU);
        assertThat(entry.at("/body/messages/0/content/0/text").asText()).isEqualTo("logged text");
        Sdk.http("DELETE", admin("requests"), null);
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void latencyFromJavaApiAndAdminApi() throws Exception {
        emulator.latency(Duration.ofMillis(250));
        long t0 = System.nanoTime();
        ConverseResponse r = join(client.converse(Sdk.converse(HAIKU, "slow")));
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(tookMs).isGreaterThanOrEqualTo(250);
        assertThat(r.metrics().latencyMs()).isGreaterThanOrEqualTo(250);

        HttpResponse<String> set = Sdk.http("POST", admin("config"), "{\"latencyMs\":0,\"chunkDelayMs\":5}");
        assertThat(json(set).path("latencyMs").asLong()).isZero();
        assertThat(emulator.latencyMs()).isZero();
        assertThat(emulator.chunkDelayMs()).isEqualTo(5);
        join(client.converse(Sdk.converse(HAIKU, "fast"))); // no upper time bound: the machine may be loaded
    }

    @Test
    void rulesAndGateOverAdminApi() throws Exception {
        Sdk.http("POST", admin("config"), "{\"addRules\":[{\"match\":\"admin\",\"reply\":\"set over http\"}]}");
        assertThat(ConverseTest.text(join(client.converse(Sdk.converse(HAIKU, "admin rule"))))).isEqualTo("set over http");
        JsonNode cfg = json(Sdk.http("POST", admin("config"), "{\"pauseStreamsAfter\":3}"));
        assertThat(cfg.path("pauseStreamsAfter").asInt()).isEqualTo(3);
        cfg = json(Sdk.http("POST", admin("streams/resume"), "{}"));
        assertThat(cfg.path("pauseStreamsAfter").isNull()).isTrue();
        Sdk.http("POST", admin("reset"), "{}");
        assertThat(emulator.rules().list()).hasSize(2);
    }

    @Test
    void unknownRouteIsA404InTheServiceShape() {
        HttpResponse<String> r = Sdk.http("POST", URI.create(emulator.uri() + "/model/x/unknown-op"), "{}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-amzn-ErrorType"))
                .hasValue("UnknownOperationException:http://internal.amazon.com/coral/com.amazon.bedrock/");
        assertThat(r.body()).startsWith("{\"message\":");
        assertThat(emulator.stats().total()).isZero();
    }
}
