package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Strict mode through the real SDK: SigV4 (HTTP/2 and HTTP/1.1, session credentials), bearer keys, all four services. */
class StrictAuthTest {

    static final String KEY_ID = "AKIASTRICTEXAMPLE01";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYSTRICTKEY";
    static final String API_KEY = "ABSKQmVkcm9ja0FQSUtleS1zdHJpY3Q=";
    static final String KB = "KB12345678";

    @RegisterExtension
    static final BedrockEmulatorExtension BEDROCK = BedrockEmulatorExtension.builder().strictAuth(KEY_ID, SECRET)
            .apiKey(API_KEY).configure(b -> b.knowledgeBase(KB, Path.of("src/test/resources/kb"))).build();
    static final BedrockEmulator emulator = BEDROCK.emulator();

    static BedrockRuntimeAsyncClient runtime(AwsCredentials credentials, Protocol protocol) {
        return BedrockRuntimeAsyncClient.builder().endpointOverride(emulator.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(protocol))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static BedrockRuntimeAsyncClient bearer(String key) {
        return BedrockRuntimeAsyncClient.builder().endpointOverride(emulator.uri()).region(Region.US_EAST_1)
                .tokenProvider(StaticTokenProvider.create(() -> key))
                .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of("httpBearerAuth")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream, each on a model id with ':' in it. */
    static void allRuntimeCallsWork(BedrockRuntimeAsyncClient c) {
        assertThat(ConverseTest.text(join(c.converse(Sdk.converse(HAIKU, "signed"))))).isEqualTo("You said: signed");
        Sdk.StreamCollector s = new Sdk.StreamCollector();
        join(c.converseStream(Sdk.converseStream("us." + HAIKU, "signed stream"), s.handler));
        assertThat(s.types()).last().isEqualTo("metadata");
        assertThat(Invoke.invoke(c, HAIKU, InvokeModelTest.claude("signed invoke")).json.at("/content/0/text").asText())
                .isEqualTo("You said: signed invoke");
        String arn = "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0";
        assertThat(Invoke.stream(c, arn, "{\"prompt\":\"signed arn\"}").chunks).isNotEmpty();
    }

    /** The service exception of a failed call: code and status. */
    static AwsServiceException failure(CompletableFuture<?> call) {
        Throwable t = catchThrowable(() -> join(call));
        assertThat(t).isInstanceOf(AwsServiceException.class);
        return (AwsServiceException) t;
    }

    @Test
    void theRightKeysPassOnBothProtocolsWithAndWithoutSessionToken() {
        for (Protocol p : List.of(Protocol.HTTP2, Protocol.HTTP1_1)) {
            for (AwsCredentials creds : List.of(AwsBasicCredentials.create(KEY_ID, SECRET),
                    AwsSessionCredentials.create(KEY_ID, SECRET, "FwoGZXIvYXdzEJr//////////wEaDEXAMPLETOKEN"))) {
                try (BedrockRuntimeAsyncClient c = runtime(creds, p)) {
                    allRuntimeCallsWork(c);
                }
            }
        }
        assertThat(emulator.requests()).extracting(RecordedRequest::protocol).contains("HTTP/2", "HTTP/1.1");
        assertThat(emulator.stats().authFailures()).isEmpty();
    }

    @Test
    void aWrongSecretIsAnInvalidSignatureAndAnUnknownKeyIsUnrecognized() {
        for (Protocol p : List.of(Protocol.HTTP2, Protocol.HTTP1_1)) {
            try (BedrockRuntimeAsyncClient wrong = runtime(AwsBasicCredentials.create(KEY_ID, "not-the-secret"), p);
                 BedrockRuntimeAsyncClient unknown = runtime(AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", SECRET), p)) {
                AwsServiceException e = failure(wrong.converse(Sdk.converse(HAIKU, "hi")));
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
                assertThat(e.requestId()).isNotBlank();
                Sdk.StreamCollector s = new Sdk.StreamCollector();
                assertThat(failure(wrong.converseStream(Sdk.converseStream(HAIKU, "hi"), s.handler))
                        .awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(s.events).isEmpty();
                AwsServiceException u = failure(unknown.invokeModel(b -> b.modelId(HAIKU)
                        .body(SdkBytes.fromUtf8String(InvokeModelTest.claude("hi")))));
                assertThat(u.statusCode()).isEqualTo(403);
                assertThat(u.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                assertThat(u.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
            }
        }
        assertThat(emulator.stats().authFailures()).containsEntry("InvalidSignatureException", 4L)
                .containsEntry("UnrecognizedClientException", 2L);
        assertThat(emulator.stats().total()).isZero(); // refused before routing: not counted as calls
    }

    @Test
    void bearerApiKeysRightAndWrong() {
        try (BedrockRuntimeAsyncClient good = bearer(API_KEY); BedrockRuntimeAsyncClient bad = bearer("ABSK-not-a-key")) {
            allRuntimeCallsWork(good);
            assertThat(emulator.lastRequest("Converse").orElseThrow().header("authorization")).isEqualTo("Bearer " + API_KEY);
            Throwable t = catchThrowable(() -> join(bad.converse(Sdk.converse(HAIKU, "hi"))));
            assertThat(t).isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void controlPlaneAndAgentRuntimeAreVerifiedToo() {
        Function<AwsCredentials, BedrockAsyncClient> controlPlane = creds -> BedrockAsyncClient.builder()
                .endpointOverride(emulator.uri()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(creds))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        Function<AwsCredentials, BedrockAgentRuntimeAsyncClient> agent = creds -> BedrockAgentRuntimeAsyncClient.builder()
                .endpointOverride(emulator.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(creds))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        AwsCredentials right = AwsBasicCredentials.create(KEY_ID, SECRET);
        AwsCredentials wrong = AwsBasicCredentials.create(KEY_ID, "wrong");
        try (BedrockAsyncClient ok = controlPlane.apply(right); BedrockAsyncClient no = controlPlane.apply(wrong);
             BedrockAgentRuntimeAsyncClient okAgent = agent.apply(right); BedrockAgentRuntimeAsyncClient noAgent = agent.apply(wrong)) {
            // a query string (byProvider, byOutputModality) is part of the signature
            assertThat(join(ok.listFoundationModels(b -> b.byProvider("anthropic").byOutputModality("TEXT"))).modelSummaries())
                    .isNotEmpty();
            assertThat(join(ok.getFoundationModel(b -> b.modelIdentifier(HAIKU))).modelDetails().modelId()).isEqualTo(HAIKU);
            assertThat(failure(no.listFoundationModels(b -> b.byProvider("anthropic"))).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidSignatureException");
            assertThat(join(okAgent.retrieve(b -> b.knowledgeBaseId(KB).retrievalQuery(q -> q.text("return an item"))))
                    .retrievalResults()).isNotEmpty();
            assertThat(failure(noAgent.retrieve(b -> b.knowledgeBaseId(KB).retrievalQuery(q -> q.text("x"))))
                    .statusCode()).isEqualTo(403);
        }
    }

    @Test
    void unsignedRequestsAreRefusedInTheServiceShapeButTheAdminApiIsOpen() {
        HttpResponse<String> r = Sdk.http("POST", URI.create(emulator.uri() + "/model/" + HAIKU + "/converse"),
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("x-amzn-ErrorType"))
                .hasValue("MissingAuthenticationTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(r.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(Sdk.http("GET", URI.create(emulator.uri() + "/_emulator/health"), null).statusCode()).isEqualTo(200);
        // unknown routes are checked first too, as the service authenticates before it routes
        assertThat(Sdk.http("POST", URI.create(emulator.uri() + "/nowhere"), "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void strictModeIsToggledAndRekeyedAtRuntimeAndResetRestoresIt() {
        URI config = URI.create(emulator.uri() + "/_emulator/config");
        JsonNode shown = Invoke.json(Sdk.http("GET", config, null).body()).path("strictAuth");
        assertThat(shown.path("enabled").asBoolean()).isTrue();
        assertThat(shown.path("accessKeyIds").get(0).asText()).isEqualTo(KEY_ID);
        assertThat(shown.path("apiKeys").asInt()).isEqualTo(1);
        assertThat(shown.toString()).doesNotContain(SECRET).doesNotContain(API_KEY);

        try (BedrockRuntimeAsyncClient anyKeys = Sdk.runtimeH2(emulator.uri());
             BedrockRuntimeAsyncClient newKeys = runtime(AwsBasicCredentials.create("AKIANEWKEY", "new-secret"), Protocol.HTTP2);
             BedrockRuntimeAsyncClient oldKeys = runtime(AwsBasicCredentials.create(KEY_ID, SECRET), Protocol.HTTP2)) {
            assertThat(failure(anyKeys.converse(Sdk.converse(HAIKU, "hi"))).statusCode()).isEqualTo(403);
            Sdk.http("POST", config, "{\"strictAuth\":false}");
            assertThat(emulator.strictAuth().enabled()).isFalse();
            join(anyKeys.converse(Sdk.converse(HAIKU, "off")));

            Sdk.http("POST", config, "{\"strictAuth\":{\"credentials\":{\"AKIANEWKEY\":\"new-secret\"}}}");
            join(newKeys.converse(Sdk.converse(HAIKU, "new keys")));
            assertThat(failure(oldKeys.converse(Sdk.converse(HAIKU, "old"))).awsErrorDetails().errorCode())
                    .isEqualTo("UnrecognizedClientException");
            assertThat(Sdk.http("POST", config, "{\"strictAuth\":{\"credentials\":[\"x\"]}}").statusCode()).isEqualTo(400);

            emulator.reset();
            join(oldKeys.converse(Sdk.converse(HAIKU, "builder keys again")));
            emulator.strictAuth().enabled(false);
            join(anyKeys.converse(Sdk.converse(HAIKU, "java api off")));
        }
    }

    @Test
    void commandLineAndConfigFileTurnItOn(@TempDir Path dir) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (BedrockEmulator e = BedrockEmulatorMain.launch(new String[] {"--port", "0", "--strict-auth", "AKIDCLI:se:cret",
                "--strict-auth=AKIDTWO:two", "--api-key", "cli-key"}, quiet)) {
            assertThat(e.strictAuth().enabled()).isTrue();
            assertThat(e.strictAuth().accessKeyIds()).containsExactly("AKIDCLI", "AKIDTWO");
            assertThat(e.strictAuth().apiKeyCount()).isEqualTo(1);
            try (BedrockRuntimeAsyncClient c = BedrockRuntimeAsyncClient.builder().endpointOverride(e.uri())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCLI", "se:cret")))
                    .build()) {
                join(c.converse(Sdk.converse(HAIKU, "secret with a colon")));
            }
        }
        Path config = dir.resolve("emulator.json");
        Files.writeString(config, "{\"strictAuth\":{\"credentials\":{\"AKIDFILE\":\"file-secret\"},\"apiKeys\":[\"k1\",\"k2\"]}}");
        try (BedrockEmulator e = BedrockEmulator.builder().configFile(config).build()) {
            assertThat(e.strictAuth().enabled()).isTrue();
            assertThat(e.strictAuth().accessKeyIds()).containsExactly("AKIDFILE");
            assertThat(e.strictAuth().apiKeyCount()).isEqualTo(2);
        }
        assertThat(BedrockEmulator.builder().build().strictAuth().enabled()).isFalse();
        assertThat(catchThrowable(() -> BedrockEmulatorMain.launch(new String[] {"--strict-auth", "nocolon"}, quiet)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACCESS_KEY:SECRET");
    }
}
