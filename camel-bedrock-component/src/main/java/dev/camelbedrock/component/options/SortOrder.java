package dev.camelbedrock.component.options;

/** The order of listProvisionedThroughputs (sortOrder). */
public enum SortOrder implements OptionValue {

    ASCENDING("Ascending"),
    DESCENDING("Descending");

    private final String value;

    SortOrder(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
