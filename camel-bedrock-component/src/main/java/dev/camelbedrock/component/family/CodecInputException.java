package dev.camelbedrock.component.family;

/**
 * A prompt a family's native body cannot express (stop sequences for Llama, images for a text-only body ...). The
 * handler turns it into a BedrockInputException naming the operation and the model, before any call.
 */
public class CodecInputException extends RuntimeException {

    public CodecInputException(String message) {
        super(message);
    }
}
