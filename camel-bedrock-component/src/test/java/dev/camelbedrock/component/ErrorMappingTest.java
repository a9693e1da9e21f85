package dev.camelbedrock.component;

import java.util.stream.Stream;

import dev.camelbedrock.component.error.BedrockAccessDeniedException;
import dev.camelbedrock.component.error.BedrockClientException;
import dev.camelbedrock.component.error.BedrockConflictException;
import dev.camelbedrock.component.error.BedrockException;
import dev.camelbedrock.component.error.BedrockModelException;
import dev.camelbedrock.component.error.BedrockModelTimeoutException;
import dev.camelbedrock.component.error.BedrockQuotaExceededException;
import dev.camelbedrock.component.error.BedrockResourceNotFoundException;
import dev.camelbedrock.component.error.BedrockServiceException;
import dev.camelbedrock.component.error.BedrockThrottlingException;
import dev.camelbedrock.component.error.BedrockUnavailableException;
import dev.camelbedrock.component.error.BedrockValidationException;
import dev.camelbedrock.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service error the emulator can answer becomes the typed exception a route can catch. */
class ErrorMappingTest extends BedrockTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("bedrock:converse?modelId=" + MODEL);
                from("direct:handled")
                        .onException(BedrockThrottlingException.class).handled(true)
                            .setBody(simple("throttled: ${exception.retryable}")).to("mock:throttled").end()
                        .to("bedrock:converse?modelId=" + MODEL);
                from("direct:redelivered")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .to("bedrock:converse?modelId=" + MODEL);
                from("direct:wrongSecret").to("bedrock:converse?modelId=" + MODEL + "&secretKey=RAW(not-the-secret)");
                from("direct:unknownKey").to("bedrock:converse?modelId=" + MODEL + "&accessKey=AKIDUNKNOWN");
                from("direct:wrongApiKey").to("bedrock:converseStream?modelId=" + MODEL + "&apiKey=RAW(not-a-key)");
                from("direct:unreachable").to("bedrock:converse?modelId=" + MODEL
                                              + "&endpointOverride=http://127.0.0.1:9&connectionTimeout=2000");
            }
        };
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("ThrottlingException", 429, BedrockThrottlingException.class, true),
                Arguments.of("ModelNotReadyException", 429, BedrockThrottlingException.class, true),
                Arguments.of("ValidationException", 400, BedrockValidationException.class, false),
                Arguments.of("AccessDeniedException", 403, BedrockAccessDeniedException.class, false),
                Arguments.of("ResourceNotFoundException", 404, BedrockResourceNotFoundException.class, false),
                Arguments.of("ModelTimeoutException", 408, BedrockModelTimeoutException.class, true),
                Arguments.of("ModelErrorException", 424, BedrockModelException.class, false),
                Arguments.of("ServiceQuotaExceededException", 400, BedrockQuotaExceededException.class, false),
                Arguments.of("InternalServerException", 500, BedrockUnavailableException.class, true),
                Arguments.of("ServiceUnavailableException", 503, BedrockUnavailableException.class, true),
                // bedrock-runtime answers ConflictException with 400 (the agent runtime with 409: below)
                Arguments.of("ConflictException", 400, BedrockConflictException.class, false));
    }

    /**
     * Statuses of the README's error table that bedrock-runtime itself does not send: a gateway's 502 and 504 (codes
     * the SDK does not model, mapped by status) and the agent runtime's 409 ConflictException.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "BadGateway, 502, true", "GatewayTimeout, 504, true", "ConflictException, 409, false" })
    void otherStatusesOfTheErrorTable(String code, int status, boolean retryable) {
        emulator.faults().add(Fault.error(code).status(status).forOperation("Converse"));
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Hello"));

        assertThat(out.getException()).as("HTTP %d", status)
                .isInstanceOf(retryable ? BedrockUnavailableException.class : BedrockConflictException.class);
        BedrockServiceException e = (BedrockServiceException) out.getException();
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.isRetryable()).as("retryable").isEqualTo(retryable);
        assertThat(e.getRequestId()).isEqualTo(emulator.lastRequest("Converse").orElseThrow().requestId());
        assertThat(emulator.stats().count("Converse")).as("attempts (maxAttempts=1)").isEqualTo(1);
    }

    @Test
    void aSuccessWhoseBodyIsNotJsonIsARetryableClientException() {
        emulator.faults().add(Fault.malformed().forOperation("Converse"));
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Hello"));

        assertThat(out.getException()).as("a 200 that is not JSON").isInstanceOf(BedrockClientException.class);
        assertThat(((BedrockException) out.getException()).isRetryable()).as("retryable").isTrue();
        assertThat(out.getException().getMessage()).contains("converse").contains(MODEL);
        assertThat(emulator.stats().faultsInjected("malformed")).as("the malformed answer was sent").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void serviceErrorsBecomeTypedExceptions(String code, int status, Class<? extends BedrockServiceException> type,
                                            boolean retryable) {
        // twice: a throttled call is requeued once by the default adaptive rate control (maxAttempts=1 here)
        emulator.faults().add(Fault.error(code).forOperation("Converse").times(2));
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Hello"));
        assertThat(emulator.stats().count("Converse")).as("attempts").isEqualTo(status == 429 ? 2 : 1);

        assertThat(out.getException()).isInstanceOf(type);
        BedrockServiceException e = (BedrockServiceException) out.getException();
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getRequestId()).as("the request id the emulator answered with")
                .isEqualTo(emulator.lastRequest("Converse").orElseThrow().requestId());
        assertThat(e.getModelId()).isEqualTo(MODEL);
        assertThat(e.getOperation()).isEqualTo("converse");
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains(code).contains(MODEL).contains(e.getRequestId());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "direct:wrongSecret, InvalidSignatureException",
            "direct:unknownKey, UnrecognizedClientException",
            "direct:wrongApiKey, AccessDeniedException" })
    void wrongCredentialsAreATypedAccessDenied(String route, String code) {
        Exchange out = template.request(route, e -> e.getMessage().setBody("Let me in"));

        assertThat(out.getException()).isInstanceOf(BedrockAccessDeniedException.class);
        BedrockServiceException e = (BedrockServiceException) out.getException();
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.isRetryable()).isFalse();
        assertThat(emulator.stats().total()).as("refused before reaching any operation").isZero();
    }

    @Test
    void onExceptionByTypeHandlesAThrottle() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:throttled");
        mock.expectedBodiesReceived("throttled: true");
        emulator.faults().add(Fault.error("ThrottlingException").forOperation("Converse").times(2));
        template.sendBody("direct:handled", "Hello");
        mock.assertIsSatisfied();
    }

    @Test
    void camelRedeliveryRetriesAFailedCall() {
        emulator.faults().add(Fault.error("ServiceUnavailableException").forOperation("Converse").times(2));
        Exchange out = template.request("direct:redelivered", e -> e.getMessage().setBody("Try again"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).contains("Try again");
        assertThat(emulator.stats().count("Converse")).isEqualTo(3);
    }

    @Test
    void noAnswerAtAllIsARetryableClientException() {
        Exchange out = template.request("direct:unreachable", e -> e.getMessage().setBody("Anyone there?"));
        assertThat(out.getException()).isInstanceOf(BedrockClientException.class);
        assertThat(((BedrockException) out.getException()).isRetryable()).isTrue();
        assertThat(out.getException().getMessage()).contains("converse").contains(MODEL);
    }
}
