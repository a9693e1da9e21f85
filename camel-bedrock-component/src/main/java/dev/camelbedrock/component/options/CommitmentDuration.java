package dev.camelbedrock.component.options;

/** The commitment of a provisioned throughput (commitmentDuration); none for no commitment. */
public enum CommitmentDuration implements OptionValue {

    NONE("none"),
    ONE_MONTH("OneMonth"),
    SIX_MONTHS("SixMonths");

    private final String value;

    CommitmentDuration(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
