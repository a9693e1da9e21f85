package dev.camelbedrock.examples.springboot;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP API of the YAML routes: the whole-answer chat, the event stream, and the conversation kept between turns. */
class ChatApiTest extends ChatAppTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ChatStreams chatStreams;
    @Autowired
    Conversations conversations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void chatAnswersAndKeepsTheConversation() throws Exception {
        assertThat(post("/api/chat?conversation=api-1", "What is Apache Camel?").body()).isEqualTo(CAMEL_REPLY);
        assertThat(post("/api/chat?conversation=api-1", "hello").statusCode()).isEqualTo(200);

        JsonNode messages = lastMessages("Converse");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).at("/content/0/text").asText()).isEqualTo("What is Apache Camel?");
        assertThat(messages.get(1).at("/content/0/text").asText()).isEqualTo(CAMEL_REPLY);
        assertThat(messages.get(2).at("/content/0/text").asText()).isEqualTo("hello");

        assertThat(post("/api/chat?conversation=api-2", "hello").statusCode()).isEqualTo(200);
        assertThat(lastMessages("Converse")).as("another conversation starts empty").hasSize(1);
    }

    @Test
    void aBadConversationIdIsRefused() throws Exception {
        HttpResponse<String> response = post("/api/chat/stream?conversation=no%20spaces", "hello");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("conversation");
    }

    /**
     * The emulator holds the stream after 4 events (messageStart and 3 deltas): the client must already have those 3
     * deltas and no end, which is only possible when events reach it while the model is still writing.
     */
    @Test
    void eventsReachTheClientWhileTheModelWrites() throws Exception {
        emulator.pauseStreamsAfter(4);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = request("/api/chat/stream?conversation=stream-1", "Tell me about Amazon Bedrock");
        var response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
                    r.body().forEach(lines::add);
                });

        assertThat(emulator.awaitHeldStreams(1, Duration.ofSeconds(30))).isTrue();
        List<String> deltas = new ArrayList<>();
        while (deltas.size() < 3) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("an event while the stream is held").isNotNull().doesNotStartWith("event:");
            if (line.startsWith("data: ")) {
                deltas.add(JSON.readValue(line.substring(6), String.class));
            }
        }
        assertThat(String.join("", deltas)).isEqualTo("Amazon Bedrock gives ");
        assertThat(lines.poll(300, TimeUnit.MILLISECONDS)).as("nothing more while held").isIn(null, "");

        emulator.resumeStreams();
        String event = null;
        JsonNode done = null;
        for (String line; done == null && (line = lines.poll(10, TimeUnit.SECONDS)) != null; ) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && event == null) {
                deltas.add(JSON.readValue(line.substring(6), String.class));
            } else if (line.startsWith("data: ")) {
                assertThat(event).isEqualTo("done");
                done = JSON.readTree(line.substring(6));
            }
        }
        assertThat(done).as("the done event").isNotNull();
        assertThat(String.join("", deltas)).isEqualTo(BEDROCK_REPLY);
        assertThat(done.get("text").asText()).isEqualTo(BEDROCK_REPLY);
        assertThat(done.get("stopReason").asText()).isEqualTo("end_turn");
        assertThat(done.get("outputTokens").asInt()).isPositive();
        response.get(10, TimeUnit.SECONDS);
        assertThat(chatStreams.openStreams()).isZero();
        assertThat(conversations.history("stream-1")).hasSize(2);
    }

    /**
     * The model fails in mid-answer: the event stream ends with an {@code error} event carrying the failure, after the
     * deltas already sent, with no {@code done}; the half turn is not kept.
     */
    @Test
    void aGenerationThatFailsEndsTheStreamWithAnErrorEvent() throws Exception {
        emulator.faults().add(dev.camelbedrock.emulator.Fault.streamException("modelStreamErrorException")
                .forOperation("ConverseStream").afterEvents(3).originalStatusCode(500).originalMessage("model crashed"));
        HttpResponse<String> response = post("/api/chat/stream?conversation=fail-1", "Tell me about Amazon Bedrock");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> deltas = new ArrayList<>();
        List<String> events = new ArrayList<>();
        JsonNode error = null;
        String event = null;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
                events.add(event);
            } else if (line.startsWith("data: ") && event == null) {
                deltas.add(JSON.readValue(line.substring(6), String.class));
            } else if (line.startsWith("data: ") && event.equals("error")) {
                error = JSON.readTree(line.substring(6));
            }
        }
        assertThat(events).as("named events of the stream").containsExactly("error");
        assertThat(deltas).as("deltas sent before the failure").isNotEmpty();
        assertThat(BEDROCK_REPLY).as("the reply begins with the deltas sent").startsWith(String.join("", deltas))
                .isNotEqualTo(String.join("", deltas));
        assertThat(error).as("the error event's data").isNotNull();
        assertThat(error.get("message").asText()).contains("ModelStreamErrorException");
        assertThat(chatStreams.openStreams()).isZero();
        assertThat(conversations.history("fail-1")).as("a failed turn is not kept").isEmpty();
    }

    /** A browser that leaves mid-answer: the Bedrock stream is cancelled and the half turn is not kept. */
    @Test
    void aClientThatLeavesCancelsTheGeneration() throws Exception {
        emulator.pauseStreamsAfter(3);
        HttpRequest request = request("/api/chat/stream?conversation=gone-1", "Tell me about Amazon Bedrock");
        try (InputStream body = http.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            assertThat(emulator.awaitHeldStreams(1, Duration.ofSeconds(30))).isTrue();
            assertThat(new String(body.readNBytes(8), StandardCharsets.UTF_8)).startsWith(": stream");
        }
        emulator.resumeStreams();
        await().atMost(Duration.ofSeconds(20)).until(() -> chatStreams.openStreams() == 0);
        Thread.sleep(500);
        assertThat(conversations.history("gone-1")).isEmpty();
    }

    private HttpResponse<String> post(String path, String text) throws Exception {
        return http.send(request(path, text), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String text) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
    }
}
