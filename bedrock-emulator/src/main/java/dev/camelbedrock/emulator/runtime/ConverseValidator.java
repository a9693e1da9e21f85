package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The conversation rules of Converse / ConverseStream / CountTokens(converse) that the service model cannot
 * express, checked after the request matched its shape: reported one at a time with the service's sentences
 * (0-based indexes, as the service writes them).
 */
final class ConverseValidator {

    private ConverseValidator() {
    }

    /** Validates a Converse (or ConverseStream) request body that matched its shape. */
    static void validateConverse(JsonNode root) {
        if (!Json.isPresent(root.get("messages")) && !Json.isPresent(root.get("promptVariables"))) {
            throw ServiceException.validation(notNull("messages"));
        }
        if (root.path("messages").isArray() && root.get("messages").isEmpty()) {
            // the published model has no minimum (promptVariables may stand instead), the service refuses it
            throw ServiceException.validation("1 validation error detected: Value '[]' at 'messages' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 1");
        }
        semantic(root.get("messages"), root.get("toolConfig"));
    }

    /** Validates the {@code input.converse} member of a CountTokens request that matched its shape. */
    static void validateCountTokensConverse(JsonNode converse) {
        if (!Json.isPresent(converse.get("messages"))) {
            throw ServiceException.validation(notNull("input.converse.messages"));
        }
        semantic(converse.get("messages"), converse.get("toolConfig"));
    }

    private static String notNull(String path) {
        return "1 validation error detected: Value null at '" + path
                + "' failed to satisfy constraint: Member must not be null";
    }

    // ---- conversation rules (first failure wins) ----

    private static void semantic(JsonNode messages, JsonNode toolConfig) {
        if (messages == null || !messages.isArray()) {
            return;
        }
        boolean usesTools = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.get("role").asText();
            if (i == 0 && !"user".equals(role)) {
                throw ServiceException.validation("A conversation must start with a user message. "
                        + "Try again with a conversation that starts with a user message.");
            }
            if (i > 0 && role.equals(messages.get(i - 1).get("role").asText())) {
                throw ServiceException.validation("A conversation must alternate between user and assistant roles. "
                        + "Make sure the conversation alternates between user and assistant roles and try again.");
            }
            JsonNode content = m.get("content");
            if (content.size() == 0) {
                throw ServiceException.validation("The content field in the Message object at messages." + i
                        + " is empty. Add a ContentBlock object to the content field and try again.");
            }
            for (int j = 0; j < content.size(); j++) {
                JsonNode b = content.get(j);
                if (b.has("text") && b.get("text").asText().isBlank()) {
                    throw ServiceException.validation("The text field in the ContentBlock object at messages." + i
                            + ".content." + j + " is blank. Add text to the text field, and try again.");
                }
                if (b.has("toolUse") || b.has("toolResult")) {
                    usesTools = true;
                }
            }
        }
        if (usesTools && !Json.isPresent(toolConfig)) {
            throw ServiceException.validation(
                    "The toolConfig field must be defined when using toolUse and toolResult content blocks.");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!"user".equals(m.get("role").asText())) {
                continue;
            }
            Set<String> available = i > 0 ? toolUseIds(messages.get(i - 1)) : Set.of();
            JsonNode content = m.get("content");
            for (int j = 0; j < content.size(); j++) {
                JsonNode tr = content.get(j).get("toolResult");
                if (tr != null) {
                    String id = tr.get("toolUseId").asText();
                    if (!available.contains(id)) {
                        throw ServiceException.validation("messages." + i + ".content." + j
                                + ": unexpected `tool_use_id` found in `tool_result` blocks: " + id
                                + ". Each `tool_result` block must have a corresponding `tool_use` block in the previous message.");
                    }
                }
            }
        }
        for (int i = 0; i + 1 < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!"assistant".equals(m.get("role").asText())) {
                continue;
            }
            Set<String> missing = new LinkedHashSet<>(toolUseIds(m));
            missing.removeAll(toolResultIds(messages.get(i + 1)));
            if (!missing.isEmpty()) {
                throw ServiceException.validation("messages." + (i + 1)
                        + ": `tool_use` ids were found without `tool_result` blocks immediately after: "
                        + String.join(", ", missing)
                        + ". Each `tool_use` block must have a corresponding `tool_result` block in the next message.");
            }
        }
        if (Json.isPresent(toolConfig)) {
            Set<String> names = new HashSet<>();
            for (JsonNode t : toolConfig.get("tools")) {
                JsonNode spec = t.has("toolSpec") ? t.get("toolSpec") : t.get("systemTool");
                if (spec != null) {
                    String name = spec.get("name").asText();
                    if (!names.add(name)) {
                        throw ServiceException.validation("The toolConfig.tools list contains the tool name " + name
                                + " more than once. Tool names must be unique.");
                    }
                }
            }
            JsonNode choice = toolConfig.get("toolChoice");
            if (Json.isPresent(choice) && choice.has("tool")) {
                String name = choice.get("tool").get("name").asText();
                if (!names.contains(name)) {
                    throw ServiceException.validation("The tool " + name + " named in toolConfig.toolChoice is not "
                            + "defined in toolConfig.tools. Add the tool to toolConfig.tools or change toolChoice, "
                            + "and try again.");
                }
            }
        }
    }

    private static Set<String> toolUseIds(JsonNode message) {
        Set<String> ids = new LinkedHashSet<>();
        if ("assistant".equals(message.get("role").asText())) {
            for (JsonNode b : message.get("content")) {
                if (b.has("toolUse")) {
                    ids.add(b.get("toolUse").get("toolUseId").asText());
                }
            }
        }
        return ids;
    }

    private static Set<String> toolResultIds(JsonNode message) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode b : message.get("content")) {
            if (b.has("toolResult")) {
                ids.add(b.get("toolResult").get("toolUseId").asText());
            }
        }
        return ids;
    }
}
