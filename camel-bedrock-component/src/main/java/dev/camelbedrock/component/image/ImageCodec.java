package dev.camelbedrock.component.image;

import dev.camelbedrock.component.family.FamilyCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The native InvokeModel body of one image family: builds a text-to-image request, says what size a request asks for
 * (so the catalog's size rules can be checked on any request, built or given as a Map), and reads the reply.
 */
public interface ImageCodec extends FamilyCodec {

    /**
     * A text-to-image request.
     *
     * @throws dev.camelbedrock.component.family.CodecInputException when an option cannot be expressed by the body
     */
    ObjectNode request(String prompt, ImageOptions options, String modelId);

    /** What a native request asks for: its size or aspect ratio, prompt and number of images. */
    ImageAsk ask(JsonNode request);

    ImageReply reply(JsonNode body);

    /**
     * What a request asks for, as far as the size rules care.
     *
     * @param width       width, or null
     * @param height      height, or null
     * @param aspectRatio w:h, or null
     * @param prompt      the prompt text, or null
     * @param images      how many images
     * @param seed        the seed, or null
     */
    record ImageAsk(Integer width, Integer height, String aspectRatio, String prompt, int images, Long seed) {
    }
}
