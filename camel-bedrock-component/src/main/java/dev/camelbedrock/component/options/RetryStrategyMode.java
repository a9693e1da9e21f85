package dev.camelbedrock.component.options;

/** The SDK retry strategy (retryMode). */
public enum RetryStrategyMode implements OptionValue {

    LEGACY("legacy"),
    STANDARD("standard"),
    ADAPTIVE_V2("adaptive_v2");

    private final String value;

    RetryStrategyMode(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
