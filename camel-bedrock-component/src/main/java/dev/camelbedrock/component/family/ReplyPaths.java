package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.camelbedrock.component.family.NativeJson.integer;
import static dev.camelbedrock.component.family.NativeJson.text;

/**
 * Where a flat native reply (or stream chunk) keeps its text, stop reason and token counts, as JSON Pointers; null
 * for what the body does not carry. Families whose replies are one object of plain fields read them through this.
 *
 * @param textAt         the text (the delta, in a chunk)
 * @param stopReasonAt   the stop reason
 * @param inputTokensAt  the input token count
 * @param outputTokensAt the output token count
 */
public record ReplyPaths(String textAt, String stopReasonAt, String inputTokensAt, String outputTokensAt) {

    public ModelReply reply(JsonNode body) {
        String t = text(body, textAt);
        return new ModelReply(t == null ? "" : t, text(body, stopReasonAt), count(body, inputTokensAt), count(body, outputTokensAt));
    }

    /** Records what the chunk carries in {@code state}; returns its text delta or null. */
    public String chunk(JsonNode chunk, StreamedReply state) {
        state.stopReason(text(chunk, stopReasonAt));
        state.inputTokens(count(chunk, inputTokensAt));
        state.outputTokens(count(chunk, outputTokensAt));
        return text(chunk, textAt);
    }

    private static Integer count(JsonNode node, String pointer) {
        return pointer == null ? null : integer(node, pointer);
    }
}
