package dev.camelbedrock.component.error;

/**
 * The call did not get an answer from Bedrock: connection refused or reset, a timeout, an unreadable response.
 * Retryable, since nothing says the service saw the request.
 */
public class BedrockClientException extends BedrockException {

    public BedrockClientException(String message, String operation, String modelId, Throwable cause) {
        super(message, operation, modelId, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
