package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-model quotas: 429 in the service's shape, requests and tokens per minute, refill, and every way to set them. */
class QuotaTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String NOVA = "amazon.nova-lite-v1:0";
    static final String CONVERSE_BODY = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}";
    @RegisterExtension
    static final BedrockEmulatorExtension BEDROCK = BedrockEmulatorExtension.builder().build(); // reset before each test
    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void client() {
        emulator = BEDROCK.emulator();
        client = Sdk.runtimeH2(emulator.uri());
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static HttpResponse<String> converse(String model) {
        return Sdk.http("POST", URI.create(emulator.uri() + "/model/" + model + "/converse"), CONVERSE_BODY);
    }

    @Test
    void overTheQuotaIsA429InTheServiceShape() throws Exception {
        emulator.quota(HAIKU, 60, 0); // one request per second, a bucket of one

        assertThat(converse(HAIKU).statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = converse(HAIKU);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("x-amzn-ErrorType")).hasValue(
                "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/");
        assertThat(throttled.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(MAPPER.readTree(throttled.body()))
                .isEqualTo(MAPPER.readTree("{\"message\":\"Too many requests, please wait before trying again.\"}"));
        // the SDK sees the modelled exception
        assertThatThrownBy(() -> join(client.converse(Sdk.converse(HAIKU, "again"))))
                .isInstanceOf(ThrottlingException.class)
                .satisfies(e -> assertThat(((ThrottlingException) e).statusCode()).isEqualTo(429));

        assertThat(emulator.stats().throttled(HAIKU)).isEqualTo(2);
        assertThat(emulator.stats().throttled()).isEqualTo(2);
        // counted as requests too, and other models are not limited
        assertThat(emulator.stats().count("Converse", HAIKU)).isEqualTo(3);
        assertThat(converse(NOVA).statusCode()).isEqualTo(200);
        // CountTokens runs no model and draws on no quota
        assertThat(Sdk.http("POST", URI.create(emulator.uri() + "/model/" + HAIKU + "/count-tokens"),
                "{\"input\":{\"converse\":" + CONVERSE_BODY + "}}").statusCode()).isEqualTo(200);
    }

    @Test
    void aRegexQuotaLimitsEachMatchingModelOnItsOwn() {
        emulator.quota("anthropic\\..*", 60, 0);
        String sonnet = "anthropic.claude-3-5-sonnet-20240620-v1:0";
        assertThat(converse(HAIKU).statusCode()).isEqualTo(200);
        assertThat(converse(sonnet).statusCode()).isEqualTo(200);
        assertThat(converse(HAIKU).statusCode()).isEqualTo(429);
        assertThat(converse(sonnet).statusCode()).isEqualTo(429);
        // a cross-region profile of a limited base model matches through its base id, with its own bucket
        assertThat(converse("us." + HAIKU).statusCode()).isEqualTo(200);
        assertThat(emulator.stats().throttledByModel()).containsEntry(HAIKU, 1L).containsEntry(sonnet, 1L);
    }

    @Test
    void theBucketRefillsAtTheRateOfTheQuota() throws Exception {
        emulator.quota(HAIKU, 600, 0); // 10 per second, a bucket of 10
        int ok = 0;
        for (int i = 0; i < 20; i++) {
            ok += converse(HAIKU).statusCode() == 200 ? 1 : 0;
        }
        assertThat(ok).isBetween(10, 15); // the bucket, plus whatever refilled while the loop ran
        Thread.sleep(600);
        assertThat(converse(HAIKU).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensPerMinuteAreChargedWhatTheRequestReallyUsed() {
        // 600 tokens/min: a bucket of 10 tokens. The first request passes (bucket full) and uses far more than 10
        // tokens: the bucket goes into debt and the next request is throttled although the request quota allows it.
        emulator.quota(HAIKU, 6000, 600);
        String longText = "word ".repeat(200);
        assertThat(join(client.converse(Sdk.converse(HAIKU, longText))).usage().totalTokens()).isGreaterThan(400);
        assertThat(converse(HAIKU).statusCode()).isEqualTo(429);
    }

    @Test
    void quotasFromTheCommandLineTheConfigFileAndTheAdminApi(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BedrockEmulator cli = BedrockEmulatorMain.launch(new String[] {"--port", "0",
                "--quota", HAIKU + "=120:50000", "--quota=nova.*=30"}, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(cli.quotas()).containsExactly(Quota.of(HAIKU, 120, 50000), Quota.of("nova.*", 30, 0));
        }
        assertThatThrownBy(() -> Quota.parse("no-limits")).hasMessageContaining("MODEL=RPM[:TPM]");

        Path config = dir.resolve("emulator.json");
        Files.writeString(config, "{\"quotas\":[{\"model\":\"" + HAIKU + "\",\"rpm\":60,\"tpm\":1000,\"burstSeconds\":2}]}");
        try (BedrockEmulator fromFile = BedrockEmulator.builder().configFile(config).build()) {
            assertThat(fromFile.quotas()).containsExactly(Quota.of(HAIKU, 60, 1000).burstSeconds(2));
        }

        URI quotas = URI.create(emulator.uri() + "/_emulator/quotas");
        HttpResponse<String> added = Sdk.http("POST", quotas, "{\"model\":\"" + HAIKU + "\",\"rpm\":60}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(emulator.quotas()).containsExactly(Quota.of(HAIKU, 60, 0));
        converse(HAIKU);
        converse(HAIKU);
        JsonNode listed = MAPPER.readTree(Sdk.http("GET", quotas, null).body());
        assertThat(listed.at("/quotas/0/rpm").asInt()).isEqualTo(60);
        assertThat(listed.at("/throttledByModel").get(HAIKU).asLong()).isEqualTo(1);
        JsonNode stats = MAPPER.readTree(Sdk.http("GET", URI.create(emulator.uri() + "/_emulator/stats"), null).body());
        assertThat(stats.get("throttled").asLong()).isEqualTo(1);
        assertThat(stats.at("/throttledByModel").get(HAIKU).asLong()).isEqualTo(1);
        assertThat(Sdk.http("POST", quotas, "{\"rpm\":1}").statusCode()).isEqualTo(400);

        assertThat(Sdk.http("DELETE", quotas, null).statusCode()).isEqualTo(200);
        assertThat(emulator.quotas()).isEmpty();
        assertThat(converse(HAIKU).statusCode()).isEqualTo(200);

        // reset() restores the builder's quotas (none here)
        emulator.quota(HAIKU, 1, 0);
        emulator.reset();
        assertThat(emulator.quotas()).isEmpty();
    }
}
