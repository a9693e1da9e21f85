package dev.camelbedrock.component.error;

/** The model took too long (ModelTimeoutException, HTTP 408). Retryable. */
public class BedrockModelTimeoutException extends BedrockServiceException {

    public BedrockModelTimeoutException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
