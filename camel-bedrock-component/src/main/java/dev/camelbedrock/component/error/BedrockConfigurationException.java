package dev.camelbedrock.component.error;

/**
 * An endpoint's options cannot work: raised when the endpoint starts, so that the route fails to start instead of
 * every exchange failing. Never retryable: the same options fail the same way.
 */
public class BedrockConfigurationException extends BedrockException {

    public BedrockConfigurationException(String endpoint, String operation, String message, Throwable cause) {
        super(endpoint + ": " + message, operation, null, cause);
    }
}
