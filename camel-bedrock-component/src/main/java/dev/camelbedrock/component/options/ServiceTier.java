package dev.camelbedrock.component.options;

/** The service tier of a request (serviceTier). */
public enum ServiceTier implements OptionValue {

    PRIORITY("priority"),
    DEFAULT("default"),
    FLEX("flex"),
    RESERVED("reserved");

    private final String value;

    ServiceTier(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
