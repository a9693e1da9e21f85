package dev.camelbedrock.component.agent;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelbedrock.component.support.JsonDocuments;
import software.amazon.awssdk.services.bedrockagentruntime.model.ApiInvocationInput;
import software.amazon.awssdk.services.bedrockagentruntime.model.FunctionInvocationInput;

/**
 * The arguments of a function an agent asks for, as the plain Java values a tool route gets: the agent sends each
 * parameter as a string with its declared type (integer, number, boolean, array), which is parsed here.
 */
final class AgentArguments {

    private AgentArguments() {
    }

    static Map<String, Object> of(FunctionInvocationInput input) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (input.hasParameters()) {
            input.parameters().forEach(p -> out.put(p.name(), typed(p.type(), p.value())));
        }
        return out;
    }

    static Map<String, Object> of(ApiInvocationInput input) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (input.hasParameters()) {
            input.parameters().forEach(p -> out.put(p.name(), typed(p.type(), p.value())));
        }
        if (input.requestBody() != null && input.requestBody().hasContent()) {
            input.requestBody().content().values().forEach(body -> {
                if (body.hasProperties()) {
                    body.properties().forEach(p -> out.put(p.name(), typed(p.type(), p.value())));
                }
            });
        }
        return out;
    }

    /** A value in its declared type; one that does not parse stays a String, for the schema check to report. */
    static Object typed(String type, String value) {
        if (value == null || type == null) {
            return value;
        }
        try {
            return switch (type) {
                case "integer" -> Long.parseLong(value.trim());
                case "number" -> Double.parseDouble(value.trim());
                case "boolean" -> "true".equalsIgnoreCase(value.trim()) ? Boolean.TRUE
                        : "false".equalsIgnoreCase(value.trim()) ? Boolean.FALSE : value;
                case "array" -> JsonDocuments.MAPPER.readValue(value, java.util.List.class);
                default -> value;
            };
        } catch (Exception e) {
            return value;
        }
    }
}
