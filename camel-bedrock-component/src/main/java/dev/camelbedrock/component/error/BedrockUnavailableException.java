package dev.camelbedrock.component.error;

/** Bedrock had an internal error or was unavailable (InternalServerException 500, ServiceUnavailableException 503, BadGateway 502). Retryable. */
public class BedrockUnavailableException extends BedrockServiceException {

    public BedrockUnavailableException(String message, String operation, String modelId, String requestId, int statusCode, String errorCode,
                 boolean retryable, Throwable cause) {
        super(message, operation, modelId, requestId, statusCode, errorCode, retryable, cause);
    }
}
