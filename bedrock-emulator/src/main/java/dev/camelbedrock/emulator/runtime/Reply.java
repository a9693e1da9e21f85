package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The scripted assistant turn: optional text, optional tool call, stop reason and output token count. */
final class Reply {

    final String text;
    final String toolUseId;
    final String toolName;
    final JsonNode toolInput;
    final String stopReason;
    /** The stop sequence that ended the text, or null. */
    final String stopSequence;
    final int outputTokens;
    /** Tool calls after the first one, in the same turn. */
    final List<ToolCall> moreToolCalls;

    /** A further tool call of the turn. */
    record ToolCall(String toolUseId, String name, JsonNode input) {
    }

    Reply(String text, String toolUseId, String toolName, JsonNode toolInput, String stopReason, String stopSequence,
          int outputTokens) {
        this(text, toolUseId, toolName, toolInput, stopReason, stopSequence, outputTokens, List.of());
    }

    Reply(String text, String toolUseId, String toolName, JsonNode toolInput, String stopReason, String stopSequence,
          int outputTokens, List<ToolCall> moreToolCalls) {
        this.moreToolCalls = toolName == null ? List.of() : List.copyOf(moreToolCalls);
        this.text = text == null ? "" : text;
        this.toolUseId = toolUseId;
        this.toolName = toolName;
        this.toolInput = toolInput;
        this.stopReason = stopReason;
        this.stopSequence = stopSequence;
        this.outputTokens = outputTokens;
    }

    boolean hasText() {
        return !text.isEmpty();
    }

    boolean hasToolUse() {
        return toolName != null;
    }

    /** Every tool call of the turn, the first one included. */
    List<ToolCall> toolCalls() {
        if (toolName == null) {
            return List.of();
        }
        List<ToolCall> all = new java.util.ArrayList<>();
        all.add(new ToolCall(toolUseId, toolName, toolInput));
        all.addAll(moreToolCalls);
        return all;
    }
}
