package dev.camelbedrock.component.options;

/** How retrieve searches a knowledge base (searchType). */
public enum SearchType implements OptionValue {

    SEMANTIC("SEMANTIC"),
    HYBRID("HYBRID");

    private final String value;

    SearchType(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
