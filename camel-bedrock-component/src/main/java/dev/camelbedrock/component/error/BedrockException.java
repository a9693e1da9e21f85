package dev.camelbedrock.component.error;

import org.apache.camel.RuntimeCamelException;

/** The base of every exception the bedrock component raises; names the operation and the model. */
public class BedrockException extends RuntimeCamelException {

    private final String operation;
    private final String modelId;

    public BedrockException(String message, String operation, String modelId, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.modelId = modelId;
    }

    /** The bedrock: operation that failed. */
    public String getOperation() {
        return operation;
    }

    /** The model the call was for, or null when the operation has none. */
    public String getModelId() {
        return modelId;
    }

    /** Whether trying the same call again later may succeed. */
    public boolean isRetryable() {
        return false;
    }
}
