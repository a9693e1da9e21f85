package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.embedding.FeatureHashingEmbedder;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.List;
import java.util.Set;

/**
 * Amazon Nova Multimodal Embeddings, synchronous form: {@code {"schemaVersion":"nova-multimodal-embed-v1",
 * "taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose","embeddingDimension":256|384|1024|3072,
 * "text":{"truncationMode":"START"|"END"|"NONE","value"} | "image":{"format","source":{"bytes"}} | "audio" |
 * "video" | …}}} → {@code {"embeddings":[{"embeddingType":"TEXT"|"IMAGE"|…,"embedding":[…]}]}}.
 */
final class NovaEmbeddings extends NonTextFamily {

    private static final String SPACE = "nova-multimodal-embed-v1";
    private static final int MAX_CHARS = 8192 * 4;
    private static final Set<String> PURPOSES = Set.of("GENERIC_INDEX", "GENERIC_RETRIEVAL", "TEXT_RETRIEVAL",
            "IMAGE_RETRIEVAL", "VIDEO_RETRIEVAL", "DOCUMENT_RETRIEVAL", "AUDIO_RETRIEVAL", "CLASSIFICATION", "CLUSTERING");
    private static final List<String> MODALITIES = List.of("text", "image", "audio", "video");

    @Override
    String name() {
        return "amazon-nova-multimodal-embeddings";
    }

    @Override
    Output invoke(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.optionalEnum(b, "#", "schemaVersion", Set.of("nova-multimodal-embed-v1"));
        String task = Bodies.requiredString(b, "#", "taskType");
        if ("SEGMENTED_EMBEDDING".equals(task)) {
            throw Bodies.malformed("#/taskType: SEGMENTED_EMBEDDING is only supported by StartAsyncInvoke");
        }
        if (!"SINGLE_EMBEDDING".equals(task)) {
            throw Bodies.malformed("#/taskType: " + task + " is not a valid enum value");
        }
        String pp = "#/singleEmbeddingParams";
        JsonNode params = Bodies.requiredObject(b, "#", "singleEmbeddingParams");
        Bodies.optionalEnum(params, pp, "embeddingPurpose", PURPOSES);
        Integer dim = Bodies.optionalInt(params, pp, "embeddingDimension", Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (dim == null) {
            dim = 3072;
        } else if (dim != 256 && dim != 384 && dim != 1024 && dim != 3072) {
            throw Bodies.malformed(pp + "/embeddingDimension: " + dim + " is not a valid enum value");
        }
        String modality = null;
        for (String m : MODALITIES) {
            if (params.has(m)) {
                if (modality != null) {
                    throw Bodies.malformed(pp + ": only one of " + MODALITIES + " may be provided");
                }
                modality = m;
            }
        }
        if (modality == null) {
            throw Bodies.missing(pp, "text");
        }
        String mp = pp + "/" + modality;
        JsonNode input = Bodies.requiredObject(params, pp, modality);
        ObjectNode r = Json.object();
        ObjectNode e = r.putArray("embeddings").addObject();
        int tokens;
        float[] vector;
        if ("text".equals(modality)) {
            String mode = Bodies.requiredString(input, mp, "truncationMode");
            if (!Set.of("START", "END", "NONE").contains(mode)) {
                throw Bodies.malformed(mp + "/truncationMode: " + mode + " is not a valid enum value");
            }
            String value = Bodies.requiredString(input, mp, "value");
            Bodies.length(value, mp + "/value", 1, 0);
            Integer truncated = null;
            if (value.length() > MAX_CHARS) {
                if ("NONE".equals(mode)) {
                    throw Bodies.malformed(mp + "/value: expected maxLength: " + MAX_CHARS + ", actual: "
                            + value.length());
                }
                value = "START".equals(mode) ? value.substring(value.length() - MAX_CHARS)
                        : value.substring(0, MAX_CHARS);
                truncated = MAX_CHARS;
            }
            vector = FeatureHashingEmbedder.text(value, dim, SPACE);
            tokens = ChatReplies.textTokens(value);
            e.put("embeddingType", "TEXT");
            e.set("embedding", Vectors.floats(vector));
            if (truncated != null) {
                e.put("truncatedCharLength", truncated);
            }
        } else {
            if ("image".equals(modality)) {
                Bodies.optionalEnum(input, mp, "format", Set.of("png", "jpeg", "gif", "webp"));
                Bodies.requiredString(input, mp, "format");
            }
            JsonNode source = Bodies.requiredObject(input, mp, "source");
            byte[] data;
            if (source.has("bytes")) {
                data = Bodies.base64(Bodies.requiredString(source, mp + "/source", "bytes"), mp + "/source/bytes");
            } else if (source.has("s3Location")) {
                data = Json.string(source.get("s3Location")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } else {
                throw Bodies.missing(mp + "/source", "bytes");
            }
            vector = FeatureHashingEmbedder.bytes(data, dim, SPACE);
            tokens = "image".equals(modality) ? 85 + data.length / 1024 : 1000;
            e.put("embeddingType", "video".equals(modality) ? "AUDIO_VIDEO_COMBINED" : modality.toUpperCase());
            e.set("embedding", Vectors.floats(vector));
        }
        return new Output(r, tokens, 0);
    }
}
