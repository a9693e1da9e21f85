package dev.camelbedrock.component.options;

/** The scheme of the HTTP proxy (proxyProtocol). */
public enum ProxyScheme implements OptionValue {

    HTTP("http"),
    HTTPS("https");

    private final String value;

    ProxyScheme(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
