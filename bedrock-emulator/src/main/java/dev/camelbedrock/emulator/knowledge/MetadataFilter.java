package dev.camelbedrock.emulator.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Predicate;

/**
 * The RetrievalFilter union evaluated against a chunk's metadata (the sidecar's {@code metadataAttributes}
 * plus {@code x-amz-bedrock-kb-source-uri}, {@code x-amz-bedrock-kb-chunk-id},
 * {@code x-amz-bedrock-kb-data-source-id}). A missing key fails every operator except {@code notEquals} and
 * {@code notIn}; numbers compare numerically; ordering operators need numbers on both sides.
 */
final class MetadataFilter {

    static final List<String> ATTRIBUTE_OPS = List.of("equals", "notEquals", "greaterThan", "greaterThanOrEquals",
            "lessThan", "lessThanOrEquals", "in", "notIn", "startsWith", "listContains", "stringContains");

    private MetadataFilter() {
    }

    static Predicate<ObjectNode> of(JsonNode filter) {
        return filter == null || filter.isNull() ? null : md -> matches(filter, md);
    }

    /** Problems with a filter (null when it is well-formed). */
    static String validate(JsonNode f, String path) {
        if (f == null || !f.isObject() || f.size() != 1) {
            return "Value at '" + path + "' failed to satisfy constraint: Member must have exactly one of "
                    + "andAll, orAll, " + String.join(", ", ATTRIBUTE_OPS) + " set";
        }
        String op = f.fieldNames().next();
        JsonNode v = f.get(op);
        if ("andAll".equals(op) || "orAll".equals(op)) {
            if (!v.isArray() || v.size() < 2) {
                return "Value at '" + path + "." + op + "' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 2";
            }
            int i = 0;
            for (JsonNode x : v) {
                String p = validate(x, path + "." + op + "." + (++i) + ".member");
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (!ATTRIBUTE_OPS.contains(op)) {
            return "Value at '" + path + "' failed to satisfy constraint: unknown filter '" + op + "'";
        }
        if (!v.isObject() || !v.path("key").isTextual() || v.get("key").asText().isEmpty()
                || v.get("key").asText().length() > 100) {
            return "Value at '" + path + "." + op + ".key' failed to satisfy constraint: Member must have length "
                    + "between 1 and 100";
        }
        if (!v.has("value") || v.get("value").isNull()) {
            return "Value null at '" + path + "." + op + ".value' failed to satisfy constraint: Member must not be "
                    + "null";
        }
        if (("in".equals(op) || "notIn".equals(op)) && !v.get("value").isArray()) {
            return "Value at '" + path + "." + op + ".value' failed to satisfy constraint: Member must be a list";
        }
        return null;
    }

    static boolean matches(JsonNode f, ObjectNode md) {
        String op = f.fieldNames().next();
        JsonNode v = f.get(op);
        switch (op) {
            case "andAll":
                for (JsonNode x : v) {
                    if (!matches(x, md)) {
                        return false;
                    }
                }
                return true;
            case "orAll":
                for (JsonNode x : v) {
                    if (matches(x, md)) {
                        return true;
                    }
                }
                return false;
            default:
                break;
        }
        JsonNode a = md.get(v.get("key").asText());
        JsonNode value = v.get("value");
        if (a == null || a.isNull()) {
            return "notEquals".equals(op) || "notIn".equals(op);
        }
        switch (op) {
            case "equals":
                return same(a, value);
            case "notEquals":
                return !same(a, value);
            case "greaterThan":
                return a.isNumber() && value.isNumber() && a.asDouble() > value.asDouble();
            case "greaterThanOrEquals":
                return a.isNumber() && value.isNumber() && a.asDouble() >= value.asDouble();
            case "lessThan":
                return a.isNumber() && value.isNumber() && a.asDouble() < value.asDouble();
            case "lessThanOrEquals":
                return a.isNumber() && value.isNumber() && a.asDouble() <= value.asDouble();
            case "in":
                return contains(value, a);
            case "notIn":
                return !contains(value, a);
            case "startsWith":
                return a.isTextual() && value.isTextual() && a.asText().startsWith(value.asText());
            case "listContains":
                return a.isArray() && contains(a, value);
            case "stringContains":
                if (!value.isTextual()) {
                    return false;
                }
                if (a.isTextual()) {
                    return a.asText().contains(value.asText());
                }
                if (a.isArray()) {
                    for (JsonNode x : a) {
                        if (x.isTextual() && x.asText().contains(value.asText())) {
                            return true;
                        }
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private static boolean contains(JsonNode list, JsonNode x) {
        if (list.isArray()) {
            for (JsonNode e : list) {
                if (same(e, x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        return a.equals(b);
    }
}
