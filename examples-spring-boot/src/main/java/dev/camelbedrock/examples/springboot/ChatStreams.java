package dev.camelbedrock.examples.springboot;

import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.component.BedrockHeaders;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The open server-sent-event responses of the streaming chat, by stream id. The HTTP route opens one and returns it
 * as the response body; the generation route, running beside it, writes each text delta into it as a {@code data:}
 * event (a JSON string), then a {@code done} event (usage) or an {@code error} event, and ends it.
 */
@Component("chatStreams")
public class ChatStreams {

    /** The exchange property (HTTP side) and header (generation side) that carry the stream id. */
    public static final String STREAM_ID = "ChatStreamId";
    /** The exchange property that holds the stream on the HTTP side (even when the generation already finished). */
    private static final String STREAM = "ChatStream";

    private final Map<String, SseStream> open = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final long idleTimeoutMs;

    public ChatStreams(@Value("${chat.stream-idle-timeout-ms:120000}") long idleTimeoutMs) {
        this.idleTimeoutMs = idleTimeoutMs;
    }

    /** Opens a stream and remembers its id in the {@value #STREAM_ID} exchange property; the body stays the prompt. */
    public void open(Exchange exchange) {
        String id = UUID.randomUUID().toString();
        SseStream stream = new SseStream(idleTimeoutMs, () -> open.remove(id));
        stream.comment("stream " + id);
        open.put(id, stream);
        exchange.setProperty(STREAM_ID, id);
        exchange.setProperty(STREAM, stream);
    }

    /** The opened stream, as the HTTP response body. */
    public InputStream response(Exchange exchange) {
        return exchange.getProperty(STREAM, SseStream.class);
    }

    /** One text delta. Throws when the browser went away, which makes the component cancel the Bedrock stream. */
    public void delta(Exchange exchange) {
        SseStream stream = open.get(exchange.getMessage().getHeader(STREAM_ID, String.class));
        if (stream == null || !stream.event(null, quote(exchange.getMessage().getBody(String.class)))) {
            throw new IllegalStateException("The chat client went away: stream cancelled");
        }
    }

    /**
     * Fails when the client went away before the answer was complete, so that a turn it did not see is not kept.
     * (The delta route's failure already cancelled the Bedrock stream; this holds whatever the stream then reports.)
     */
    public void ensureOpen(Exchange exchange) {
        if (!open.containsKey(exchange.getMessage().getHeader(STREAM_ID, String.class))) {
            throw new IllegalStateException("The chat client went away before the answer was complete");
        }
    }

    /** The model finished: a {@code done} event with the whole text and the token counts, then the end. */
    public void complete(Exchange exchange) {
        var message = exchange.getMessage();
        finish(exchange, "done", Map.of(
                "text", String.valueOf(message.getBody(String.class)),
                "stopReason", String.valueOf(message.getHeader(BedrockHeaders.STOP_REASON)),
                "inputTokens", message.getHeader(BedrockHeaders.INPUT_TOKENS, 0, Integer.class),
                "outputTokens", message.getHeader(BedrockHeaders.OUTPUT_TOKENS, 0, Integer.class)));
    }

    /** The call failed: an {@code error} event with the message, then the end. */
    public void fail(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        finish(exchange, "error", Map.of("message", e != null ? e.getMessage() : "unknown error"));
    }

    /** How many streams are open; for tests. */
    public int openStreams() {
        return open.size();
    }

    private void finish(Exchange exchange, String event, Map<String, Object> data) {
        SseStream stream = open.remove(exchange.getMessage().getHeader(STREAM_ID, String.class));
        if (stream != null) {
            stream.event(event, write(data));
            stream.end();
        }
    }

    private String quote(String text) {
        return write(text == null ? "" : text);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
