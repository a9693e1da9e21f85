package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.embedding.FeatureHashingEmbedder;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.Set;

/**
 * Titan Multimodal Embeddings G1: {@code {"inputText","inputImage":"<b64>","embeddingConfig":
 * {"outputEmbeddingLength":256|384|1024}}} (either or both inputs; both → the normalised sum of the text and the
 * image vector) → {@code {"embedding","inputTextTokenCount","message":null}}.
 */
final class TitanMultimodalEmbeddings extends NonTextFamily {

    private static final Set<String> KEYS = Set.of("inputText", "inputImage", "embeddingConfig");
    private static final String SPACE = "titan-embed-image-v1";

    @Override
    String name() {
        return "amazon-titan-embed-image";
    }

    @Override
    Output invoke(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.noExtraKeys(b, "#", KEYS);
        String text = Bodies.optionalString(b, "#", "inputText");
        String image = Bodies.optionalString(b, "#", "inputImage");
        if (text == null && image == null) {
            throw Bodies.malformed("#: at least one of [inputText, inputImage] is required");
        }
        Bodies.length(text, "#/inputText", 1, 0);
        int dim = 1024;
        JsonNode cfg = Bodies.optionalObject(b, "#", "embeddingConfig");
        if (cfg != null) {
            Bodies.noExtraKeys(cfg, "#/embeddingConfig", Set.of("outputEmbeddingLength"));
            Integer len = Bodies.optionalInt(cfg, "#/embeddingConfig", "outputEmbeddingLength", Integer.MIN_VALUE,
                    Integer.MAX_VALUE);
            if (len != null) {
                if (len != 256 && len != 384 && len != 1024) {
                    throw Bodies.malformed("#/embeddingConfig/outputEmbeddingLength: " + len
                            + " is not a valid enum value");
                }
                dim = len;
            }
        }
        float[] vector = null;
        int tokens = 0;
        if (text != null) {
            vector = FeatureHashingEmbedder.text(text, dim, SPACE);
            tokens = ChatReplies.textTokens(text);
        }
        if (image != null) {
            float[] iv = FeatureHashingEmbedder.bytes(Bodies.base64(image, "#/inputImage"), dim, SPACE);
            vector = vector == null ? iv : FeatureHashingEmbedder.combine(vector, iv);
        }
        ObjectNode r = Json.object();
        r.set("embedding", Vectors.floats(vector));
        r.put("inputTextTokenCount", tokens);
        r.putNull("message");
        return new Output(r, tokens, 0);
    }
}
