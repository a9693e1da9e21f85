package dev.camelbedrock.component.invoke;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockClientException;
import dev.camelbedrock.component.family.ModelReply;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.Message;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Writes an invoke result onto the Camel message. Token counts: Bedrock's own (the X-Amzn-Bedrock-*-Token-Count response
 * headers, or a stream's invocation metrics) win, as they are what is billed; the native reply's counts fill in when
 * Bedrock sends none.
 */
public final class InvokeResults {

    private InvokeResults() {
    }

    /** invokeModel: the reply as the rawResponseType option asks (raw) or the codec's reading of it (prompt). */
    static void apply(Message message, InvokeInput input, InvokeModelResponse response, String rawResponseType, String operation) {
        SdkHttpResponse http = response.sdkHttpResponse();
        ModelReply reply = null;
        if (input.raw()) {
            message.setBody(switch (rawResponseType) {
                case "bytes" -> response.body().asByteArray();
                case "JsonNode" -> parse(response.body().asUtf8String(), operation, input.modelId());
                default -> response.body().asUtf8String();
            });
        } else {
            reply = input.codec().reply(parse(response.body().asUtf8String(), operation, input.modelId()));
            message.setBody(reply.text());
            message.setHeader(BedrockHeaders.STOP_REASON, reply.stopReason());
        }
        usage(message, first(header(http, "X-Amzn-Bedrock-Input-Token-Count"), reply == null ? null : reply.inputTokens()),
                first(header(http, "X-Amzn-Bedrock-Output-Token-Count"), reply == null ? null : reply.outputTokens()),
                longOrNull(http.firstMatchingHeader("X-Amzn-Bedrock-Invocation-Latency").orElse(null)));
        message.setHeader(BedrockHeaders.RESPONSE_CONTENT_TYPE, response.contentType());
        message.setHeader(BedrockHeaders.REQUEST_ID, response.responseMetadata().requestId());
    }

    /** The token and latency headers, the total when both counts are known. */
    static void usage(Message message, Integer input, Integer output, Long latencyMs) {
        message.setHeader(BedrockHeaders.INPUT_TOKENS, input);
        message.setHeader(BedrockHeaders.OUTPUT_TOKENS, output);
        message.setHeader(BedrockHeaders.TOTAL_TOKENS, input != null && output != null ? input + output : null);
        message.setHeader(BedrockHeaders.LATENCY_MS, latencyMs);
    }

    /** The reply as JSON; a reply that is not JSON fails the exchange with a message naming the operation and model. */
    public static JsonNode parse(String json, String operation, String modelId) {
        try {
            return JsonDocuments.parse(json);
        } catch (IOException e) {
            // an unreadable answer, as when the SDK cannot parse a Converse reply: retryable like it
            throw new BedrockClientException(operation + " on model " + modelId + ": the reply is not JSON (" + e.getMessage()
                    + "); send a raw body with rawResponseType=String or bytes to read it as it is", operation, modelId, e);
        }
    }

    static Integer first(Integer a, Integer b) {
        return a != null ? a : b;
    }

    /** A numeric response header (such as X-Amzn-Bedrock-Input-Token-Count), or null. */
    public static Integer header(SdkHttpResponse http, String name) {
        Long v = longOrNull(http.firstMatchingHeader(name).orElse(null));
        return v == null ? null : v.intValue();
    }

    static Long longOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
