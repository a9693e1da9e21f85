package dev.camelbedrock.component.error;

/** The request conflicts with the resource's state (ConflictException). Not retryable as is. */
public class BedrockConflictException extends BedrockServiceException {

    public BedrockConflictException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
