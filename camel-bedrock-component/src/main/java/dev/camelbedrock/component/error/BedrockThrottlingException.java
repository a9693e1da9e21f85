package dev.camelbedrock.component.error;

/** The request was throttled (ThrottlingException, or ModelNotReadyException while the model warms up). Retryable. */
public class BedrockThrottlingException extends BedrockServiceException {

    public BedrockThrottlingException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
