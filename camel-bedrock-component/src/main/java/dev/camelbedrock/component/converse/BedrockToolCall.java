package dev.camelbedrock.component.converse;

import java.util.Map;

/**
 * A tool the model asks the route to call.
 *
 * @param id    the toolUseId to answer with in the toolResult
 * @param name  the tool name
 * @param input the tool input, as plain Java values (Map, List, String, Number, Boolean)
 */
public record BedrockToolCall(String id, String name, Map<String, Object> input) {
}
