package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput.EventType;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static dev.camelbedrock.emulator.Sdk.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConverseStreamTest {

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient h2;
    static BedrockRuntimeAsyncClient h1;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder()
                .guardrail("abc123", java.nio.file.Path.of("src/test/resources/guardrails/plain.json"))
                .rule(Rule.when("weather in (\\w+)").reply("Let me check.").toolUse("get_weather", "{\"city\":\"{{1}}\"}"))
                .build().start();
        h2 = Sdk.runtimeH2(emulator.uri());
        h1 = Sdk.runtimeH1(emulator.uri());
    }

    @AfterAll
    static void stop() {
        h2.close();
        h1.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    @Test
    void textStreamEventOrderAndContent() {
        for (BedrockRuntimeAsyncClient client : List.of(h2, h1)) {
            Sdk.StreamCollector c = new Sdk.StreamCollector();
            join(client.converseStream(Sdk.converseStream(HAIKU, "one two three"), c.handler));
            List<EventType> types = c.events.stream().map(e -> e.sdkEventType()).toList();
            // "You said: one two three" -> 5 word deltas, no contentBlockStart for text
            assertThat(types).containsExactly(EventType.MESSAGE_START, EventType.CONTENT_BLOCK_DELTA,
                    EventType.CONTENT_BLOCK_DELTA, EventType.CONTENT_BLOCK_DELTA, EventType.CONTENT_BLOCK_DELTA,
                    EventType.CONTENT_BLOCK_DELTA, EventType.CONTENT_BLOCK_STOP, EventType.MESSAGE_STOP,
                    EventType.METADATA);
            assertThat(((MessageStartEvent) c.events.get(0)).roleAsString()).isEqualTo("assistant");
            String text = c.events.stream().filter(e -> e instanceof ContentBlockDeltaEvent)
                    .map(e -> ((ContentBlockDeltaEvent) e).delta().text()).collect(Collectors.joining());
            assertThat(text).isEqualTo("You said: one two three");
            assertThat(((MessageStopEvent) c.events.get(7)).stopReason()).isEqualTo(StopReason.END_TURN);
            ConverseStreamMetadataEvent md = (ConverseStreamMetadataEvent) c.events.get(8);
            assertThat(md.usage().inputTokens()).isEqualTo(4);
            assertThat(md.usage().outputTokens()).isEqualTo(6);
            assertThat(md.usage().totalTokens()).isEqualTo(10);
            assertThat(md.metrics().latencyMs()).isPositive();
        }
        assertThat(emulator.stats().count("ConverseStream", HAIKU)).isEqualTo(2);
    }

    @Test
    void shortRepliesStillStreamInThreeChunks() {
        emulator.rules().add(Rule.when("short").reply("Hi there"));
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        join(h2.converseStream(Sdk.converseStream(HAIKU, "short"), c.handler));
        List<String> deltas = c.events.stream().filter(e -> e instanceof ContentBlockDeltaEvent)
                .map(e -> ((ContentBlockDeltaEvent) e).delta().text()).toList();
        assertThat(deltas).hasSize(3);
        assertThat(String.join("", deltas)).isEqualTo("Hi there");
    }

    @Test
    void toolUseStream() {
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        join(h2.converseStream(b -> b.modelId(HAIKU).toolConfig(ConverseTest.weatherTool())
                .messages(user("weather in Lisbon please")), c.handler));
        List<EventType> types = c.events.stream().map(e -> e.sdkEventType()).toList();
        assertThat(types).startsWith(EventType.MESSAGE_START, EventType.CONTENT_BLOCK_DELTA)
                .endsWith(EventType.CONTENT_BLOCK_STOP, EventType.MESSAGE_STOP, EventType.METADATA)
                .contains(EventType.CONTENT_BLOCK_START);
        ContentBlockStartEvent start = (ContentBlockStartEvent) c.events.stream()
                .filter(e -> e instanceof ContentBlockStartEvent).findFirst().orElseThrow();
        assertThat(start.contentBlockIndex()).isEqualTo(1);
        assertThat(start.start().toolUse().name()).isEqualTo("get_weather");
        assertThat(start.start().toolUse().toolUseId()).startsWith("tooluse_");
        List<String> fragments = c.events.stream().filter(e -> e instanceof ContentBlockDeltaEvent)
                .map(e -> (ContentBlockDeltaEvent) e).filter(e -> e.contentBlockIndex() == 1)
                .map(e -> e.delta().toolUse().input()).toList();
        assertThat(fragments.size()).isGreaterThan(1);
        assertThat(String.join("", fragments)).isEqualTo("{\"city\":\"Lisbon\"}");
        MessageStopEvent stop = (MessageStopEvent) c.events.get(c.events.size() - 2);
        assertThat(stop.stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void wireFramesHaveStringHeadersPaddingAndMetadataLast() throws Exception {
        HttpResponse<byte[]> r = Sdk.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        URI.create(emulator.uri() + "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"a b c\"}]}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/vnd.amazon.eventstream");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        List<EventStreamDecoder.Frame> frames = EventStreamDecoder.decode(r.body());
        ObjectMapper mapper = new ObjectMapper();
        for (EventStreamDecoder.Frame f : frames) {
            assertThat(f.headers()).containsEntry(":message-type", "event")
                    .containsEntry(":content-type", "application/json").containsKey(":event-type");
            JsonNode payload = mapper.readTree(f.payload());
            assertThat(payload.path("p").asText()).isNotEmpty();
        }
        assertThat(frames.get(frames.size() - 1).headers()).containsEntry(":event-type", "metadata");
        assertThat(frames.get(0).headers()).containsEntry(":event-type", "messageStart");
    }

    @Test
    void streamGateHoldsUntilResumed() throws Exception {
        emulator.pauseStreamsAfter(2);
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        CompletableFuture<Void> f = h2.converseStream(Sdk.converseStream(HAIKU, "gate keeps this"), c.handler);
        assertThat(emulator.awaitHeldStreams(1, Duration.ofSeconds(120))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (c.events.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // the client has the first delta while the rest (incl. metadata) is not sent yet
        assertThat(c.events).hasSize(2);
        assertThat(c.events.get(1)).isInstanceOf(ContentBlockDeltaEvent.class);
        assertThat(f).isNotDone();
        emulator.resumeStreams();
        join(f);
        assertThat(c.events.get(c.events.size() - 1)).isInstanceOf(ConverseStreamMetadataEvent.class);
        assertThat(emulator.heldStreams()).isZero();
    }

    @Test
    void chunkDelayIsAppliedBetweenEvents() {
        emulator.chunkDelay(Duration.ofMillis(40));
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        long t0 = System.nanoTime();
        join(h2.converseStream(Sdk.converseStream(HAIKU, "x y"), c.handler));
        // a lower bound only, and on the whole call: arrival times may bunch up on a loaded client
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(tookMs).isGreaterThanOrEqualTo((c.events.size() - 1) * 40L);
    }

    @Test
    void midStreamModelStreamError() {
        emulator.inject(Fault.streamException("modelStreamErrorException").forOperation("ConverseStream")
                .afterEvents(2).originalStatusCode(503).originalMessage("upstream boom").message("stream broke"));
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        assertThatThrownBy(() -> join(h2.converseStream(Sdk.converseStream(HAIKU, "one two three four"), c.handler)))
                .isInstanceOfSatisfying(ModelStreamErrorException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(424);
                    assertThat(e.originalStatusCode()).isEqualTo(503);
                    assertThat(e.originalMessage()).isEqualTo("upstream boom");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("stream broke");
                });
        assertThat(c.events).hasSize(2);
        assertThat(c.error).hasCauseInstanceOf(ModelStreamErrorException.class); // the SDK wraps it for onError
        // consumed: the next stream is clean
        Sdk.StreamCollector ok = new Sdk.StreamCollector();
        join(h2.converseStream(Sdk.converseStream(HAIKU, "again"), ok.handler));
        assertThat(ok.events.get(ok.events.size() - 1)).isInstanceOf(ConverseStreamMetadataEvent.class);
    }

    @Test
    void midStreamThrottlingException() {
        emulator.inject(Fault.streamException("ThrottlingException").afterEvents(1));
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        assertThatThrownBy(() -> join(h2.converseStream(Sdk.converseStream(HAIKU, "hi there"), c.handler)))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.statusCode()).isEqualTo(429));
        assertThat(c.events).hasSize(1);
    }

    @Test
    void guardrailTraceInMetadata() {
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        join(h2.converseStream(b -> b.modelId(HAIKU).messages(user("hi"))
                .guardrailConfig(g -> g.guardrailIdentifier("abc123").guardrailVersion("DRAFT").trace("enabled_full")
                        .streamProcessingMode("async")), c.handler));
        ConverseStreamMetadataEvent md = (ConverseStreamMetadataEvent) c.events.get(c.events.size() - 1);
        assertThat(md.trace().guardrail().outputAssessments()).containsKey("abc123");
        assertThat(md.trace().guardrail().modelOutput()).containsExactly("You said: hi");
    }
}
