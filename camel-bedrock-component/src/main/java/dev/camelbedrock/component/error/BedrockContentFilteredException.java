package dev.camelbedrock.component.error;

/**
 * The model's content filter withheld the result: an image generator's filter reason or CONTENT_FILTERED finish
 * reason in a successful reply, or the ValidationException ("blocked by our content filters") Bedrock answers a
 * blocked prompt with (then the cause). Not retryable: the same request is filtered again; change the prompt.
 */
public class BedrockContentFilteredException extends BedrockException {

    private final String reason;
    private final String requestId;

    public BedrockContentFilteredException(String operation, String modelId, String reason, String requestId) {
        this(operation, modelId, reason, requestId, null);
    }

    public BedrockContentFilteredException(String operation, String modelId, String reason, String requestId, Throwable cause) {
        super(operation + " on model " + modelId + ": the result was withheld by the model's content filter (" + reason
              + ", request id " + requestId + "); change the prompt", operation, modelId, cause);
        this.reason = reason;
        this.requestId = requestId;
    }

    /** What the model said about the filtering, as it said it. */
    public String getReason() {
        return reason;
    }

    public String getRequestId() {
        return requestId;
    }
}
