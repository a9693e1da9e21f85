package dev.camelbedrock.component.error;

/**
 * The input of an exchange (body, header or option) cannot be sent: raised before any network call. The message says
 * what was wrong, for which operation, and what is accepted.
 */
public class BedrockInputException extends BedrockException {

    public BedrockInputException(String operation, String modelId, String message) {
        super(operation + ": " + message, operation, modelId, null);
    }

    public BedrockInputException(String operation, String modelId, String message, Throwable cause) {
        super(operation + ": " + message, operation, modelId, cause);
    }
}
