package dev.camelbedrock.component.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.schema.JsonSchemas;

/**
 * The input schema of a tool route: built from the {@code parameter.<p>=type} options (with {@code .description},
 * {@code .required} and {@code .enum}) or given whole as {@code inputSchema}; and the name checks Bedrock makes.
 */
public final class ToolSchemas {

    /** Bedrock's pattern for a tool name (ToolSpecification.name), also used for parameter names. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "array", "object");
    private static final String ACCEPTED_TYPES = "string, integer, number, boolean, array, object";
    private static final Set<String> SUFFIXES = Set.of("description", "required", "enum");

    private ToolSchemas() {
    }

    /** Refuses a tool name Bedrock would refuse. */
    public static void requireToolName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' is not accepted by Bedrock: use 1 to 64 letters,"
                    + " digits, '_' or '-' (pattern [a-zA-Z0-9_-]{1,64})");
        }
    }

    /**
     * The JSON Schema of the {@code parameter.*} options: an object whose properties are the parameters, in name order.
     *
     * @param tool       the tool name, for messages
     * @param parameters the options without their {@code parameter.} prefix: {@code p=type}, {@code p.description=...}
     */
    public static ObjectNode fromParameters(String tool, Map<String, String> parameters) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, String> types = new TreeMap<>();
        Map<String, Map<String, String>> details = new TreeMap<>();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            if (dot < 0) {
                types.put(key, e.getValue());
                continue;
            }
            String name = key.substring(0, dot);
            String suffix = key.substring(dot + 1);
            if (!SUFFIXES.contains(suffix)) {
                throw new IllegalArgumentException("tool '" + tool + "' has option parameter." + key + "; accepted after"
                        + " parameter." + name + ": nothing (the type), .description, .required, .enum");
            }
            details.computeIfAbsent(name, n -> new TreeMap<>()).put(suffix, e.getValue());
        }
        for (String name : details.keySet()) {
            if (!types.containsKey(name)) {
                throw new IllegalArgumentException("tool '" + tool + "' describes parameter '" + name + "' but has no"
                        + " parameter." + name + "=<type>; accepted types: " + ACCEPTED_TYPES);
            }
        }
        ObjectNode schema = f.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = f.arrayNode();
        for (Map.Entry<String, String> e : types.entrySet()) {
            String name = e.getKey();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("tool '" + tool + "' has parameter name '" + name + "'; use 1 to 64"
                        + " letters, digits, '_' or '-'");
            }
            String type = e.getValue() == null ? "" : e.getValue().trim().toLowerCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("tool '" + tool + "' declares parameter." + name + "=" + e.getValue()
                        + ", which is not a JSON Schema type; accepted: " + ACCEPTED_TYPES);
            }
            ObjectNode p = properties.putObject(name).put("type", type);
            Map<String, String> d = details.getOrDefault(name, Map.of());
            if (d.containsKey("description")) {
                p.put("description", d.get("description"));
            }
            if (d.containsKey("enum")) {
                p.set("enum", enumValues(tool, name, type, d.get("enum")));
            }
            if (d.containsKey("required")) {
                String r = d.get("required").trim();
                if (!r.equalsIgnoreCase("true") && !r.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("tool '" + tool + "' has parameter." + name + ".required=" + r
                            + "; accepted: true, false");
                }
                if (r.equalsIgnoreCase("true")) {
                    required.add(name);
                }
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        JsonSchemas.requireSchema(schema, "the input schema of tool '" + tool + "'");
        return schema;
    }

    /** A whole schema given as {@code inputSchema}: Bedrock needs an object schema at the top. */
    public static void requireObjectSchema(String tool, JsonNode schema) {
        if (!"object".equals(schema.path("type").asText())) {
            throw new IllegalArgumentException("the inputSchema of tool '" + tool + "' must describe an object"
                    + " (\"type\": \"object\" at the top): tool arguments are a JSON object; got " + schema.path("type"));
        }
    }

    private static ArrayNode enumValues(String tool, String name, String type, String values) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        List<String> items = new ArrayList<>();
        for (String v : values.split(",")) {
            if (!v.isBlank()) {
                items.add(v.trim());
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("tool '" + tool + "' has an empty parameter." + name + ".enum");
        }
        for (String v : items) {
            try {
                switch (type) {
                    case "string" -> out.add(v);
                    case "integer" -> out.add(Long.parseLong(v));
                    case "number" -> out.add(Double.parseDouble(v));
                    default -> throw new IllegalArgumentException("tool '" + tool + "' has parameter." + name
                            + ".enum but its type " + type + " takes no enum; accepted with: string, integer, number");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("tool '" + tool + "' has parameter." + name + ".enum value '" + v
                        + "' which is not of type " + type, e);
            }
        }
        return out;
    }

}
