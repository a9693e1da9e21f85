package dev.camelbedrock.component.error;

/**
 * waitForCompletion saw the awaited resource end badly: a provisioned throughput in Failed, an ingestion job FAILED or
 * STOPPED. The message carries Bedrock's failure reason when it gives one. Not retryable as is.
 */
public class BedrockResourceFailedException extends BedrockException {

    private final String resource;
    private final String status;
    private final String reason;

    public BedrockResourceFailedException(String message, String operation, String resource, String status, String reason) {
        super(message, operation, null, null);
        this.resource = resource;
        this.status = status;
        this.reason = reason;
    }

    /** What was awaited, e.g. the provisioned throughput ARN or the ingestion job id. */
    public String getResource() {
        return resource;
    }

    /** The final status. */
    public String getStatus() {
        return status;
    }

    /** Bedrock's failure message or reasons; may be null. */
    public String getReason() {
        return reason;
    }
}
