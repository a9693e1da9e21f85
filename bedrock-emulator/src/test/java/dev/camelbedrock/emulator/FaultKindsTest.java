package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;

/** Every fault kind through the real SDK, on HTTP/2 and HTTP/1.1, for the runtime operations and their streams. */
class FaultKindsTest {

    static final String OPS_BODY = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":300,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three four\"}]}";
    static final List<String> OPERATIONS = List.of("Converse", "ConverseStream", "InvokeModel",
            "InvokeModelWithResponseStream");

    @RegisterExtension
    static final BedrockEmulatorExtension BEDROCK = BedrockEmulatorExtension.builder().build(); // resets before each test
    static final BedrockEmulator emulator = BEDROCK.emulator();
    static BedrockRuntimeAsyncClient h2;
    static BedrockRuntimeAsyncClient h1;

    @BeforeAll
    static void clients() {
        h2 = Sdk.runtimeH2(emulator.uri());
        h1 = Sdk.runtimeH1(emulator.uri());
    }

    @AfterAll
    static void closeClients() {
        h2.close();
        h1.close();
    }

    /** What a call gave: the stream events (or 1 for a plain answer) received, and the failure if any. */
    record Outcome(int events, Throwable error, byte[] body) {
        String describe() {
            return error == null ? "ok" : error.getClass().getSimpleName();
        }
    }

    static Outcome call(BedrockRuntimeAsyncClient client, String operation) {
        AtomicInteger events = new AtomicInteger();
        byte[][] body = new byte[1][];
        CompletableFuture<?> f;
        switch (operation) {
            case "Converse":
                f = client.converse(Sdk.converse(HAIKU, "one two three four")).thenAccept(r -> events.incrementAndGet());
                break;
            case "ConverseStream": {
                f = client.converseStream(b -> b.modelId(HAIKU).messages(Sdk.user("one two three four")),
                        software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler.builder()
                                .subscriber(e -> events.incrementAndGet()).build());
                break;
            }
            case "InvokeModel":
                f = client.invokeModel(b -> b.modelId(HAIKU).body(SdkBytes.fromUtf8String(OPS_BODY))).thenAccept(r -> {
                    body[0] = r.body().asByteArray();
                    events.incrementAndGet();
                });
                break;
            default:
                f = client.invokeModelWithResponseStream(b -> b.modelId(HAIKU).body(SdkBytes.fromUtf8String(OPS_BODY)),
                        InvokeModelWithResponseStreamResponseHandler.builder()
                                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                                        .onChunk(c -> events.incrementAndGet()).build())
                                .build());
        }
        try {
            f.get(120, TimeUnit.SECONDS);
            return new Outcome(events.get(), null, body[0]);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            while (t instanceof CompletionException && t.getCause() != null) {
                t = t.getCause();
            }
            return new Outcome(events.get(), t, body[0]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> errorsByOperation() {
        List<Arguments> out = new ArrayList<>();
        Map<String, Object[]> codes = Map.of(
                "ThrottlingException", new Object[] {429, ThrottlingException.class},
                "InternalServerException", new Object[] {500, InternalServerException.class},
                "ServiceUnavailableException", new Object[] {503, ServiceUnavailableException.class},
                "ModelTimeoutException", new Object[] {408, ModelTimeoutException.class},
                "ModelNotReadyException", new Object[] {429, ModelNotReadyException.class},
                "ModelErrorException", new Object[] {424, ModelErrorException.class});
        for (String op : OPERATIONS) {
            codes.forEach((code, v) -> out.add(Arguments.of(op, code, v[0], v[1])));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("errorsByOperation")
    void everyErrorCodeOnEveryRuntimeOperationOnBothProtocols(String operation, String code, int status, Class<?> type) {
        for (BedrockRuntimeAsyncClient client : List.of(h2, h1)) {
            emulator.inject(Fault.error(code).forOperation(operation));
            Outcome o = call(client, operation);
            assertThat(o.error()).isInstanceOf(type);
            assertThat(((BedrockRuntimeException) o.error()).statusCode()).isEqualTo(status);
            assertThat(((BedrockRuntimeException) o.error()).awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(call(client, operation).error()).isNull();
        }
        assertThat(emulator.stats().faultsInjected(code)).isEqualTo(2);
    }

    @Test
    void streamExceptionFramesWhereTheReferenceListsThem() {
        Map<String, Class<?>> converse = Map.of("throttlingException", ThrottlingException.class,
                "internalServerException", InternalServerException.class,
                "serviceUnavailableException", ServiceUnavailableException.class,
                "validationException", ValidationException.class);
        for (String op : List.of("ConverseStream", "InvokeModelWithResponseStream")) {
            converse.forEach((type, exception) -> {
                emulator.inject(Fault.streamException(type).forOperation(op).afterEvents(2));
                Outcome o = call(h2, op);
                assertThat(o.error()).as(op + " " + type).isInstanceOf(exception);
                assertThat(o.events()).isEqualTo(2);
            });
        }
        emulator.inject(Fault.streamException("modelTimeoutException").forOperation("InvokeModelWithResponseStream"));
        Outcome timeout = call(h1, "InvokeModelWithResponseStream");
        assertThat(timeout.error()).isInstanceOfSatisfying(ModelTimeoutException.class,
                e -> assertThat(e.statusCode()).isEqualTo(408));
        assertThat(emulator.stats().faultsInjected()).containsEntry("throttlingException", 2L)
                .containsEntry("modelTimeoutException", 1L);
    }

    @Test
    void streamFaultsBeyondTheLastEventFireAtTheEnd() {
        emulator.inject(Fault.streamException("modelStreamErrorException").forOperation("ConverseStream").afterEvents(500));
        Outcome o = call(h2, "ConverseStream");
        assertThat(o.error()).isInstanceOf(software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException.class);
        assertThat(o.events()).isGreaterThan(3);
    }

    @Test
    void resetGivesNoAnswerAndTheClientFailsWithAnIoError() {
        for (String op : OPERATIONS) {
            for (BedrockRuntimeAsyncClient client : List.of(h2, h1)) {
                emulator.inject(Fault.reset().forOperation(op).closeConnection(op.startsWith("Invoke")));
                Outcome o = call(client, op);
                assertThat(o.error()).as(op).isInstanceOf(SdkClientException.class);
                assertThat(o.events()).isZero();
                assertThat(call(client, op).error()).as(op + " after the reset").isNull();
            }
        }
        assertThat(emulator.stats().faultsInjected("reset")).isEqualTo(8);
    }

    @Test
    void cutStopsAStreamAfterNEventsWithoutAnEnd() {
        for (String op : List.of("ConverseStream", "InvokeModelWithResponseStream")) {
            int full = call(h2, op).events();
            // HTTP/1.1: the connection is closed (TCP reset) in the middle of the chunked body
            emulator.inject(Fault.cut().forOperation(op).afterEvents(2));
            Outcome h1Cut = call(h1, op);
            assertThat(h1Cut.error()).as(op).isInstanceOf(SdkClientException.class);
            assertThat(h1Cut.events()).isEqualTo(2);
            // HTTP/2: RST_STREAM; the Java SDK 2.50.2 ends such a stream *without* an error, and loses its last events
            emulator.inject(Fault.cut().forOperation(op).afterEvents(2));
            Outcome h2Cut = call(h2, op);
            assertThat(h2Cut.error()).as(op).isNull();
            assertThat(h2Cut.events()).isLessThanOrEqualTo(2).isLessThan(full);
            // HTTP/2 with closeConnection: the whole connection goes, and the SDK reports it
            emulator.inject(Fault.cut().forOperation(op).afterEvents(2).closeConnection(true));
            assertThat(call(h2, op).error()).as(op).isInstanceOf(SdkClientException.class);
            assertThat(call(h2, op).error()).isNull();
        }
        // a cut fault never applies to a non-streaming request
        emulator.inject(Fault.cut());
        assertThat(call(h2, "Converse").error()).isNull();
        assertThat(emulator.faults().pending()).hasSize(1);
        assertThat(emulator.stats().faultsInjected("cut")).isEqualTo(6);
    }

    @Test
    void malformedAnswersAreNotJsonAndMalformedFramesHaveABadCrc() {
        emulator.inject(Fault.malformed().forOperation("InvokeModel"));
        Outcome invoke = call(h2, "InvokeModel");
        assertThat(invoke.error()).isNull();
        assertThat(invoke.body()).isEqualTo(Fault.MALFORMED_BODY);

        emulator.inject(Fault.malformed().forOperation("Converse"));
        assertThat(call(h1, "Converse").error()).isInstanceOf(SdkClientException.class);

        for (String op : List.of("ConverseStream", "InvokeModelWithResponseStream")) {
            for (BedrockRuntimeAsyncClient client : List.of(h2, h1)) {
                emulator.inject(Fault.malformed().forOperation(op).afterEvents(1));
                Outcome o = call(client, op);
                assertThat(o.events()).as(op).isLessThanOrEqualTo(1); // events read with the bad frame may be dropped
                assertThat(o.error()).as(op).isInstanceOf(SdkClientException.class)
                        .hasMessageContaining("checksum");
            }
        }
        HttpResponseBytes raw = HttpResponseBytes.post(emulator.uri() + "/model/" + HAIKU + "/converse-stream",
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"a b c\"}]}]}", Fault.malformed().afterEvents(1));
        assertThat(raw.status).isEqualTo(200);
        assertThat(EventStreamDecoder.decode(java.util.Arrays.copyOf(raw.body, raw.firstFrameLength()))).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventStreamDecoder.decode(raw.body))
                .hasMessageContaining("CRC");
    }

    /** A raw HTTP/1.1 POST with a fault armed for it. */
    record HttpResponseBytes(int status, byte[] body) {
        static HttpResponseBytes post(String uri, String json, Fault fault) {
            emulator.inject(fault);
            try {
                var r = Sdk.HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create(uri))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                return new HttpResponseBytes(r.statusCode(), r.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        int firstFrameLength() {
            return java.nio.ByteBuffer.wrap(body).getInt(0);
        }
    }

    @Test
    void delayAnswersNormallyButLaterThanAClientsTimeout() {
        emulator.inject(Fault.delay(Duration.ofSeconds(60)).forOperation("Converse"));
        try (BedrockRuntimeAsyncClient impatient = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(emulator.uri()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(Sdk.CREDENTIALS)
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(2))
                        .retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThat(call(impatient, "Converse").error()).isInstanceOf(ApiCallTimeoutException.class);
        }
        emulator.inject(Fault.delay(Duration.ofMillis(300)).forOperation("ConverseStream"));
        long t0 = System.nanoTime();
        Outcome slow = call(h2, "ConverseStream");
        assertThat(slow.error()).isNull();
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300); // a lower bound only
        assertThat(emulator.stats().faultsInjected("delay")).isEqualTo(2);
    }

    @Test
    void modelPatternsAndModelIdsTargetModels() {
        emulator.inject(Fault.error("ThrottlingException").forModelMatching("^(us\\.)?anthropic\\.").times(Fault.ALWAYS));
        assertThat(call(h2, "Converse").error()).isInstanceOf(ThrottlingException.class);
        assertThat(Sdk.join(h2.converse(Sdk.converse("amazon.nova-lite-v1:0", "hi"))).stopReasonAsString())
                .isEqualTo("end_turn");
        emulator.clearFaults();
        emulator.inject(Fault.error("ThrottlingException").forModel("amazon.nova-lite-v1:0"));
        assertThat(call(h2, "Converse").error()).isNull();
    }

    @Test
    void probabilisticRandomKindsAreDeterministicForASeed() {
        URI faults = URI.create(emulator.uri() + "/_emulator/faults");
        String tenPercent = "{\"operation\":\"InvokeModel\",\"probability\":0.1,\"seed\":42,"
                + "\"kinds\":[\"ThrottlingException\",\"InternalServerException\",\"reset\",\"malformed\"]}";
        assertThat(Sdk.http("POST", faults, tenPercent).statusCode()).isEqualTo(200);
        List<String> first = outcomes(100);
        emulator.reset();
        Sdk.http("POST", faults, tenPercent);
        List<String> second = outcomes(100);
        assertThat(second).isEqualTo(first);
        long failed = first.stream().filter(s -> !s.equals("ok")).count();
        assertThat(failed).isBetween(3L, 20L);
        assertThat(first).contains("ThrottlingException", "InternalServerException");
        JsonNode stats = Invoke.json(Sdk.http("GET", URI.create(emulator.uri() + "/_emulator/stats"), null).body());
        long injected = 0;
        for (JsonNode n : stats.path("faultsInjected")) {
            injected += n.asLong();
        }
        assertThat(injected).isEqualTo(failed);
        assertThat(emulator.faults().pending()).singleElement().satisfies(f -> {
            assertThat(f.times()).isEqualTo(Fault.ALWAYS);
            assertThat(f.alternatives()).hasSize(4);
        });
    }

    /** The outcome of each of n sequential InvokeModel calls ("ok", an exception name, or "malformed"). */
    private static List<String> outcomes(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Outcome o = call(h2, "InvokeModel");
            out.add(o.error() == null && java.util.Arrays.equals(o.body(), Fault.MALFORMED_BODY) ? "malformed" : o.describe());
        }
        return out;
    }

    @Test
    void registryDrawsFollowTheSeedAndTheProbability() {
        Fault f = Fault.oneOf(Fault.of("ThrottlingException"), Fault.reset(), Fault.cut()).probability(0.1).seed(7)
                .times(Fault.ALWAYS);
        List<String> a = draws(f, 10_000);
        assertThat(draws(f, 10_000)).isEqualTo(a);
        assertThat(draws(f.seed(8), 10_000)).isNotEqualTo(a);
        long fired = a.stream().filter(s -> !s.equals("-")).count();
        assertThat(fired).isBetween(850L, 1150L);
        // non-streaming requests never get the stream-only cut
        assertThat(a).doesNotContain("cut").contains("ThrottlingException", "reset");
    }

    private static List<String> draws(Fault f, int n) {
        FaultRegistry r = new FaultRegistry().add(f);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Fault taken = r.take("InvokeModel", false, HAIKU, HAIKU);
            out.add(taken == null ? "-" : taken.label());
        }
        return out;
    }

    @Test
    void jsonFormatRoundTripsAndRejectsNonsense() {
        Fault f = Fault.fromJson(Invoke.json("{\"operation\":\"ConverseStream\",\"modelPattern\":\"claude\","
                + "\"kind\":\"cut\",\"afterEvents\":3,\"times\":2}"));
        assertThat(f.kind()).isEqualTo(Fault.Kind.CUT);
        assertThat(Fault.fromJson(f.toJson()).toJson()).isEqualTo(f.toJson());
        assertThat(Fault.fromJson(Invoke.json("{\"kind\":\"delay\",\"delayMs\":5000}")).delayMs()).isEqualTo(5000);
        assertThat(Fault.fromJson(Invoke.json("{\"kind\":\"ModelTimeoutException\"}")).effectiveStatus()).isEqualTo(408);
        assertThat(Fault.fromJson(Invoke.json("{\"kind\":\"throttlingException\"}")).kind())
                .isEqualTo(Fault.Kind.STREAM_EXCEPTION);
        Fault random = Fault.fromJson(Invoke.json("{\"probability\":0.5,\"seed\":3,\"kinds\":[\"reset\","
                + "{\"kind\":\"delay\",\"delayMs\":100}]}"));
        assertThat(Fault.fromJson(random.toJson()).toJson()).isEqualTo(random.toJson());
        URI faults = URI.create(emulator.uri() + "/_emulator/faults");
        for (String bad : List.of("{\"kind\":\"bogus\"}", "{\"kind\":\"delay\"}", "{\"kind\":\"reset\",\"probability\":2}",
                "{\"kinds\":[]}", "{\"operation\":\"Converse\"}")) {
            var r = Sdk.http("POST", faults, bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("x-amzn-ErrorType").orElse("")).startsWith("ValidationException:");
        }
        assertThat(emulator.faults().pending()).isEmpty();
    }

    @Test
    void faultsArmedAtStartFromTheCommandLineAndTheConfigFileComeBackOnReset(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("emulator.json");
        Files.writeString(config, "{\"faults\":[{\"operation\":\"Converse\",\"kind\":\"ThrottlingException\"}]}");
        try (BedrockEmulator e = BedrockEmulatorMain.launch(new String[] {"--port", "0", "--config", config.toString(),
                "--fault", "{\"operation\":\"ConverseStream\",\"kind\":\"cut\",\"afterEvents\":1,\"times\":0}"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(e.faults().pending()).extracting(Fault::label).containsExactly("ThrottlingException", "cut");
            try (BedrockRuntimeAsyncClient c = Sdk.runtimeH2(e.uri())) {
                assertThat(call(c, "Converse").error()).isInstanceOf(ThrottlingException.class);
                assertThat(call(c, "Converse").error()).isNull();
                assertThat(e.faults().pending()).hasSize(1);
                e.reset();
                assertThat(e.faults().pending()).hasSize(2);
            }
        }
    }
}
