package dev.camelbedrock.component.options;

/** An inference type that listFoundationModels filters by (byInferenceType). */
public enum InferenceType implements OptionValue {

    ON_DEMAND("ON_DEMAND"),
    PROVISIONED("PROVISIONED");

    private final String value;

    InferenceType(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
