package dev.camelbedrock.component.options;

/** How invokeModel reads the body: auto (by its type), raw (the native JSON) or prompt (a prompt the family codec turns into the native body). */
public enum InvokeBodyFormat implements OptionValue {

    AUTO("auto"),
    RAW("raw"),
    PROMPT("prompt");

    private final String value;

    InvokeBodyFormat(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
