package dev.camelbedrock.component.error;

/**
 * Bedrock answered with an error. Carries what support and retry logic need: request id, HTTP status, error code,
 * model, and whether a retry may help. Subclasses name the common cases so routes can {@code onException} them.
 */
public class BedrockServiceException extends BedrockException {

    private final String requestId;
    private final int statusCode;
    private final String errorCode;
    private final boolean retryable;

    public BedrockServiceException(String message, String operation, String modelId, String requestId, int statusCode,
                                   String errorCode, boolean retryable, Throwable cause) {
        super(message, operation, modelId, cause);
        this.requestId = requestId;
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    public String getRequestId() {
        return requestId;
    }

    /** The HTTP status (inside an event stream: the modelled status of the exception event). */
    public int getStatusCode() {
        return statusCode;
    }

    /** The service's error code, e.g. ThrottlingException. */
    public String getErrorCode() {
        return errorCode;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
