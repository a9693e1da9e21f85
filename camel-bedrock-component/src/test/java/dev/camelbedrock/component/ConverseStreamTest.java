package dev.camelbedrock.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelbedrock.component.converse.BedrockToolCall;
import dev.camelbedrock.component.error.BedrockModelException;
import dev.camelbedrock.component.error.BedrockValidationException;
import dev.camelbedrock.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConverseStreamTest extends BedrockTestSupport {

    private final List<String> iterated = new CopyOnWriteArrayList<>();
    private final List<String> pushed = new CopyOnWriteArrayList<>();
    private final List<String> pushedTypes = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch firstDelta = new CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream")
                        .to("bedrock:converseStream?modelId=" + MODEL)
                        .split(body()).streaming()
                            .process(e -> {
                                iterated.add(e.getMessage().getBody(String.class));
                                firstDelta.countDown();
                            })
                        .end();
                from("direct:retrying")
                        .to("bedrock:converseStream?modelId=" + MODEL + "&maxAttempts=3")
                        .split(body()).streaming().process(e -> iterated.add(e.getMessage().getBody(String.class))).end();
                from("direct:http11")
                        .to("bedrock:converseStream?modelId=" + MODEL + "&httpProtocol=HTTP1_1")
                        .split(body()).streaming().process(e -> iterated.add(e.getMessage().getBody(String.class))).end();
                from("direct:push")
                        .to("bedrock:converseStream?modelId=" + MODEL + "&streamTo=direct:delta&tools=classpath:tools.json");
                from("direct:failingPush")
                        .to("bedrock:converseStream?modelId=" + MODEL + "&streamTo=direct:failingDelta");
                from("direct:failingDelta").process(e -> {
                    if (e.getMessage().getHeader(BedrockHeaders.STREAM_CHUNK_INDEX, Integer.class) == 1) {
                        throw new IllegalStateException("the browser went away");
                    }
                });
                from("direct:delta").process(e -> {
                    pushed.add(e.getMessage().getBody(String.class));
                    pushedTypes.add(e.getMessage().getHeader(BedrockHeaders.STREAM_EVENT_TYPE, String.class));
                });
            }
        };
    }

    @Test
    void iteratorBodyYieldsTheDeltasAndHeadersArriveAtTheEnd() {
        String prompt = "Tell me a story about a small robot";
        Exchange out = template.request("direct:stream", e -> e.getMessage().setBody(prompt));

        assertThat(out.getException()).isNull();
        assertThat(iterated.size()).isGreaterThanOrEqualTo(3);
        // the emulator's default rule echoes the prompt: every delta, the first and the last included, in order
        assertThat(String.join("", iterated)).as("the deltas iterated").isEqualTo(echo(prompt));
        assertThat(out.getMessage().getHeader(BedrockHeaders.RESPONSE_TEXT)).isEqualTo(echo(prompt));
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isEqualTo("end_turn");
        assertThat(out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Integer.class)).isPositive();
        assertThat(emulator.stats().count("ConverseStream", MODEL)).isEqualTo(1);
    }

    @Test
    void theFirstDeltaReachesTheRouteBeforeTheEmulatorSendsTheLast() throws Exception {
        // the emulator sends messageStart and the first delta, then holds the stream until released
        emulator.pauseStreamsAfter(2);
        try {
            var reply = template.asyncRequestBody("direct:stream", "One two three four five six seven");
            assertThat(firstDelta.await(10, TimeUnit.SECONDS)).as("first delta seen while the stream is held").isTrue();
            assertThat(reply.isDone()).isFalse();
            assertThat(iterated).hasSize(1);
            emulator.resumeStreams();
            reply.get(10, TimeUnit.SECONDS);
            assertThat(iterated.size()).isGreaterThan(1);
        } finally {
            emulator.resumeStreams(); // also disarms the gate (pauseStreamsAfter(0) would arm it at the first event)
        }
    }

    @Test
    void worksOverHttp11Too() {
        template.requestBody("direct:http11", "Plain old HTTP one one");
        assertThat(String.join("", iterated)).isEqualTo(echo("Plain old HTTP one one"));
    }

    @Test
    void streamToSendsEveryDeltaAsItsOwnExchangeAndCompletesWithTheWholeText() {
        Exchange out = template.request("direct:push", e -> e.getMessage().setBody("Count to ten slowly"));
        assertThat(out.getException()).isNull();
        assertThat(pushed.size()).isGreaterThanOrEqualTo(3);
        assertThat(String.join("", pushed)).as("the deltas sent to streamTo").isEqualTo(echo("Count to ten slowly"));
        assertThat(out.getMessage().getBody(String.class)).isEqualTo(echo("Count to ten slowly"));
        assertThat(pushedTypes).containsOnly("text");
    }

    /** The emulator's default reply: the prompt the test wrote, echoed. */
    private static String echo(String prompt) {
        return "You said: " + prompt;
    }

    @Test
    void streamToFailsTheExchangeOnAnExceptionEventInMidStream() {
        emulator.faults().add(Fault.streamException("modelStreamErrorException").forOperation("ConverseStream").afterEvents(3)
                .originalStatusCode(500).originalMessage("model crashed"));
        String prompt = "one two three four five six seven eight";
        Exchange out = template.request("direct:push", e -> e.getMessage().setBody(prompt));

        assertThat(out.getException()).as("the exchange after a modelStreamErrorException in streamTo mode")
                .isInstanceOf(BedrockModelException.class).hasMessageContaining("ModelStreamErrorException");
        assertPartialDeltasOnly(out, prompt);
    }

    @Test
    void streamToFailsTheExchangeOnAConnectionCutInMidStream() {
        emulator.faults().add(Fault.cut().afterEvents(3).closeConnection(true).forOperation("ConverseStream"));
        String prompt = "one two three four five six seven eight";
        Exchange out = template.request("direct:push", e -> e.getMessage().setBody(prompt));

        assertThat(out.getException()).as("the exchange after the connection was cut in streamTo mode")
                .isInstanceOf(dev.camelbedrock.component.error.BedrockClientException.class);
        assertPartialDeltasOnly(out, prompt);
    }

    /** Some deltas of the reply reached streamTo, not all; the exchange carries no answer that would pass for whole. */
    private void assertPartialDeltasOnly(Exchange out, String prompt) {
        String seen = String.join("", pushed);
        assertThat(seen).as("deltas before the failure").isNotEmpty();
        assertThat(echo(prompt)).as("the reply begins with the deltas pushed").startsWith(seen).isNotEqualTo(seen);
        assertThat(out.getMessage().getBody()).as("the body after a failed stream").isNotEqualTo(seen);
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).as("stop reason").isNull();
    }

    @Test
    void aFailingDeltaRouteFailsTheExchangeAndStopsTheStream() {
        Exchange out = template.request("direct:failingPush", e -> e.getMessage().setBody("one two three four five six"));
        assertThat(out.getException()).isInstanceOf(IllegalStateException.class).hasMessage("the browser went away");
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isNull();
    }

    @Test
    void toolInputFragmentsAreStreamedAndAssembledIntoAToolCall() {
        Exchange out = template.request("direct:push", e -> e.getMessage().setBody("What is the weather in Paris?"));
        assertThat(out.getException()).isNull();
        assertThat(pushedTypes).contains("toolUse");
        @SuppressWarnings("unchecked")
        List<BedrockToolCall> calls = out.getMessage().getHeader(BedrockHeaders.TOOL_CALLS, List.class);
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("get_weather");
            assertThat(c.input()).containsEntry("city", "Paris");
        });
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isEqualTo("tool_use");
    }

    @Test
    void aFailureInMidStreamSurfacesAsAnExceptionNotACutAnswer() {
        emulator.faults().add(Fault.streamException("modelStreamErrorException").forOperation("ConverseStream").afterEvents(3)
                .originalStatusCode(500).originalMessage("model crashed"));
        Exchange out = template.request("direct:stream", e -> e.getMessage().setBody("A long answer that will break"));
        assertThat(out.getException()).isInstanceOf(BedrockModelException.class);
        assertThat(out.getException().getMessage()).contains("ModelStreamErrorException");
        assertThat(out.getMessage().getHeader(BedrockHeaders.RESPONSE_TEXT)).isNull();
    }

    @Test
    void anSdkRetryAfterDeltasReachedTheRouteFailsInsteadOfDeliveringThemTwice() {
        emulator.faults().add(Fault.streamException("throttlingException").forOperation("ConverseStream").afterEvents(3));
        Exchange out = template.request("direct:retrying", e -> e.getMessage().setBody("alpha beta gamma delta epsilon"));

        assertThat(out.getException()).isInstanceOf(dev.camelbedrock.component.error.BedrockThrottlingException.class);
        String seen = String.join("", iterated);
        assertThat("You said: alpha beta gamma delta epsilon").startsWith(seen);
        assertThat(seen).isNotEmpty();
    }

    @Test
    void anSdkRetryBeforeAnyDeltaIsTransparent() {
        emulator.faults().add(Fault.streamException("throttlingException").forOperation("ConverseStream").afterEvents(1));
        Exchange out = template.request("direct:retrying", e -> e.getMessage().setBody("alpha beta gamma"));

        assertThat(out.getException()).isNull();
        assertThat(String.join("", iterated)).isEqualTo("You said: alpha beta gamma");
        assertThat(emulator.stats().count("ConverseStream")).isEqualTo(2);
    }

    @Test
    void aStreamCutWithoutItsEndFailsInsteadOfPassingForComplete() {
        // an HTTP/2 stream reset: the Java SDK ends such a stream as if it had finished
        emulator.faults().add(Fault.fromJson(Json("{\"operation\":\"ConverseStream\",\"kind\":\"cut\",\"afterEvents\":3}")));
        Exchange out = template.request("direct:stream", e -> e.getMessage().setBody("a reply that will be cut short"));
        assertThat(out.getException()).isInstanceOf(dev.camelbedrock.component.error.BedrockClientException.class)
                .hasMessageContaining("stream ended before the model finished");
        assertThat(out.getMessage().getHeader(BedrockHeaders.RESPONSE_TEXT)).isNull();
    }

    private static com.fasterxml.jackson.databind.JsonNode Json(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anErrorBeforeTheStreamStartsFailsTheProducerStep() {
        emulator.faults().add(Fault.error("ValidationException").forOperation("ConverseStream"));
        Exchange out = template.request("direct:stream", e -> e.getMessage().setBody("Rejected"));
        assertThat(out.getException()).isInstanceOf(BedrockValidationException.class);
        assertThat(iterated).isEmpty();
    }

    @Test
    void theStreamCanBeReadAfterTheExchangeCompletedAndClosedEarly() {
        var stream = template.requestBody("bedrock:converseStream?modelId=" + MODEL, "Read me from Java code",
                dev.camelbedrock.component.stream.ChatStream.class);
        StringBuilder text = new StringBuilder();
        stream.forEachRemaining(d -> text.append(d == null ? "" : d));
        assertThat(text.toString()).isEqualTo("You said: Read me from Java code");

        var abandoned = template.requestBody("bedrock:converseStream?modelId=" + MODEL, "Nobody reads this",
                dev.camelbedrock.component.stream.ChatStream.class);
        abandoned.close();
        assertThat(abandoned.isFinished()).isTrue();
        assertThat(abandoned.hasNext()).isFalse();
    }

    @Test
    void manyConcurrentStreamsAllComplete() throws Exception {
        List<java.util.concurrent.CompletableFuture<Object>> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            replies.add(template.asyncRequestBody("direct:push", "Concurrent prompt number " + i));
        }
        for (int i = 0; i < replies.size(); i++) {
            assertThat(replies.get(i).get(30, TimeUnit.SECONDS).toString()).contains("number " + i);
        }
    }
}
