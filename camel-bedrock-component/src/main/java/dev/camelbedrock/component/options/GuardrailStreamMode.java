package dev.camelbedrock.component.options;

/** When a guardrail checks streamed chunks: before they are sent (sync) or while (async). */
public enum GuardrailStreamMode implements OptionValue {

    SYNC("sync"),
    ASYNC("async");

    private final String value;

    GuardrailStreamMode(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
