package dev.camelbedrock.component.error;

/** The model, guardrail, knowledge base or other resource does not exist (ResourceNotFoundException). Not retryable. */
public class BedrockResourceNotFoundException extends BedrockServiceException {

    public BedrockResourceNotFoundException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
