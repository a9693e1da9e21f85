package dev.camelbedrock.component.options;

/** The format of generated images (outputFormat). */
public enum ImageOutputFormat implements OptionValue {

    PNG("png"),
    JPEG("jpeg"),
    WEBP("webp");

    private final String value;

    ImageOutputFormat(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
