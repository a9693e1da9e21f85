package dev.camelbedrock.component.error;

/**
 * waitForCompletion gave up: the awaited resource (an ingestion job, a provisioned throughput) did not reach a final
 * status within waitTimeout. Retryable: the work goes on at Bedrock, and asking again later may find it done.
 */
public class BedrockWaitTimeoutException extends BedrockException {

    private final String resource;
    private final String lastStatus;

    public BedrockWaitTimeoutException(String message, String operation, String resource, String lastStatus) {
        super(message, operation, null, null);
        this.resource = resource;
        this.lastStatus = lastStatus;
    }

    /** What was awaited, e.g. the provisioned throughput ARN or the ingestion job id. */
    public String getResource() {
        return resource;
    }

    /** The status seen at the last check. */
    public String getLastStatus() {
        return lastStatus;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
