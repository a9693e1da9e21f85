package dev.camelbedrock.component.converse;

import java.util.ArrayList;
import java.util.List;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTraceAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** Writes a chat result onto the Camel message, the same way for converse and converseStream. */
public final class ConverseResults {

    private ConverseResults() {
    }

    /** The reply text: the text blocks of the assistant message, joined. */
    public static String text(software.amazon.awssdk.services.bedrockruntime.model.Message output) {
        StringBuilder sb = new StringBuilder();
        if (output != null && output.hasContent()) {
            for (ContentBlock b : output.content()) {
                if (b.text() != null) {
                    sb.append(b.text());
                }
            }
        }
        return sb.toString();
    }

    public static List<BedrockToolCall> toolCalls(software.amazon.awssdk.services.bedrockruntime.model.Message output) {
        List<BedrockToolCall> calls = new ArrayList<>();
        if (output != null && output.hasContent()) {
            for (ContentBlock b : output.content()) {
                if (b.toolUse() != null) {
                    calls.add(new BedrockToolCall(b.toolUse().toolUseId(), b.toolUse().name(), JsonDocuments.toMap(b.toolUse().input())));
                }
            }
        }
        return calls;
    }

    static String reasoning(software.amazon.awssdk.services.bedrockruntime.model.Message output) {
        StringBuilder sb = new StringBuilder();
        if (output != null && output.hasContent()) {
            for (ContentBlock b : output.content()) {
                if (b.reasoningContent() != null && b.reasoningContent().reasoningText() != null) {
                    sb.append(b.reasoningContent().reasoningText().text());
                }
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** Sets every result header and, when the conversation header is in use, appends the reply to it. */
    public static void apply(Message message, ConverseInput input,
                             software.amazon.awssdk.services.bedrockruntime.model.Message output, String stopReason,
                             TokenUsage usage, Long latencyMs, GuardrailTraceAssessment guardrailTrace, String requestId) {
        message.setHeader(BedrockHeaders.STOP_REASON, stopReason);
        if (usage != null) {
            message.setHeader(BedrockHeaders.INPUT_TOKENS, usage.inputTokens());
            message.setHeader(BedrockHeaders.OUTPUT_TOKENS, usage.outputTokens());
            message.setHeader(BedrockHeaders.TOTAL_TOKENS, usage.totalTokens());
            message.setHeader(BedrockHeaders.CACHE_READ_INPUT_TOKENS, usage.cacheReadInputTokens());
            message.setHeader(BedrockHeaders.CACHE_WRITE_INPUT_TOKENS, usage.cacheWriteInputTokens());
        }
        message.setHeader(BedrockHeaders.LATENCY_MS, latencyMs);
        message.setHeader(BedrockHeaders.REQUEST_ID, requestId);
        message.setHeader(BedrockHeaders.OUTPUT_MESSAGE, output);
        message.setHeader(BedrockHeaders.TOOL_CALLS, toolCalls(output));
        String reasoning = reasoning(output);
        if (reasoning != null) {
            message.setHeader(BedrockHeaders.REASONING_TEXT, reasoning);
        }
        if (guardrailTrace != null) {
            message.setHeader(BedrockHeaders.GUARDRAIL_TRACE, guardrailTrace);
        }
        if (input.conversation() != null && output != null) {
            List<software.amazon.awssdk.services.bedrockruntime.model.Message> updated = new ArrayList<>(input.conversation());
            updated.add(output);
            message.setHeader(BedrockHeaders.CONVERSATION, updated);
        }
    }
}
