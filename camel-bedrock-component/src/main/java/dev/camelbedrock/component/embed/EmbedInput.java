package dev.camelbedrock.component.embed;

import java.util.List;

/**
 * What one embedding request carries: texts (no more than the model takes per request) or one image.
 *
 * @param texts       the texts, or null for an image
 * @param image       the image bytes, or null for texts
 * @param imageFormat png, jpeg, gif or webp
 */
public record EmbedInput(List<String> texts, byte[] image, String imageFormat) {

    static EmbedInput texts(List<String> texts) {
        return new EmbedInput(List.copyOf(texts), null, null);
    }

    static EmbedInput image(byte[] image, String format) {
        return new EmbedInput(null, image, format);
    }

    boolean isImage() {
        return image != null;
    }

    /** How many vectors the reply must hold. */
    int size() {
        return isImage() ? 1 : texts.size();
    }
}
