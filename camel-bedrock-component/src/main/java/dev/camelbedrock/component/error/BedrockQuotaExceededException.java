package dev.camelbedrock.component.error;

/** A service quota was exceeded (ServiceQuotaExceededException). Not retryable until the quota changes. */
public class BedrockQuotaExceededException extends BedrockServiceException {

    public BedrockQuotaExceededException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
