package dev.camelbedrock.component.error;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrockagentruntime.model.BedrockAgentRuntimeException;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes of bedrock-agent-runtime and the control plane map to the typed exceptions too. */
class ServiceErrorCodesTest {

    static Stream<Arguments> codes() {
        return Stream.of(
                // agent runtime (retrieve, retrieveAndGenerate)
                Arguments.of(agentRuntime("DependencyFailedException", 424), BedrockModelException.class, false),
                Arguments.of(agentRuntime("BadGatewayException", 502), BedrockUnavailableException.class, true),
                Arguments.of(agentRuntime("ConflictException", 409), BedrockConflictException.class, false),
                Arguments.of(agentRuntime("ModelNotReadyException", 424), BedrockThrottlingException.class, true),
                Arguments.of(agentRuntime("ServiceQuotaExceededException", 400), BedrockQuotaExceededException.class, false),
                Arguments.of(agentRuntime("ResourceNotFoundException", 404), BedrockResourceNotFoundException.class, false),
                Arguments.of(agentRuntime("InternalServerException", 500), BedrockUnavailableException.class, true),
                // control plane (provisioned throughput, foundation models)
                Arguments.of(controlPlane("ConflictException", 400), BedrockConflictException.class, false),
                Arguments.of(controlPlane("ResourceInUseException", 400), BedrockConflictException.class, false),
                Arguments.of(controlPlane("TooManyTagsException", 400), BedrockValidationException.class, false),
                Arguments.of(controlPlane("ServiceQuotaExceededException", 400), BedrockQuotaExceededException.class, false),
                Arguments.of(controlPlane("ThrottlingException", 429), BedrockThrottlingException.class, true),
                Arguments.of(controlPlane("ServiceUnavailableException", 503), BedrockUnavailableException.class, true));
    }

    private static AwsServiceException agentRuntime(String code, int status) {
        return BedrockAgentRuntimeException.builder().statusCode(status).requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("it failed").build()).build();
    }

    private static AwsServiceException controlPlane(String code, int status) {
        return BedrockException.builder().statusCode(status).requestId("req-2")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("it failed").build()).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void mapped(AwsServiceException e, Class<? extends BedrockServiceException> type, boolean retryable) {
        Exception mapped = BedrockErrors.map(new java.util.concurrent.CompletionException(e), "retrieve", null);
        assertThat(mapped).isInstanceOf(type);
        BedrockServiceException s = (BedrockServiceException) mapped;
        assertThat(s.isRetryable()).isEqualTo(retryable);
        assertThat(s.getErrorCode()).isEqualTo(e.awsErrorDetails().errorCode());
        assertThat(s.getStatusCode()).isEqualTo(e.statusCode());
        assertThat(s.getMessage()).startsWith("retrieve failed: " + e.awsErrorDetails().errorCode()).contains(e.requestId());
    }
}
