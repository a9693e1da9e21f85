package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;

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

    Reply(String text, String toolUseId, String toolName, JsonNode toolInput, String stopReason, String stopSequence,
          int outputTokens) {
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
}
