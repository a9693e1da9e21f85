package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The native InvokeModel body of one model family at prompt level: builds the request from a prompt, reads the reply,
 * and reads a stream one chunk at a time. Codecs are stateless; the state of one stream is a {@link StreamedReply}.
 */
public interface ModelFamilyCodec extends FamilyCodec {

    /**
     * The native request body.
     *
     * @throws CodecInputException when the prompt asks for something the body cannot express
     */
    ObjectNode request(Prompt prompt);

    /** Reads a whole native reply. */
    ModelReply reply(JsonNode body);

    /**
     * Reads one stream chunk (the decoded JSON object of one {@code chunk} event): returns its text delta, or null when
     * it carries none, and records stop reason and token counts in {@code state}.
     */
    String chunk(JsonNode chunk, StreamedReply state);
}
