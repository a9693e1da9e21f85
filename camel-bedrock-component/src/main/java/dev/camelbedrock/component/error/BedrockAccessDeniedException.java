package dev.camelbedrock.component.error;

/** The credentials may not call this operation or model (AccessDeniedException, or a bad signature). Not retryable. */
public class BedrockAccessDeniedException extends BedrockServiceException {

    public BedrockAccessDeniedException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
