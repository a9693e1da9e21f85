package dev.camelbedrock.component.options;

/** Whether a guardrail's assessment comes back with the reply (guardrailTrace). */
public enum GuardrailTrace implements OptionValue {

    ENABLED("enabled"),
    DISABLED("disabled"),
    ENABLED_FULL("enabled_full");

    private final String value;

    GuardrailTrace(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
