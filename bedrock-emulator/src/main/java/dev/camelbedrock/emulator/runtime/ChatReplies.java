package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.models.ResolvedModel;

import java.util.List;

/**
 * The public face of the Converse reply machinery for other operations (InvokeModel's prompt-style families,
 * knowledge-base generation, ...): they translate their request into a Converse-shaped document
 * ({@code messages}, {@code system}, {@code toolConfig}, {@code inferenceConfig.maxTokens/stopSequences}) and
 * get the same rules, echo default, tool calls, stop sequences and token limits as Converse, plus the same
 * token counting and stream chunking.
 */
public final class ChatReplies {

    private ChatReplies() {
    }

    /** The scripted assistant turn (immutable). */
    public static final class ChatReply {
        private final Reply reply;

        ChatReply(Reply reply) {
            this.reply = reply;
        }

        public String text() {
            return reply.text;
        }

        /** {@code tooluse_…} id of the tool call, or null. */
        public String toolUseId() {
            return reply.toolUseId;
        }

        public String toolName() {
            return reply.toolName;
        }

        public JsonNode toolInput() {
            return reply.toolInput;
        }

        /** Converse's stop reason: {@code end_turn}, {@code tool_use}, {@code max_tokens}, {@code stop_sequence} or a rule's. */
        public String stopReason() {
            return reply.stopReason;
        }

        public String stopSequence() {
            return reply.stopSequence;
        }

        public int outputTokens() {
            return reply.outputTokens;
        }

        public boolean hasText() {
            return reply.hasText();
        }

        public boolean hasToolUse() {
            return reply.hasToolUse();
        }

        /**
         * The same turn with another text (a guardrail's masked or blocked output); {@code keepToolCall} false
         * also drops the tool call and ends the turn ({@code end_turn}).
         */
        public ChatReply withText(String text, boolean keepToolCall) {
            Reply r = reply;
            return new ChatReply(keepToolCall
                    ? new Reply(text, r.toolUseId, r.toolName, r.toolInput, r.stopReason, r.stopSequence, r.outputTokens, r.moreToolCalls)
                    : new Reply(text, null, null, null, "end_turn", null, r.outputTokens));
        }
    }

    /** A turn the rules did not make, e.g. a guardrail's blocked-input message: {@code end_turn}, no output tokens. */
    public static ChatReply fixed(String text) {
        return new ChatReply(new Reply(text, null, null, null, "end_turn", null, 0));
    }

    /**
     * Decides the reply to a Converse-shaped request with the context's rules (a rule's error is thrown as a
     * {@link dev.camelbedrock.emulator.core.ServiceException}). Only the model's maximum output tokens is checked
     * here; the body's own rules are the family's.
     */
    public static ChatReply reply(EmulatorContext context, ResolvedModel model, JsonNode converseShaped) {
        ConverseLimits.checkMaxTokens(model, converseShaped);
        return new ChatReply(ReplyEngine.reply(new Conversation(converseShaped), model, context.rules().list()));
    }

    /** Input tokens of a native InvokeModel body, exactly as CountTokens' {@code invokeModel} input counts them. */
    public static int nativeInputTokens(byte[] body) {
        return TokenCounter.nativeBody(body);
    }

    /** {@code ceil(chars / 4)}, at least 1. */
    public static int textTokens(String text) {
        return TokenCounter.textTokens(text);
    }

    /** The text deltas ConverseStream would send for {@code text} (word by word, or 3 pieces). */
    public static List<String> textChunks(String text) {
        return ConverseStreamHandler.textChunks(text);
    }

    /** Splits a string into pieces of {@code size} code points (tool input JSON fragments). */
    public static List<String> fragments(String text, int size) {
        return ConverseStreamHandler.fragments(text, size);
    }
}
