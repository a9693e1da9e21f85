package dev.camelbedrock.component.options;

/** The quality of generated images (quality). */
public enum ImageQuality implements OptionValue {

    STANDARD("standard"),
    PREMIUM("premium");

    private final String value;

    ImageQuality(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
