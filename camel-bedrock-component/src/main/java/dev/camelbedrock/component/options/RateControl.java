package dev.camelbedrock.component.options;

/** Whether an endpoint paces its requests to the rate Bedrock allows (rateControl). */
public enum RateControl implements OptionValue {

    NONE("none"),
    ADAPTIVE("adaptive");

    private final String value;

    RateControl(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
