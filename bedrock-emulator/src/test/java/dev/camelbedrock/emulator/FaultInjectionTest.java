package dev.camelbedrock.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder()
                .rule(Rule.when("explode").error("ModelErrorException", "the model blew up on '{{input}}'"))
                .build().start();
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

    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of("ThrottlingException", 429, ThrottlingException.class),
                Arguments.of("ModelNotReadyException", 429, ModelNotReadyException.class),
                Arguments.of("ServiceUnavailableException", 503, ServiceUnavailableException.class),
                Arguments.of("InternalServerException", 500, InternalServerException.class),
                Arguments.of("ModelTimeoutException", 408, ModelTimeoutException.class),
                Arguments.of("ModelErrorException", 424, ModelErrorException.class),
                Arguments.of("AccessDeniedException", 403, AccessDeniedException.class),
                Arguments.of("ResourceNotFoundException", 404, ResourceNotFoundException.class),
                Arguments.of("ServiceQuotaExceededException", 400, ServiceQuotaExceededException.class),
                Arguments.of("ValidationException", 400, ValidationException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void injectedErrorsSurfaceAsTypedExceptions(String code, int status, Class<? extends Throwable> type) {
        emulator.failNext("Converse", code, 1);
        assertThatThrownBy(() -> join(client.converse(Sdk.converse(HAIKU, "hi"))))
                .isInstanceOf(type)
                .satisfies(e -> {
                    BedrockRuntimeException be = (BedrockRuntimeException) e;
                    assertThat(be.statusCode()).isEqualTo(status);
                    assertThat(be.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(be.requestId()).isNotBlank();
                });
        // consumed after one request
        assertThat(join(client.converse(Sdk.converse(HAIKU, "hi"))).stopReasonAsString()).isEqualTo("end_turn");
    }

    @Test
    void faultsMatchOperationModelAndCount() {
        emulator.inject(Fault.error("ThrottlingException").forOperation("Converse").forModel(HAIKU).times(2)
                .message("Rate exceeded"));
        // another model is not affected
        join(client.converse(Sdk.converse("amazon.nova-lite-v1:0", "hi")));
        // the profile form of the same base model is
        assertThatThrownBy(() -> join(client.converse(Sdk.converse("us." + HAIKU, "hi"))))
                .isInstanceOf(ThrottlingException.class).hasMessageContaining("Rate exceeded");
        assertThat(emulator.faults().pending()).singleElement().extracting(Fault::times).isEqualTo(1);
        assertThatThrownBy(() -> join(client.converse(Sdk.converse(HAIKU, "hi"))))
                .isInstanceOf(ThrottlingException.class);
        join(client.converse(Sdk.converse(HAIKU, "hi")));
        assertThat(emulator.faults().pending()).isEmpty();
    }

    @Test
    void ruleErrors() {
        assertThatThrownBy(() -> join(client.converse(Sdk.converse(HAIKU, "please explode"))))
                .isInstanceOfSatisfying(ModelErrorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(424);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("the model blew up on 'please explode'");
                });
    }

    @Test
    void faultsOverTheAdminApi() {
        URI faults = URI.create(emulator.uri() + "/_emulator/faults");
        HttpResponse<String> added = Sdk.http("POST", faults,
                "{\"operation\":\"Converse\",\"errorCode\":\"ServiceUnavailableException\",\"times\":1}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("\"errorCode\":\"ServiceUnavailableException\"").contains("\"status\":503");
        assertThatThrownBy(() -> join(client.converse(Sdk.converse(HAIKU, "hi"))))
                .isInstanceOf(ServiceUnavailableException.class);

        Sdk.http("POST", faults, "[{\"operation\":\"ConverseStream\",\"streamException\":\"modelStreamErrorException\","
                + "\"afterEvents\":0,\"originalStatusCode\":500},{\"errorCode\":\"ThrottlingException\",\"times\":0}]");
        assertThat(emulator.faults().pending()).hasSize(2);
        HttpResponse<String> cleared = Sdk.http("DELETE", faults, null);
        assertThat(cleared.body()).isEqualTo("{\"pending\":[]}");
        assertThat(emulator.faults().pending()).isEmpty();
        join(client.converse(Sdk.converse(HAIKU, "hi")));
    }
}
