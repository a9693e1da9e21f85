package dev.camelbedrock.component.invoke;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.family.ModelFamilyCodec;
import dev.camelbedrock.component.family.ModelReply;
import dev.camelbedrock.component.family.NativeJson;
import dev.camelbedrock.component.family.StreamedReply;
import dev.camelbedrock.component.stream.StreamDelta;
import dev.camelbedrock.component.stream.StreamFold;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.Message;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/**
 * Folds the chunks of InvokeModelWithResponseStream. Raw: each chunk's JSON is a delta, as it arrives. Prompt level:
 * the family codec reads each chunk, incrementally, into a text delta, the stop reason and usage. Either way the last
 * chunk's {@code amazon-bedrock-invocationMetrics} give the token counts and latencies.
 */
final class InvokeStreamFold implements StreamFold<ResponseStream>, InvokeModelWithResponseStreamResponseHandler.Visitor {

    private final ModelFamilyCodec codec;
    private Consumer<StreamDelta> sink;
    private StreamedReply reply = new StreamedReply();
    private final StringBuilder text = new StringBuilder();
    private final List<String> chunks = new ArrayList<>();
    private Integer metricsInput;
    private Integer metricsOutput;
    private Long latencyMs;
    private Long firstByteLatencyMs;
    private volatile String contentType;

    /** @param codec the family codec for a prompt-level stream, null for a raw one */
    InvokeStreamFold(ModelFamilyCodec codec) {
        this.codec = codec;
    }

    void contentType(String contentType) {
        this.contentType = contentType;
    }

    @Override
    public void accept(ResponseStream event, Consumer<StreamDelta> sink) {
        this.sink = sink;
        event.accept(this);
    }

    @Override
    public void visitChunk(PayloadPart part) {
        String json = part.bytes() == null ? "" : part.bytes().asUtf8String();
        JsonNode node = parse(json);
        if (node != null) {
            JsonNode metrics = node.path("amazon-bedrock-invocationMetrics");
            if (metrics.isObject()) {
                metricsInput = NativeJson.integer(metrics, "/inputTokenCount");
                metricsOutput = NativeJson.integer(metrics, "/outputTokenCount");
                latencyMs = metrics.path("invocationLatency").isNumber() ? metrics.get("invocationLatency").longValue() : null;
                firstByteLatencyMs = metrics.path("firstByteLatency").isNumber() ? metrics.get("firstByteLatency").longValue() : null;
            }
        }
        if (codec == null) {
            chunks.add(json);
            sink.accept(new StreamDelta(StreamDelta.CHUNK, json, 0, null));
        } else if (node != null) {
            String delta = codec.chunk(node, reply);
            if (delta != null && !delta.isEmpty()) {
                text.append(delta);
                sink.accept(new StreamDelta(StreamDelta.TEXT, delta, 0, null));
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return json.isBlank() ? null : JsonDocuments.parse(json);
        } catch (IOException notJson) {
            return null;
        }
    }

    @Override
    public void reset() {
        reply = new StreamedReply();
        text.setLength(0);
        chunks.clear();
        metricsInput = null;
        metricsOutput = null;
        latencyMs = null;
        firstByteLatencyMs = null;
    }

    @Override
    public Object result() {
        return codec == null ? List.copyOf(chunks) : text.toString();
    }

    @Override
    public void applyResult(Message message, String requestId) {
        ModelReply r = reply.toReply(text.toString());
        if (codec != null) {
            message.setHeader(BedrockHeaders.STOP_REASON, r.stopReason());
        }
        InvokeResults.usage(message, InvokeResults.first(metricsInput, r.inputTokens()),
                InvokeResults.first(metricsOutput, r.outputTokens()), latencyMs);
        message.setHeader(BedrockHeaders.FIRST_BYTE_LATENCY_MS, firstByteLatencyMs);
        message.setHeader(BedrockHeaders.RESPONSE_CONTENT_TYPE, contentType);
        message.setHeader(BedrockHeaders.REQUEST_ID, requestId);
    }
}
