package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.List;

/** A decided reply of a text family, with what every family's answer needs. */
final class Turn {

    final Invocation inv;
    final ChatReplies.ChatReply reply;
    final int inputTokens;
    private final InvokeGuardrails guardrail;

    Turn(Invocation inv, ChatReplies.ChatReply reply, int inputTokens, InvokeGuardrails guardrail) {
        this.inv = inv;
        this.reply = reply;
        this.inputTokens = inputTokens;
        this.guardrail = guardrail;
    }

    /** The guardrail's marks on the answer (the response body, or the last stream object); none without one. */
    ObjectNode decorate(ObjectNode answer) {
        if (guardrail != null) {
            guardrail.decorate(answer);
        }
        return answer;
    }

    String text() {
        return reply.text();
    }

    int outputTokens() {
        return reply.outputTokens();
    }

    boolean hasToolUse() {
        return reply.hasToolUse();
    }

    /** Whether the answer has a text part: any text, or no tool call at all. */
    boolean hasTextPart() {
        return reply.hasText() || !reply.hasToolUse();
    }

    /** Converse stop reason ({@code end_turn}, {@code tool_use}, {@code max_tokens}, {@code stop_sequence}, or a rule's). */
    String stopReason() {
        return reply.stopReason();
    }

    /** The 22 characters after {@code tooluse_} of the tool call id (for other id styles). */
    String toolIdSuffix() {
        String id = reply.toolUseId();
        return id == null ? null : id.substring(id.indexOf('_') + 1);
    }

    /** The text deltas a stream sends (word by word when there are ≥ 3 words, else 3 pieces). */
    List<String> chunks() {
        return ChatReplies.textChunks(reply.text());
    }

    /** Maps the Converse stop reason to a family's words; an unknown (rule-scripted) reason passes through. */
    String stop(String endTurn, String maxTokens, String stopSequence, String toolUse) {
        String s = reply.stopReason();
        if (s == null) {
            return endTurn;
        }
        switch (s) {
            case "end_turn":
                return endTurn;
            case "max_tokens":
                return maxTokens;
            case "stop_sequence":
                return stopSequence;
            case "tool_use":
                return toolUse;
            default:
                return s;
        }
    }
}
