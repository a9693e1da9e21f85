package dev.camelbedrock.component;

/** What the producer needs to know about one call to report its failure: the operation and the resolved model. */
public final class BedrockCall {

    private final BedrockOperation operation;
    private volatile String modelId;

    public BedrockCall(BedrockOperation operation) {
        this.operation = operation;
    }

    public BedrockOperation operation() {
        return operation;
    }

    public String modelId() {
        return modelId;
    }

    public void modelId(String modelId) {
        this.modelId = modelId;
    }
}
