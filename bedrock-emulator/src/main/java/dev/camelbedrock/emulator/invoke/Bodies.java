package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.camelbedrock.emulator.core.ServiceException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Validation of native InvokeModel bodies with the service's wording: Bedrock checks model bodies against a
 * JSON schema and answers {@code ValidationException: Malformed input request: #/path: <problem>, please
 * reformat your input and try again.} ({@code #} is the body root, {@code /} separates keys and array indexes).
 */
final class Bodies {

    private Bodies() {
    }

    static ServiceException malformed(String detail) {
        return ServiceException.validation("Malformed input request: " + detail
                + ", please reformat your input and try again.");
    }

    static String path(String parent, String key) {
        return ("#".equals(parent) ? "#/" : parent + "/") + key;
    }

    static String path(String parent, int index) {
        return ("#".equals(parent) ? "#/" : parent + "/") + index;
    }

    /** The JSON-schema type name of a value, as the service's messages spell it. */
    static String typeName(JsonNode n) {
        if (n == null || n.isNull()) {
            return "Null";
        }
        if (n.isTextual()) {
            return "String";
        }
        if (n.isIntegralNumber()) {
            return "Integer";
        }
        if (n.isNumber()) {
            return "BigDecimal";
        }
        if (n.isBoolean()) {
            return "Boolean";
        }
        if (n.isArray()) {
            return "JSONArray";
        }
        return "JSONObject";
    }

    static ServiceException wrongType(String path, String expected, JsonNode found) {
        return malformed(path + ": expected type: " + expected + ", found: " + typeName(found));
    }

    static ServiceException missing(String parentPath, String key) {
        return malformed(parentPath + ": required key [" + key + "] not found");
    }

    /** Rejects keys outside {@code allowed}, like the service's schemas ({@code additionalProperties: false}). */
    static void noExtraKeys(JsonNode obj, String path, Set<String> allowed) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw malformed(path + ": extraneous key [" + k + "] is not permitted");
            }
        }
    }

    static JsonNode requiredObject(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null) {
            throw missing(parentPath, key);
        }
        if (!n.isObject()) {
            throw wrongType(path(parentPath, key), "JSONObject", n);
        }
        return n;
    }

    static JsonNode optionalObject(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(path(parentPath, key), "JSONObject", n);
        }
        return n;
    }

    static ArrayNode requiredArray(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null) {
            throw missing(parentPath, key);
        }
        if (!n.isArray()) {
            throw wrongType(path(parentPath, key), "JSONArray", n);
        }
        return (ArrayNode) n;
    }

    static ArrayNode optionalArray(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw wrongType(path(parentPath, key), "JSONArray", n);
        }
        return (ArrayNode) n;
    }

    static String requiredString(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null) {
            throw missing(parentPath, key);
        }
        if (!n.isTextual()) {
            throw wrongType(path(parentPath, key), "String", n);
        }
        return n.asText();
    }

    static String optionalString(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw wrongType(path(parentPath, key), "String", n);
        }
        return n.asText();
    }

    /** A string of {@code min}–{@code max} characters (0 = no bound). */
    static String length(String value, String path, int min, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() < min) {
            throw malformed(path + ": expected minLength: " + min + ", actual: " + value.length());
        }
        if (max > 0 && value.length() > max) {
            throw malformed(path + ": expected maxLength: " + max + ", actual: " + value.length());
        }
        return value;
    }

    static String optionalEnum(JsonNode parent, String parentPath, String key, Collection<String> values) {
        String v = optionalString(parent, parentPath, key);
        if (v != null && !values.contains(v)) {
            throw malformed(path(parentPath, key) + ": " + v + " is not a valid enum value");
        }
        return v;
    }

    static Integer requiredInt(JsonNode parent, String parentPath, String key, long min, long max) {
        if (parent.get(key) == null) {
            throw missing(parentPath, key);
        }
        return optionalInt(parent, parentPath, key, min, max);
    }

    /** An integer within [min, max], or null when absent. */
    static Integer optionalInt(JsonNode parent, String parentPath, String key, long min, long max) {
        Long v = optionalLong(parent, parentPath, key, min, max);
        return v == null ? null : v.intValue();
    }

    static Long optionalLong(JsonNode parent, String parentPath, String key, long min, long max) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        String p = path(parentPath, key);
        if (!n.isIntegralNumber() && !(n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0)) {
            throw wrongType(p, "Integer", n);
        }
        long v = n.asLong();
        if (v < min) {
            throw malformed(p + ": " + v + " is not greater or equal to " + min);
        }
        if (v > max) {
            throw malformed(p + ": " + v + " is not less or equal to " + max);
        }
        return v;
    }

    /** A number within [min, max], or null when absent. */
    static Double optionalNumber(JsonNode parent, String parentPath, String key, double min, double max) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        String p = path(parentPath, key);
        if (!n.isNumber()) {
            throw wrongType(p, "Number", n);
        }
        double v = n.asDouble();
        if (v < min) {
            throw malformed(p + ": " + plain(n) + " is not greater or equal to " + plain(min));
        }
        if (v > max) {
            throw malformed(p + ": " + plain(n) + " is not less or equal to " + plain(max));
        }
        return v;
    }

    static Boolean optionalBoolean(JsonNode parent, String parentPath, String key) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            throw wrongType(path(parentPath, key), "Boolean", n);
        }
        return n.asBoolean();
    }

    /** A list of strings ({@code stop_sequences} and the like); a single string is accepted when {@code single}. */
    static List<String> optionalStrings(JsonNode parent, String parentPath, String key, boolean single, int maxItems) {
        JsonNode n = parent.get(key);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        String p = path(parentPath, key);
        if (single && n.isTextual()) {
            out.add(n.asText());
            return out;
        }
        if (!n.isArray()) {
            throw wrongType(p, "JSONArray", n);
        }
        if (maxItems > 0 && n.size() > maxItems) {
            throw malformed(p + ": expected maximum item count: " + maxItems + ", found: " + n.size());
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode x = n.get(i);
            if (!x.isTextual()) {
                throw wrongType(path(p, i), "String", x);
            }
            out.add(x.asText());
        }
        return out;
    }

    /** Decodes base64 (standard or url-safe, padding optional) or fails naming the field. */
    static byte[] base64(String value, String path) {
        String b64 = value.replaceAll("\\s", "").replace('-', '+').replace('_', '/');
        if (b64.length() % 4 == 2) {
            b64 += "==";
        } else if (b64.length() % 4 == 3) {
            b64 += "=";
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw malformed(path + ": is not a valid base64-encoded string");
        }
    }

    private static String plain(JsonNode n) {
        return n.isIntegralNumber() ? n.asText() : n.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
