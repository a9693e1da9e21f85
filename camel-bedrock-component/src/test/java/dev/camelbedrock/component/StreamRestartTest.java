package dev.camelbedrock.component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelbedrock.component.error.BedrockThrottlingException;
import dev.camelbedrock.component.stream.ChatStream;
import dev.camelbedrock.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * streamRestartAfterDeltas: the SDK retries a stream after deltas reached the route (a mid-stream throttlingException
 * event, maxAttempts=3). Off (the default), the stream fails; on, it restarts and the route is told, in both delivery
 * modes and for both streaming operations.
 */
class StreamRestartTest extends BedrockTestSupport {

    private static final String PROMPT = "alpha beta gamma delta epsilon zeta eta theta";

    /** What a delta route saw: body, attempt, restarted. */
    private record Seen(String text, Integer attempt, Boolean restarted) {
    }

    private final List<Seen> pushed = new CopyOnWriteArrayList<>();
    private final List<String> split = new CopyOnWriteArrayList<>();
    private final AtomicInteger deltasInProcess = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private Integer cleanOutputTokens;
    private final java.util.concurrent.CountDownLatch firstDelta = new java.util.concurrent.CountDownLatch(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String op : List.of("converseStream", "invokeModelStream")) {
                    String base = "bedrock:" + op + "?modelId=" + MODEL + "&maxAttempts=3";
                    from("direct:" + op + "-iterator-on").to(base + "&streamRestartAfterDeltas=true")
                            .split(body()).streaming().process(e -> split.add(e.getMessage().getBody(String.class))).end();
                    from("direct:" + op + "-push-on").to(base + "&streamRestartAfterDeltas=true&streamTo=direct:delta");
                    from("direct:" + op + "-push-off").to(base + "&streamTo=direct:delta");
                }
                // one in-flight slot; each delta takes a while, so that a second exchange let in early would overlap
                String oneSlot = "bedrock:converseStream?modelId=" + MODEL + "&maxAttempts=3&streamRestartAfterDeltas=true&maxInFlight=1";
                from("direct:one-slot-push").to(oneSlot + "&streamTo=direct:slowDelta");
                from("direct:one-slot-iterator").to(oneSlot).split(body()).streaming().to("direct:slowDelta").end();
                from("direct:slowDelta").process(e -> {
                    firstDelta.countDown();
                    Thread.sleep(30);
                });
                from("direct:delta").process(e -> {
                    if (deltasInProcess.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    pushed.add(new Seen(e.getMessage().getBody(String.class),
                            e.getMessage().getHeader(BedrockHeaders.STREAM_ATTEMPT, Integer.class),
                            e.getMessage().getHeader(BedrockHeaders.STREAM_RESTARTED, Boolean.class)));
                    deltasInProcess.decrementAndGet();
                });
            }
        };
    }

    private static String sdkOperation(String op) {
        return op.equals("converseStream") ? "ConverseStream" : "InvokeModelWithResponseStream";
    }

    /**
     * The whole reply, as the emulator's default rule makes it from the prompt this test wrote; checked on an
     * undisturbed stream, which also gives the usage of a whole reply. Leaves the statistics empty.
     */
    private String wholeText(String op) {
        String whole = "You said: " + PROMPT;
        Exchange clean = template.request("direct:" + op + "-push-on", e -> e.getMessage().setBody(PROMPT));
        assertThat(clean.getException()).isNull();
        assertThat(clean.getMessage().getBody(String.class)).as("an undisturbed stream's text").isEqualTo(whole);
        assertThat(join(pushed)).as("an undisturbed stream's deltas").isEqualTo(whole);
        assertThat(clean.getMessage().getHeader(BedrockHeaders.STREAM_ATTEMPT)).isEqualTo(1);
        assertThat(clean.getMessage().getHeader(BedrockHeaders.STREAM_RESTARTED)).isEqualTo(false);
        assertThat(pushed).extracting(Seen::restarted).containsOnly(false);
        cleanOutputTokens = clean.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Integer.class);
        pushed.clear();
        emulator.stats().reset();
        return whole;
    }

    @ParameterizedTest
    @ValueSource(strings = { "one-slot-push", "one-slot-iterator" })
    void theInFlightSlotIsHeldAcrossTheRestartedAttempts(String route) throws Exception {
        throttleMidStream("converseStream");
        String firstPrompt = route + " first " + PROMPT;
        String secondPrompt = route + " second " + PROMPT;
        var first = template.asyncRequestBody("direct:" + route, firstPrompt);
        assertThat(firstDelta.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the first exchange's stream began").isTrue();
        var second = template.asyncRequestBody("direct:" + route, secondPrompt);
        first.get(30, java.util.concurrent.TimeUnit.SECONDS);
        second.get(30, java.util.concurrent.TimeUnit.SECONDS);

        List<String> order = emulator.requests("ConverseStream").stream()
                .filter(r -> r.body().contains(firstPrompt) || r.body().contains(secondPrompt))
                .map(r -> r.body().contains(secondPrompt) ? "second" : "first").toList();
        assertThat(order).as("ConverseStream requests in the order they reached the emulator (maxInFlight=1): the"
                             + " first exchange's two attempts, then the second exchange").containsExactly("first", "first", "second");
        assertThat(emulator.stats().maxInFlight()).as("requests open at once at the emulator").isEqualTo(1);
    }

    private void throttleMidStream(String op) {
        emulator.faults().add(Fault.streamException("throttlingException").forOperation(sdkOperation(op)).afterEvents(3));
    }

    /** Sends the prompt to a route with streamRestartAfterDeltas, throttled in mid-stream: it succeeds at attempt 2. */
    private Exchange restarted(String op, String route) {
        throttleMidStream(op);
        Exchange out = template.request("direct:" + op + route, e -> e.getMessage().setBody(PROMPT));
        assertThat(out.getException()).isNull();
        assertThat(emulator.stats().count(sdkOperation(op))).isEqualTo(2);
        assertThat(out.getMessage().getHeader(BedrockHeaders.STREAM_ATTEMPT)).isEqualTo(2);
        assertThat(out.getMessage().getHeader(BedrockHeaders.STREAM_RESTARTED)).isEqualTo(true);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = { "converseStream", "invokeModelStream" })
    void offByDefaultAStreamTheSdkRetriesAfterDeltasFailsInStreamToMode(String op) {
        throttleMidStream(op);
        Exchange out = template.request("direct:" + op + "-push-off", e -> e.getMessage().setBody(PROMPT));

        assertThat(out.getException()).isInstanceOf(BedrockThrottlingException.class);
        assertThat(pushed).isNotEmpty();
        assertThat(pushed).extracting(Seen::attempt).containsOnly(1);
        assertThat(pushed).extracting(Seen::restarted).containsOnly(false);
        assertThat(emulator.stats().count(sdkOperation(op))).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = { "converseStream", "invokeModelStream" })
    void streamToMarksTheDeltasOfTheRestartedAttempt(String op) {
        String whole = wholeText(op);
        Exchange out = restarted(op, "-push-on");

        List<Seen> first = pushed.stream().filter(s -> s.attempt() == 1).toList();
        List<Seen> second = pushed.stream().filter(s -> s.attempt() == 2).toList();
        assertThat(first.size() + second.size()).isEqualTo(pushed.size());
        assertThat(first).as("deltas of the first attempt reached the route").isNotEmpty();
        assertThat(whole).startsWith(join(first));
        assertThat(pushed.indexOf(second.get(0))).as("attempt 2 follows attempt 1").isEqualTo(first.size());
        assertThat(second.get(0).restarted()).isTrue();
        assertThat(second.subList(1, second.size())).extracting(Seen::restarted).containsOnly(false);
        assertThat(first).extracting(Seen::restarted).containsOnly(false);
        assertThat(join(second)).isEqualTo(whole);
        assertThat(overlaps).as("one delta at a time, across the restart too").hasValue(0);

        assertThat(out.getMessage().getBody(String.class)).isEqualTo(whole);
        assertThat(out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Integer.class))
                .as("the usage of the attempt that succeeded").isPositive().isEqualTo(cleanOutputTokens);
    }

    @ParameterizedTest
    @ValueSource(strings = { "converseStream", "invokeModelStream" })
    void aSplitRouteSucceedsAndTheExchangeTellsThatTheTextRestarted(String op) {
        String whole = wholeText(op);
        Exchange out = restarted(op, "-iterator-on");

        assertThat(out.getMessage().getHeader(BedrockHeaders.RESPONSE_TEXT)).as("the whole text, once").isEqualTo(whole);
        String seen = String.join("", split);
        assertThat(seen).as("a part of attempt 1, then the whole of attempt 2").endsWith(whole).isNotEqualTo(whole);
        assertThat(whole).startsWith(seen.substring(0, seen.length() - whole.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "converseStream", "invokeModelStream" })
    void theIteratorTellsWhichDeltaBeginsTheRestartedAttempt(String op) {
        String whole = wholeText(op);
        throttleMidStream(op);
        ChatStream stream = template.requestBody("bedrock:" + op + "?modelId=" + MODEL
                + "&maxAttempts=3&streamRestartAfterDeltas=true", PROMPT, ChatStream.class);

        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        int restarts = 0;
        while (stream.hasNext()) {
            String delta = stream.next();
            if (delta == null) {
                continue;
            }
            if (stream.isRestarted()) {
                restarts++;
                assertThat(second).as("the restart comes before any delta of attempt 2").isEmpty();
            }
            (stream.getAttempt() == 1 ? first : second).add(delta);
        }
        assertThat(restarts).isEqualTo(1);
        assertThat(first).isNotEmpty();
        assertThat(whole).startsWith(String.join("", first));
        assertThat(String.join("", second)).isEqualTo(whole);
        assertThat(stream.getAttempt()).isEqualTo(2);
        assertThat(stream.getText()).as("the text of the attempt that succeeded").isEqualTo(whole);
        assertThat(emulator.stats().count(sdkOperation(op))).isEqualTo(2);
    }

    private static String join(List<Seen> deltas) {
        return String.join("", deltas.stream().map(Seen::text).toList());
    }
}
