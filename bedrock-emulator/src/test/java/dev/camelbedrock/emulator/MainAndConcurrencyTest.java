package dev.camelbedrock.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainAndConcurrencyTest {

    @Test
    void commandLineStartsAndPrintsTheListeningLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("rules.json");
        Files.writeString(config, "[{\"match\":\"cli\",\"reply\":\"configured from the command line\"}]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BedrockEmulator emulator = BedrockEmulatorMain.launch(new String[] {"--port", "0", "--config",
                config.toString(), "--latency-ms", "7", "--chunk-delay-ms=3"}, new PrintStream(out, true,
                StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8).strip())
                    .isEqualTo("Bedrock emulator listening on http://127.0.0.1:" + emulator.port());
            assertThat(emulator.latencyMs()).isEqualTo(7);
            assertThat(emulator.chunkDelayMs()).isEqualTo(3);
            assertThat(emulator.rules().list()).hasSize(1);
        }
        assertThatThrownBy(() -> BedrockEmulatorMain.launch(new String[] {"--bogus"}, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
    }

    @Test
    void delaysDoNotBlockThreadsAndBearerOrAnonymousCallersAreAccepted() {
        // 300 concurrent calls, each delayed 300 ms, on 2 I/O threads: they all complete (no wall-clock limit: the
        // machine may be loaded; a blocking delay would still take 300 x 300 ms / 2 = 45 s, beyond Sdk.join's wait)
        try (BedrockEmulator emulator = BedrockEmulator.builder().ioThreads(2).latency(Duration.ofMillis(300))
                .build().start();
             BedrockRuntimeAsyncClient h1 = BedrockRuntimeAsyncClient.builder()
                     .endpointOverride(emulator.uri()).region(Region.US_WEST_2)
                     .credentialsProvider(AnonymousCredentialsProvider.create())
                     .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)
                             .maxConcurrency(300).connectionAcquisitionTimeout(Duration.ofSeconds(30)))
                     .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                     .build();
             BedrockRuntimeAsyncClient h2 = Sdk.runtimeH2(emulator.uri())) {
            List<CompletableFuture<ConverseResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                calls.add((i % 2 == 0 ? h1 : h2).converse(Sdk.converse(HAIKU, "call " + i)));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(ConverseTest.text(join(calls.get(i)))).isEqualTo("You said: call " + i);
            }
            assertThat(emulator.stats().count("Converse")).isEqualTo(300);
            assertThat(emulator.requests().stream().filter(r -> r.header("authorization") == null).count())
                    .isEqualTo(150);

            // an API-key (Bearer) caller is accepted too; nothing is verified
            java.net.http.HttpResponse<String> bearer = Sdk.HTTP.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(emulator.uri() + "/model/" + HAIKU + "/converse"))
                            .header("Authorization", "Bearer ABSKQmVkcm9ja0FQSUtleS1leGFtcGxl")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"key\"}]}]}"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).isEqualTo(200);
            assertThat(bearer.body()).contains("You said: key");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
