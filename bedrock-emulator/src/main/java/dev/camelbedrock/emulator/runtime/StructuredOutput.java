package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;

import java.util.Iterator;
import java.util.Map;

/**
 * Converse's {@code outputConfig.textFormat} of type {@code json_schema}: the request's schema (a JSON document held in
 * a string) is checked, and the reply, when no rule decides it, is JSON valid for the schema. Values are deterministic
 * and derived from the prompt: strings carry the last user text (cut to {@code maxLength}, padded to
 * {@code minLength}), numbers the lowest value allowed (1 when unbounded), booleans true, arrays
 * {@code max(minItems, 1)} items, objects every property. {@code enum}, {@code const} and {@code default} win;
 * {@code $ref} into {@code $defs}/{@code definitions} is followed; {@code anyOf}/{@code oneOf} take their first branch,
 * {@code allOf} its branches merged. {@code pattern} is not honoured.
 */
final class StructuredOutput {

    private final JsonNode schema;

    private StructuredOutput(JsonNode schema) {
        this.schema = schema;
    }

    /** The request's structured-output schema, or null when it asks for none; a malformed one is refused. */
    static StructuredOutput of(JsonNode request) {
        JsonNode oc = request.get("outputConfig");
        if (!Json.isPresent(oc)) {
            return null;
        }
        if (!oc.isObject()) {
            throw ServiceException.validation("outputConfig must be an object.");
        }
        JsonNode effort = oc.get("effort");
        if (Json.isPresent(effort) && (!effort.isTextual() || effort.asText().length() > 16)) {
            throw ServiceException.validation("outputConfig.effort must be a string of at most 16 characters.");
        }
        JsonNode tf = oc.get("textFormat");
        if (!Json.isPresent(tf)) {
            return null;
        }
        if (!"json_schema".equals(tf.path("type").asText())) {
            throw ServiceException.validation("1 validation error detected: Value '" + tf.path("type").asText()
                    + "' at 'outputConfig.textFormat.type' failed to satisfy constraint: Member must satisfy enum value"
                    + " set: [json_schema]");
        }
        JsonNode js = tf.path("structure").path("jsonSchema");
        JsonNode text = js.get("schema");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw ServiceException.validation("outputConfig.textFormat.structure.jsonSchema.schema is required: a JSON"
                    + " schema as a string.");
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(text.asText());
        } catch (Exception e) {
            throw ServiceException.validation("The JSON schema in outputConfig.textFormat.structure.jsonSchema.schema is"
                    + " not valid JSON: " + e.getMessage());
        }
        if (!parsed.isObject()) {
            throw ServiceException.validation("The JSON schema in outputConfig.textFormat.structure.jsonSchema.schema must"
                    + " be a JSON object.");
        }
        return new StructuredOutput(parsed);
    }

    /** JSON text valid for the schema, from the conversation's last user text. */
    String reply(Conversation conv) {
        String seed = conv.lastUserText.isBlank() ? conv.matchText() : conv.lastUserText;
        return Json.string(value(schema, seed.isBlank() ? "example" : seed, 0));
    }

    private JsonNode value(JsonNode s, String seed, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        s = resolve(s);
        if (s == null || !s.isObject() || depth > 8) {
            return f.textNode(seed);
        }
        if (s.has("const")) {
            return s.get("const");
        }
        if (s.has("enum") && s.get("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        if (s.has("default")) {
            return s.get("default");
        }
        if (s.has("allOf")) {
            ObjectNode merged = f.objectNode();
            for (JsonNode part : s.get("allOf")) {
                JsonNode v = value(part, seed, depth + 1);
                if (v.isObject()) {
                    merged.setAll((ObjectNode) v);
                } else {
                    return v;
                }
            }
            return merged;
        }
        for (String choice : new String[] {"anyOf", "oneOf"}) {
            if (s.has(choice) && s.get(choice).size() > 0) {
                return value(s.get(choice).get(0), seed, depth + 1);
            }
        }
        switch (s.has("type") || !s.has("items") ? ReplyEngine.schemaType(s) : "array") {
            case "string":
                return f.textNode(text(s, seed));
            case "integer": {
                long min = s.has("minimum") ? s.get("minimum").asLong() : s.has("exclusiveMinimum")
                        ? s.get("exclusiveMinimum").asLong() + 1 : 1;
                if (s.has("maximum") && min > s.get("maximum").asLong()) {
                    min = s.get("maximum").asLong();
                }
                return f.numberNode(min);
            }
            case "number": {
                double min = s.has("minimum") ? s.get("minimum").asDouble() : s.has("exclusiveMinimum")
                        ? s.get("exclusiveMinimum").asDouble() + 0.5 : 1.0;
                if (s.has("maximum") && min > s.get("maximum").asDouble()) {
                    min = s.get("maximum").asDouble();
                }
                return f.numberNode(min);
            }
            case "boolean":
                return f.booleanNode(true);
            case "null":
                return f.nullNode();
            case "array": {
                ArrayNode a = f.arrayNode();
                int n = Math.max(s.path("minItems").asInt(0), 1);
                if (s.has("maxItems")) {
                    n = Math.min(n, s.get("maxItems").asInt());
                }
                for (int i = 0; i < n; i++) {
                    a.add(value(s.get("items"), seed, depth + 1));
                }
                return a;
            }
            default: {
                ObjectNode o = f.objectNode();
                JsonNode props = s.path("properties");
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    o.set(e.getKey(), value(e.getValue(), seed, depth + 1));
                }
                for (JsonNode r : s.path("required")) {
                    if (!o.has(r.asText())) {
                        o.set(r.asText(), f.textNode(seed));
                    }
                }
                return o;
            }
        }
    }

    private static String text(JsonNode s, String seed) {
        switch (s.path("format").asText("")) {
            case "date":
                return "2024-01-01";
            case "date-time":
                return "2024-01-01T00:00:00Z";
            case "email":
                return "user@example.com";
            case "uri":
                return "https://example.com";
            default:
                break;
        }
        String t = seed;
        if (s.has("maxLength") && t.length() > s.get("maxLength").asInt()) {
            t = t.substring(0, s.get("maxLength").asInt());
        }
        StringBuilder b = new StringBuilder(t);
        while (b.length() < s.path("minLength").asInt(0)) {
            b.append('x');
        }
        return b.toString();
    }

    /** Follows a local {@code $ref} ({@code #/$defs/...}, {@code #/definitions/...}). */
    private JsonNode resolve(JsonNode s) {
        int hops = 0;
        while (s != null && s.has("$ref") && hops++ < 16) {
            String ref = s.get("$ref").asText();
            if (ref.equals("#")) {
                s = schema;
            } else if (ref.startsWith("#/")) {
                s = schema.at(ref.substring(1));
                if (s.isMissingNode()) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return s;
    }
}
