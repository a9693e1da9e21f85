package dev.camelbedrock.component.converse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.stream.StreamDelta;
import dev.camelbedrock.component.stream.StreamFold;
import dev.camelbedrock.component.support.JsonDocuments;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTraceAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Folds ConverseStream events into what a Converse response would have held (the assistant message, stop reason,
 * usage, latency, guardrail trace) and reports each delta as it comes. Tool input arrives as JSON fragments and is
 * parsed when its block ends.
 */
final class ConverseStreamAggregator implements ConverseStreamResponseHandler.Visitor, StreamFold<ConverseStreamOutput> {

    private volatile ConverseInput input;
    private final Map<Integer, Block> blocks = new TreeMap<>();
    private Consumer<StreamDelta> deltas;
    private String stopReason;
    private TokenUsage usage;
    private Long latencyMs;
    private GuardrailTraceAssessment guardrailTrace;

    ConverseStreamAggregator(ConverseInput input) {
        this.input = input;
    }

    /** The input once its URL attachments are fetched: what the conversation header gets back. */
    void input(ConverseInput fetched) {
        this.input = fetched;
    }

    @Override
    public void accept(ConverseStreamOutput event, Consumer<StreamDelta> sink) {
        deltas = sink;
        event.accept(this);
    }

    @Override
    public Object result() {
        return ConverseResults.text(message());
    }

    @Override
    public void applyResult(org.apache.camel.Message message, String requestId) {
        ConverseResults.apply(message, input, message(), stopReason, usage, latencyMs, guardrailTrace, requestId);
    }

    private static final class Block {
        final StringBuilder text = new StringBuilder();
        String kind = StreamDelta.TEXT;
        String toolUseId;
        String toolName;
        String signature;
    }

    @Override
    public void visitContentBlockStart(ContentBlockStartEvent event) {
        Block b = blocks.computeIfAbsent(event.contentBlockIndex(), i -> new Block());
        if (event.start() != null && event.start().toolUse() != null) {
            b.kind = StreamDelta.TOOL_USE;
            b.toolUseId = event.start().toolUse().toolUseId();
            b.toolName = event.start().toolUse().name();
        }
    }

    @Override
    public void visitContentBlockDelta(ContentBlockDeltaEvent event) {
        ContentBlockDelta delta = event.delta();
        if (delta == null) {
            return;
        }
        int index = event.contentBlockIndex();
        Block b = blocks.computeIfAbsent(index, i -> new Block());
        if (delta.text() != null) {
            b.text.append(delta.text());
            emit(new StreamDelta(StreamDelta.TEXT, delta.text(), index, null));
        } else if (delta.toolUse() != null && delta.toolUse().input() != null) {
            b.kind = StreamDelta.TOOL_USE;
            b.text.append(delta.toolUse().input());
            emit(new StreamDelta(StreamDelta.TOOL_USE, delta.toolUse().input(), index, b.toolName));
        } else if (delta.reasoningContent() != null) {
            b.kind = StreamDelta.REASONING;
            if (delta.reasoningContent().text() != null) {
                b.text.append(delta.reasoningContent().text());
                emit(new StreamDelta(StreamDelta.REASONING, delta.reasoningContent().text(), index, null));
            } else if (delta.reasoningContent().signature() != null) {
                b.signature = delta.reasoningContent().signature();
            }
        }
    }

    private void emit(StreamDelta d) {
        deltas.accept(d);
    }

    @Override
    public void visitMessageStop(MessageStopEvent event) {
        stopReason = event.stopReasonAsString();
    }

    @Override
    public void visitMetadata(ConverseStreamMetadataEvent event) {
        usage = event.usage();
        latencyMs = event.metrics() != null ? event.metrics().latencyMs() : null;
        guardrailTrace = event.trace() != null ? event.trace().guardrail() : null;
    }

    @Override
    public void reset() {
        blocks.clear();
        stopReason = null;
        usage = null;
        latencyMs = null;
        guardrailTrace = null;
    }

    Message message() {
        List<ContentBlock> content = new ArrayList<>();
        for (Block b : blocks.values()) {
            switch (b.kind) {
                case StreamDelta.TOOL_USE -> content.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
                        .toolUseId(b.toolUseId).name(b.toolName).input(parseToolInput(b.text.toString())).build()));
                case StreamDelta.REASONING -> content.add(ContentBlock.fromReasoningContent(
                        ReasoningContentBlock.fromReasoningText(r -> r.text(b.text.toString()).signature(b.signature))));
                default -> {
                    if (!b.text.isEmpty()) {
                        content.add(ContentBlock.fromText(b.text.toString()));
                    }
                }
            }
        }
        return Message.builder().role(ConversationRole.ASSISTANT).content(content).build();
    }

    private static Document parseToolInput(String json) {
        if (json.isBlank()) {
            return Document.fromMap(Map.of());
        }
        try {
            JsonNode node = JsonDocuments.parse(json);
            return JsonDocuments.toDocument(node);
        } catch (Exception e) {
            // a model can stream malformed tool JSON; keep what it sent rather than lose it
            return Document.fromString(json);
        }
    }

    /** ConverseStream always ends with messageStop (then metadata); without it the stream was cut. */
    @Override
    public boolean complete() {
        return stopReason != null;
    }
}
