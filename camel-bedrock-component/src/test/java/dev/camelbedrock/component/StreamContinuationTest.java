package dev.camelbedrock.component;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.stream.ChatStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In iterator mode the route goes on to read a stream that is still open, so the exchange must continue on a
 * BedrockStreamReader thread and never on the thread that sent it, even when Bedrock answered before the producer
 * attached its completion (the race the benchmarks saw once in 100 to 1,000 streams, which held the sending thread
 * until the stream ended). The race is made certain here: the producer's handler is wrapped so that it returns its
 * future only once the stream has started, while the emulator holds the stream open.
 */
class StreamContinuationTest extends BedrockTestSupport {

    private static final String READER = "BedrockStreamReader";
    private static final String SENT_FROM = "sentFrom";
    private static final String CONTINUED_ON = "continuedOn";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String operation : new String[] {"converseStream", "invokeModelStream"}) {
                    BedrockProducer producer = startedBeforeLooked(
                            getContext().getEndpoint("bedrock:" + operation + "?modelId=" + MODEL, BedrockEndpoint.class));
                    from("direct:" + operation)
                            .process(e -> e.setProperty(SENT_FROM, Thread.currentThread().getName()))
                            .process(producer)
                            .process(e -> e.setProperty(CONTINUED_ON, Thread.currentThread().getName()));
                }
                from("direct:plain")
                        .process(e -> e.setProperty(SENT_FROM, Thread.currentThread().getName()))
                        .to("bedrock:converseStream?modelId=" + MODEL)
                        .process(e -> e.setProperty(CONTINUED_ON, Thread.currentThread().getName()))
                        .split(body()).streaming().to("mock:delta").end();
            }
        };
    }

    /** A producer whose streaming handler hands back a future that is already complete: the stream has started. */
    private static BedrockProducer startedBeforeLooked(BedrockEndpoint endpoint) {
        BedrockProducer producer = new BedrockProducer(endpoint);
        producer.wrapHandler(endpoint.getConfiguration().getOperation(), StartedBeforeLooked::new);
        return producer;
    }

    @AfterEach
    void releaseStreams() {
        emulator.resumeStreams();
    }

    @RepeatedTest(20)
    void converseStreamContinuesOnAReaderWhenTheStreamStartedBeforeTheProducerLooked() throws Exception {
        continuesOnAReaderWhileTheStreamIsOpen("direct:converseStream");
    }

    @RepeatedTest(20)
    void invokeModelStreamContinuesOnAReaderWhenTheStreamStartedBeforeTheProducerLooked() throws Exception {
        continuesOnAReaderWhileTheStreamIsOpen("direct:invokeModelStream");
    }

    @Test
    void everyStreamContinuesOnAReaderWhateverTheTiming() {
        for (int i = 0; i < 200; i++) {
            Exchange out = template.request("direct:plain", e -> e.getMessage().setBody("Say something short"));
            assertThat(out.getException()).isNull();
            assertThat(out.getProperty(CONTINUED_ON, String.class)).as("stream %d", i).contains(READER)
                    .isNotEqualTo(out.getProperty(SENT_FROM, String.class));
        }
    }

    private void continuesOnAReaderWhileTheStreamIsOpen(String route) throws Exception {
        emulator.pauseStreamsAfter(2); // the response starts, then the emulator holds the stream until released
        Exchange out = template.request(route, e -> e.getMessage().setBody("One two three four five six seven"));

        // the route has ended and template.request returned, with the stream still held open by the emulator
        assertThat(out.getException()).isNull();
        assertThat(emulator.awaitHeldStreams(1, Duration.ofSeconds(30))).isTrue();
        ChatStream stream = out.getMessage().getBody(ChatStream.class);
        assertThat(stream.isFinished()).isFalse();
        String sentFrom = out.getProperty(SENT_FROM, String.class);
        assertThat(sentFrom).isEqualTo(Thread.currentThread().getName());
        assertThat(out.getProperty(CONTINUED_ON, String.class)).contains(READER).isNotEqualTo(sentFrom);

        emulator.resumeStreams();
        StringBuilder text = new StringBuilder();
        while (stream.hasNext()) {
            String delta = stream.next();
            if (delta != null) {
                text.append(delta);
            }
        }
        assertThat(text).isNotEmpty();
    }

    /** Returns the real handler's future only once it is complete, so the producer always finds it done. */
    private record StartedBeforeLooked(BedrockOperationHandler real) implements BedrockOperationHandler, AutoCloseable {

        @Override
        public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
            CompletableFuture<?> future = real.handle(exchange, call);
            try {
                future.handle((r, failure) -> null).get(30, TimeUnit.SECONDS); // a bound for a broken build, not a sync
            } catch (Exception e) {
                throw new IllegalStateException("the stream did not start", e);
            }
            return future;
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) real).close();
        }
    }
}
