package dev.camelbedrock.component.error;

/** Bedrock rejected the request as invalid (ValidationException). Not retryable. */
public class BedrockValidationException extends BedrockServiceException {

    public BedrockValidationException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
