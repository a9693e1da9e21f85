package dev.camelbedrock.component.error;

/**
 * The model itself failed (ModelErrorException, or ModelStreamErrorException in the middle of a stream), or, in
 * bedrock-agent-runtime, something the knowledge base depends on did (DependencyFailedException, 424: the model or the
 * vector store).
 */
public class BedrockModelException extends BedrockServiceException {

    public BedrockModelException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
