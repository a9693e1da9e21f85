package dev.camelbedrock.component.embed;

import dev.camelbedrock.component.family.FamilyCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The native InvokeModel body of one embedding family: one request for some texts or one image, and its reply. */
public interface EmbeddingCodec extends FamilyCodec {

    /** Whether the family embeds images. */
    boolean acceptsImages();

    /**
     * The native request for the input.
     *
     * @throws dev.camelbedrock.component.family.CodecInputException when an option cannot be expressed by the body
     */
    ObjectNode request(EmbedInput input, EmbedOptions options, String modelId);

    EmbeddingReply reply(JsonNode body);
}
