package dev.camelbedrock.component.options;

/** An output modality that listFoundationModels filters by (byOutputModality). */
public enum OutputModality implements OptionValue {

    TEXT("TEXT"),
    IMAGE("IMAGE"),
    EMBEDDING("EMBEDDING");

    private final String value;

    OutputModality(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
