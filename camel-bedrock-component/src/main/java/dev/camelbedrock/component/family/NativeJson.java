package dev.camelbedrock.component.family;

import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers the codecs share to write and read native JSON bodies. */
public final class NativeJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private NativeJson() {
    }

    public static ObjectNode object() {
        return F.objectNode();
    }

    /** Puts the value when it is not null (Integer, Long, Float, Double, Boolean or String). */
    public static ObjectNode putIf(ObjectNode node, String field, Object value) {
        if (value instanceof Integer i) {
            node.put(field, i);
        } else if (value instanceof Long l) {
            node.put(field, l);
        } else if (value instanceof Float f) {
            node.put(field, f);
        } else if (value instanceof Double d) {
            node.put(field, d);
        } else if (value instanceof Boolean b) {
            node.put(field, b);
        } else if (value != null) {
            node.put(field, value.toString());
        }
        return node;
    }

    /** Puts a JSON array of the strings when the list is not empty. */
    public static ObjectNode putStrings(ObjectNode node, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode a = node.putArray(field);
            values.forEach(a::add);
        }
        return node;
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] fromBase64(String text) {
        return Base64.getDecoder().decode(text);
    }

    /** The text at a path, or null when it is missing or JSON null. */
    public static String text(JsonNode node, String pointer) {
        JsonNode v = node.at(pointer);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** The integer at a path, or null when it is missing, JSON null or not a number. */
    public static Integer integer(JsonNode node, String pointer) {
        JsonNode v = node.at(pointer);
        return v.isNumber() ? v.intValue() : null;
    }

    /** The first non-null text among several paths. */
    public static String firstText(JsonNode node, String... pointers) {
        for (String p : pointers) {
            String t = text(node, p);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
