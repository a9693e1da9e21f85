package dev.camelbedrock.component.options;

/** A provisioned-throughput status that listProvisionedThroughputs filters by (statusEquals). */
public enum ThroughputStatus implements OptionValue {

    CREATING("Creating"),
    IN_SERVICE("InService"),
    UPDATING("Updating"),
    FAILED("Failed");

    private final String value;

    ThroughputStatus(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
