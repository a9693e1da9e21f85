package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.embedding.FeatureHashingEmbedder;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cohere Embed v3 (english / multilingual; 1024 dimensions, 384 for the light models) and Cohere Embed v4
 * ({@code output_dimension} 256|512|1024|1536, default 1536). Request {@code {"texts"|"images"|"inputs"(v4),
 * "input_type","truncate","embedding_types"}}, at most 96 inputs. Without {@code embedding_types} v3 answers
 * {@code {"id","response_type":"embeddings_floats","embeddings":[[…]],"texts"}}; with them (and always on v4)
 * {@code "response_type":"embeddings_by_type","embeddings":{"float":[[…]],"int8":[[…]],…}}.
 */
final class CohereEmbeddings extends NonTextFamily {

    static final int MAX_INPUTS = 96;
    static final int V3_MAX_CHARS = 2048;
    private static final Set<String> TYPES = Set.of("float", "int8", "uint8", "binary", "ubinary");
    private static final Set<String> V3_INPUT_TYPES =
            Set.of("search_document", "search_query", "classification", "clustering", "image");
    private static final Set<String> V4_INPUT_TYPES =
            Set.of("search_document", "search_query", "classification", "clustering");

    private final boolean v4;

    CohereEmbeddings(boolean v4) {
        this.v4 = v4;
    }

    @Override
    String name() {
        return v4 ? "cohere-embed-v4" : "cohere-embed-v3";
    }

    /** One input to embed: a text, an image (data URI), or an interleaved v4 {@code inputs} item. */
    private static final class Item {
        String text;
        byte[] image;
    }

    @Override
    Output invoke(Invocation inv) {
        JsonNode b = inv.body;
        String space = v4 ? "cohere-embed-v4" : inv.baseId() == null ? "cohere-embed-v3" : inv.baseId();
        if (!b.has("input_type")) {
            throw Bodies.missing("#", "input_type");
        }
        Bodies.optionalEnum(b, "#", "input_type", v4 ? V4_INPUT_TYPES : V3_INPUT_TYPES);
        String truncate = Bodies.optionalEnum(b, "#", "truncate",
                v4 ? Set.of("NONE", "LEFT", "RIGHT") : Set.of("NONE", "START", "END"));
        ArrayNode texts = Bodies.optionalArray(b, "#", "texts");
        ArrayNode images = Bodies.optionalArray(b, "#", "images");
        ArrayNode inputs = v4 ? Bodies.optionalArray(b, "#", "inputs") : null;
        int kinds = (texts != null ? 1 : 0) + (images != null ? 1 : 0) + (inputs != null ? 1 : 0);
        if (kinds == 0) {
            throw Bodies.missing("#", "texts");
        }
        if (kinds > 1) {
            throw Bodies.malformed("#: only one of " + (v4 ? "[texts, images, inputs]" : "[texts, images]")
                    + " may be provided");
        }
        List<Item> items = new ArrayList<>();
        List<String> echoed = new ArrayList<>();
        if (texts != null) {
            count("#/texts", texts.size(), MAX_INPUTS);
            for (int i = 0; i < texts.size(); i++) {
                String p = Bodies.path("#/texts", i);
                if (!texts.get(i).isTextual()) {
                    throw Bodies.wrongType(p, "String", texts.get(i));
                }
                Item it = new Item();
                it.text = truncate(texts.get(i).asText(), truncate, p);
                items.add(it);
                echoed.add(texts.get(i).asText());
            }
        } else if (images != null) {
            count("#/images", images.size(), v4 ? MAX_INPUTS : 1);
            for (int i = 0; i < images.size(); i++) {
                Item it = new Item();
                it.image = dataUri(images.get(i), Bodies.path("#/images", i));
                items.add(it);
            }
        } else {
            count("#/inputs", inputs.size(), MAX_INPUTS);
            for (int i = 0; i < inputs.size(); i++) {
                String p = Bodies.path("#/inputs", i);
                ArrayNode content = Bodies.requiredArray(inputs.get(i), p, "content");
                Item it = new Item();
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < content.size(); j++) {
                    JsonNode part = content.get(j);
                    String pp = Bodies.path(p + "/content", j);
                    String type = Bodies.requiredString(part, pp, "type");
                    if ("text".equals(type)) {
                        sb.append(sb.length() > 0 ? " " : "").append(Bodies.requiredString(part, pp, "text"));
                    } else if ("image_url".equals(type)) {
                        JsonNode url = part.get("image_url");
                        if (url != null && url.isObject()) {
                            url = url.get("url");
                        }
                        it.image = dataUri(url, pp + "/image_url");
                    } else {
                        throw Bodies.malformed(pp + "/type: " + type + " is not a valid enum value");
                    }
                }
                it.text = sb.length() > 0 ? sb.toString() : null;
                items.add(it);
            }
        }
        int dim;
        if (v4) {
            Integer d = Bodies.optionalInt(b, "#", "output_dimension", Integer.MIN_VALUE, Integer.MAX_VALUE);
            dim = d == null ? 1536 : d;
            if (dim != 256 && dim != 512 && dim != 1024 && dim != 1536) {
                throw Bodies.malformed("#/output_dimension: " + dim + " is not a valid enum value");
            }
        } else {
            dim = inv.baseId() != null && inv.baseId().contains("light") ? 384 : 1024;
        }
        List<String> types = Bodies.optionalStrings(b, "#", "embedding_types", false, 0);
        Set<String> wanted = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            if (!TYPES.contains(types.get(i))) {
                throw Bodies.malformed("#/embedding_types/" + i + ": " + types.get(i) + " is not a valid enum value");
            }
            wanted.add(types.get(i));
        }
        List<float[]> vectors = new ArrayList<>();
        int tokens = 0;
        for (Item it : items) {
            float[] v = null;
            if (it.text != null) {
                v = FeatureHashingEmbedder.text(it.text, dim, space);
                tokens += ChatReplies.textTokens(it.text);
            }
            if (it.image != null) {
                float[] iv = FeatureHashingEmbedder.bytes(it.image, dim, space);
                v = v == null ? iv : FeatureHashingEmbedder.combine(v, iv);
                tokens += 1000;
            }
            vectors.add(v == null ? FeatureHashingEmbedder.text("", dim, space) : v);
        }
        ObjectNode r = Json.object();
        r.put("id", Invocation.token(inv.exchange.requestId(), 32).toLowerCase());
        if (!v4 && wanted.isEmpty()) {
            r.put("response_type", "embeddings_floats");
            ArrayNode e = r.putArray("embeddings");
            vectors.forEach(v -> e.add(Vectors.floats(v)));
        } else {
            if (wanted.isEmpty()) {
                wanted.add("float");
            }
            r.put("response_type", "embeddings_by_type");
            ObjectNode e = r.putObject("embeddings");
            for (String type : wanted) {
                ArrayNode a = e.putArray(type);
                vectors.forEach(v -> a.add(Vectors.of(type, v)));
            }
        }
        ArrayNode t = r.putArray("texts");
        echoed.forEach(t::add);
        return new Output(r, tokens, 0);
    }

    private static void count(String path, int n, int max) {
        if (n < 1) {
            throw Bodies.malformed(path + ": expected minimum item count: 1, found: 0");
        }
        if (n > max) {
            throw Bodies.malformed(path + ": expected maximum item count: " + max + ", found: " + n);
        }
    }

    private String truncate(String text, String mode, String path) {
        int max = v4 ? 128_000 * 4 : V3_MAX_CHARS;
        if (text.length() <= max) {
            return text;
        }
        if (mode == null || "NONE".equals(mode)) {
            throw Bodies.malformed(path + ": expected maxLength: " + max + ", actual: " + text.length());
        }
        return "START".equals(mode) || "LEFT".equals(mode) ? text.substring(text.length() - max)
                : text.substring(0, max);
    }

    /** {@code data:image/png;base64,…} → bytes. */
    private static byte[] dataUri(JsonNode n, String path) {
        if (n == null || !n.isTextual()) {
            throw Bodies.wrongType(path, "String", n);
        }
        String s = n.asText();
        int comma = s.indexOf(',');
        if (!s.startsWith("data:") || comma < 0 || !s.substring(0, comma).endsWith(";base64")) {
            throw Bodies.malformed(path + ": is not a valid data URI (data:image/<format>;base64,<data>)");
        }
        return Bodies.base64(s.substring(comma + 1), path);
    }
}
