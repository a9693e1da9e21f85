package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.embedding.FeatureHashingEmbedder;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Titan Embeddings G1 Text ({@code {"inputText"}} → 1536 floats) and Titan Text Embeddings V2
 * ({@code {"inputText","dimensions":256|512|1024,"normalize","embeddingTypes":["float","binary"]}} →
 * {@code {"embedding","inputTextTokenCount","embeddingsByType"}}).
 */
final class TitanEmbeddings extends NonTextFamily {

    private static final Set<String> V1_KEYS = Set.of("inputText");
    private static final Set<String> V2_KEYS = Set.of("inputText", "dimensions", "normalize", "embeddingTypes");
    private static final int MAX_TOKENS = 8192;

    private final boolean v2;

    TitanEmbeddings(boolean v2) {
        this.v2 = v2;
    }

    @Override
    String name() {
        return v2 ? "amazon-titan-embed-text-v2" : "amazon-titan-embed-text-v1";
    }

    @Override
    Output invoke(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.noExtraKeys(b, "#", v2 ? V2_KEYS : V1_KEYS);
        String text = Bodies.requiredString(b, "#", "inputText");
        Bodies.length(text, "#/inputText", 1, v2 ? 50_000 : 0);
        int tokens = ChatReplies.textTokens(text);
        if (tokens > MAX_TOKENS) {
            throw ServiceException.validation("400 Bad Request: Too many input tokens. Max input tokens: " + MAX_TOKENS
                    + ", request input token count: " + tokens + " ");
        }
        ObjectNode r = Json.object();
        if (!v2) {
            r.set("embedding", Vectors.floats(FeatureHashingEmbedder.text(text, 1536, "titan-embed-text-v1")));
            r.put("inputTextTokenCount", tokens);
            return new Output(r, tokens, 0);
        }
        Integer dim = Bodies.optionalInt(b, "#", "dimensions", Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (dim == null) {
            dim = 1024;
        } else if (dim != 256 && dim != 512 && dim != 1024) {
            throw Bodies.malformed("#/dimensions: " + dim + " is not a valid enum value");
        }
        Boolean normalize = Bodies.optionalBoolean(b, "#", "normalize");
        List<String> types = Bodies.optionalStrings(b, "#", "embeddingTypes", false, 0);
        Set<String> kinds = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            if (!"float".equals(types.get(i)) && !"binary".equals(types.get(i))) {
                throw Bodies.malformed("#/embeddingTypes/" + i + ": " + types.get(i) + " is not a valid enum value");
            }
            kinds.add(types.get(i));
        }
        if (b.has("embeddingTypes") && kinds.isEmpty()) {
            throw Bodies.malformed("#/embeddingTypes: expected minimum item count: 1, found: 0");
        }
        if (kinds.isEmpty()) {
            kinds.add("float");
        }
        float[] vector = normalize == null || normalize
                ? FeatureHashingEmbedder.text(text, dim, "titan-embed-text-v2")
                : FeatureHashingEmbedder.rawText(text, dim, "titan-embed-text-v2");
        r.set("embedding", Vectors.floats(vector));
        r.put("inputTextTokenCount", tokens);
        ObjectNode byType = r.putObject("embeddingsByType");
        for (String k : kinds) {
            byType.set(k, "binary".equals(k) ? Vectors.bits(vector) : Vectors.floats(vector));
        }
        return new Output(r, tokens, 0);
    }
}
