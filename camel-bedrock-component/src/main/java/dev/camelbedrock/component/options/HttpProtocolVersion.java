package dev.camelbedrock.component.options;

/** The HTTP version of the SDK clients (httpProtocol). */
public enum HttpProtocolVersion implements OptionValue {

    HTTP1_1("HTTP1_1"),
    HTTP2("HTTP2");

    private final String value;

    HttpProtocolVersion(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
