package dev.camelbedrock.component.options;

/** A customization type that listFoundationModels filters by (byCustomizationType). */
public enum CustomizationType implements OptionValue {

    FINE_TUNING("FINE_TUNING"),
    CONTINUED_PRE_TRAINING("CONTINUED_PRE_TRAINING"),
    DISTILLATION("DISTILLATION");

    private final String value;

    CustomizationType(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
