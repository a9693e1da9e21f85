package dev.camelbedrock.component.family;

import java.util.List;

/**
 * One turn of a prompt-level conversation, as the family codecs see it.
 *
 * @param user   true for the user's turn, false for the assistant's
 * @param text   the turn's text (may be empty when the turn carries only images)
 * @param images images attached to the turn, never null
 */
public record PromptTurn(boolean user, String text, List<PromptImage> images) {

    public PromptTurn {
        images = List.copyOf(images);
    }

    public static PromptTurn user(String text) {
        return new PromptTurn(true, text, List.of());
    }

    public static PromptTurn assistant(String text) {
        return new PromptTurn(false, text, List.of());
    }

    /**
     * An image for a native body.
     *
     * @param format png, jpeg, gif or webp
     * @param bytes  the image
     */
    public record PromptImage(String format, byte[] bytes) {
    }
}
