package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.List;

/** Builds the Converse-shaped view of a native request that the shared reply engine reads. */
final class Conv {

    final ObjectNode root = Json.object();
    private final ArrayNode messages = root.putArray("messages");
    private ArrayNode system;
    private ObjectNode toolConfig;

    /** Adds a system text block (ignored when null or empty). */
    Conv system(String text) {
        if (text != null && !text.isEmpty()) {
            if (system == null) {
                system = root.putArray("system");
            }
            system.addObject().put("text", text);
        }
        return this;
    }

    /** Starts a message and returns its content array; consecutive messages of one role are merged. */
    ArrayNode message(String role) {
        if (messages.size() > 0) {
            JsonNode last = messages.get(messages.size() - 1);
            if (role.equals(last.path("role").asText())) {
                return (ArrayNode) last.get("content");
            }
        }
        ObjectNode m = messages.addObject();
        m.put("role", role);
        return m.putArray("content");
    }

    /** Adds a message with one text block. */
    Conv text(String role, String text) {
        message(role).addObject().put("text", text == null ? "" : text);
        return this;
    }

    Conv tool(String name, String description, JsonNode schema) {
        if (toolConfig == null) {
            toolConfig = root.putObject("toolConfig");
            toolConfig.putArray("tools");
        }
        ObjectNode spec = ((ArrayNode) toolConfig.get("tools")).addObject().putObject("toolSpec");
        spec.put("name", name);
        if (description != null) {
            spec.put("description", description);
        }
        spec.putObject("inputSchema").set("json", schema == null || schema.isNull() ? Json.object() : schema);
        return this;
    }

    /** {@code auto}, {@code any}, or {@code tool} with a name (only meaningful after tools were added). */
    Conv toolChoice(String choice, String name) {
        if (toolConfig == null || choice == null) {
            return this;
        }
        ObjectNode c = toolConfig.putObject("toolChoice");
        if ("tool".equals(choice)) {
            c.putObject("tool").put("name", name);
        } else {
            c.putObject(choice);
        }
        return this;
    }

    Conv maxTokens(Integer max) {
        if (max != null) {
            inference().put("maxTokens", max);
        }
        return this;
    }

    Conv stopSequences(List<String> stops) {
        if (stops != null && !stops.isEmpty()) {
            ArrayNode a = inference().putArray("stopSequences");
            stops.forEach(a::add);
        }
        return this;
    }

    private ObjectNode inference() {
        JsonNode ic = root.get("inferenceConfig");
        return ic != null ? (ObjectNode) ic : root.putObject("inferenceConfig");
    }

    /** A text-only prompt: an optional system prompt and one user turn. */
    static ObjectNode prompt(PromptTemplates.Parsed p, Integer maxTokens, List<String> stops) {
        Conv c = new Conv().system(p.system);
        c.text("user", p.user);
        return c.maxTokens(maxTokens).stopSequences(stops).root;
    }
}
