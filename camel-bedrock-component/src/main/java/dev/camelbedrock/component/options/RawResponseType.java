package dev.camelbedrock.component.options;

/** The body type of a raw invokeModel reply (rawResponseType). */
public enum RawResponseType implements OptionValue {

    STRING("String"),
    BYTES("bytes"),
    JSON_NODE("JsonNode");

    private final String value;

    RawResponseType(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
