package dev.camelbedrock.component.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an embedding codec reads from one reply.
 *
 * @param vectors     the float vectors, one per input, in input order
 * @param byType      the extra embedding types asked for (int8, binary ...): type to one vector per input
 * @param inputTokens the input token count when the body gives it, else null
 */
public record EmbeddingReply(List<List<Float>> vectors, Map<String, List<List<Number>>> byType, Integer inputTokens) {

    static List<Float> floats(JsonNode array) {
        List<Float> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.floatValue()));
        return out;
    }

    static List<Number> numbers(JsonNode array) {
        List<Number> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.numberValue()));
        return out;
    }

    /** The vectors of a JSON array of arrays. */
    static List<List<Float>> floatVectors(JsonNode arrays) {
        List<List<Float>> out = new ArrayList<>(arrays.size());
        arrays.forEach(a -> out.add(floats(a)));
        return out;
    }

    /** The extra types of a {@code {"float":…,"int8":…}} object, skipping float; {@code perInput} wraps one-vector values. */
    static Map<String, List<List<Number>>> extraTypes(JsonNode byType, boolean perInput) {
        Map<String, List<List<Number>>> out = new LinkedHashMap<>();
        byType.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("float")) {
                List<List<Number>> vectors = new ArrayList<>();
                if (perInput) {
                    e.getValue().forEach(a -> vectors.add(numbers(a)));
                } else {
                    vectors.add(numbers(e.getValue()));
                }
                out.put(e.getKey(), vectors);
            }
        });
        return out;
    }
}
