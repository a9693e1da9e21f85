package dev.camelbedrock.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.camelbedrock.component.stream.ChatStream;
import dev.camelbedrock.component.error.BedrockThrottlingException;
import dev.camelbedrock.component.flow.AdaptiveRateLimiter;
import dev.camelbedrock.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * maxInFlight and rate control through the real SDK against the emulator, which measures what reaches it (requests
 * open at once, 429s answered by its quota). Assertions are on counts and bounds, never on timings.
 */
class ThroughputTest extends BedrockTestSupport {

    static final String BOUNDED = "bedrock:converse?modelId=" + MODEL + "&maxInFlight=4";
    static final String CHAINED = "bedrock:converse?modelId=" + MODEL + "&maxInFlight=2";
    static final String STREAM = "bedrock:converseStream?modelId=" + MODEL + "&maxInFlight=1";
    static final String ADAPTIVE = "bedrock:converse?modelId=" + MODEL + "&maxInFlight=8&rateControl=adaptive&maxAttempts=4"; // the SDK default number of attempts
    static final String NONE = "bedrock:converse?modelId=" + MODEL + "&maxInFlight=8&rateControl=none&maxAttempts=4";

    private final Set<String> chainThreads = ConcurrentHashMap.newKeySet();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bounded").to(BOUNDED);
                from("direct:chain").to("bedrock:countTokens?modelId=" + MODEL + "&maxInFlight=0")
                        .process(e -> chainThreads.add(Thread.currentThread().getName()))
                        .setBody(simple("second call of ${exchangeId}"))
                        .to(CHAINED);
                from("direct:stream").to(STREAM);
                from("direct:adaptive").to(ADAPTIVE);
                from("direct:none").to(NONE);
            }
        };
    }

    @AfterEach
    void restoreEmulator() {
        emulator.latency(Duration.ZERO).clearQuotas().resumeStreams();
    }

    @Test
    void maxInFlightBoundsWhatReachesBedrockAndCallersWait() throws Exception {
        emulator.latency(Duration.ofMillis(300));
        sendAllOk("direct:bounded", 20, 60);
        // 20 threads sending at once, yet never more than 4 requests open at the emulator
        assertThat(emulator.stats().maxInFlight()).isBetween(2, 4);
        assertThat(emulator.stats().count("Converse")).isEqualTo(60);
        assertThat(endpoint(BOUNDED).flowControl().inFlight()).isZero();
        assertThat(endpoint(BOUNDED).flowControl().waiting()).isZero();
    }

    @Test
    void aRouteContinuingOnAnSdkThreadParksInsteadOfBlockingIt() throws Exception {
        emulator.latency(Duration.ofMillis(200));
        sendAllOk("direct:chain", 4, 8);
        // the second call was made on the SDK's response threads, which must never block: they parked instead
        assertThat(chainThreads).allSatisfy(name -> assertThat(name).startsWith("sdk-async-response"));
        assertThat(emulator.stats().count("Converse")).isEqualTo(8);
        assertThat(endpoint(CHAINED).flowControl().inFlight()).isZero();
    }

    @Test
    void aStreamHoldsItsSlotUntilItEnds() throws Exception {
        emulator.pauseStreamsAfter(2);
        Exchange first = template.request("direct:stream", e -> e.getMessage().setBody("one two three four five"));
        assertThat(first.getException()).isNull();
        ChatStream stream = first.getMessage().getBody(ChatStream.class);
        // the exchange has its iterator body, but the stream is still open: its slot is still taken
        assertThat(endpoint(STREAM).flowControl().inFlight()).isEqualTo(1);

        emulator.resumeStreams();
        StringBuilder text = new StringBuilder();
        stream.forEachRemaining(text::append);
        assertThat(text.toString()).contains("one two three four five");
        awaitTrue(() -> endpoint(STREAM).flowControl().inFlight() == 0);
    }

    @Test
    void adaptiveRateControlConvergesUnderAQuota() throws Exception {
        emulator.quota(MODEL, 300, 0); // 5 requests per second
        int total = 100;
        AtomicLong throttledAtHalf = new AtomicLong(-1);
        long t0 = System.nanoTime();
        Outcome out = send("direct:adaptive", 16, total, done -> {
            if (done == total / 2) {
                throttledAtHalf.set(emulator.stats().throttled(MODEL));
            }
        });
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        long throttled = emulator.stats().throttled(MODEL);
        AdaptiveRateLimiter limiter = endpoint(ADAPTIVE).flowControl().limiter(MODEL);
        System.out.printf("adaptive: %d requests in %d s, %d failed, %d throttled (%d in the first half, %d in the"
                          + " second), %d attempts; %s%n", total, seconds, out.failures.get(), throttled,
                throttledAtHalf.get(), throttled - throttledAtHalf.get(), emulator.stats().count("Converse", MODEL), limiter);

        assertThat(out.failures).as("no exchange fails: the rate follows the quota").hasValue(0);
        assertThat(out.done).hasValue(total);
        // it converges: throttles are the first seconds' learning and then the odd probe above the quota (AIMD's
        // sawtooth, about one per 5-second cycle): in the second half, at most one request in six meets a 429
        assertThat(throttled - throttledAtHalf.get()).isLessThanOrEqualTo(total / 2 / 6);
        // every attempt the SDK made is seen by the limiter (the SDK's retries feed it)
        assertThat(limiter.throttles()).isEqualTo(throttled);
        assertThat(throttled).isLessThan(total / 2);
    }

    @Test
    void withoutRateControlTheSameBurstFailsExchanges() throws Exception {
        emulator.quota(MODEL, 300, 0);
        int total = 60;
        Outcome out = send("direct:none", 16, total);
        long throttled = emulator.stats().throttled(MODEL);
        System.out.printf("none: %d requests, %d failed, %d throttled, %d attempts%n", total, out.failures.get(),
                throttled, emulator.stats().count("Converse", MODEL));

        assertThat(out.failures.get()).as("exchanges that ran out of SDK retries").isPositive();
        assertThat(throttled).as("throttled attempts: most requests burn retries").isGreaterThan(total / 2);
        assertThat(endpoint(NONE).flowControl().limiter(MODEL)).isNull();
    }

    @Test
    void everySdkAttemptReachesTheLimiterAndAnOwnClientReportsTheOutcome() throws Exception {
        emulator.faults().add(Fault.error("ThrottlingException").forOperation("Converse").times(2));
        Exchange retried = template.request("direct:adaptive", e -> e.getMessage().setBody("third time lucky"));
        assertThat(retried.getException()).isNull();
        AdaptiveRateLimiter limiter = endpoint(ADAPTIVE).flowControl().limiter(MODEL);
        assertThat(limiter.throttles()).as("both throttled attempts, retried by the SDK, were seen").isEqualTo(2);
        assertThat(limiter.rate()).isPositive();

        // a client the user built has no observer: the limiter learns from the call's outcome instead
        try (BedrockRuntimeAsyncClient own = BedrockRuntimeAsyncClient.builder().endpointOverride(emulator.uri())
                .region(Region.US_EAST_1).credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            context.getRegistry().bind("ownClient", own);
            BedrockEndpoint ownEndpoint = endpoint("bedrock:converse?modelId=" + MODEL + "&bedrockRuntimeClient=#ownClient");
            ownEndpoint.start();
            emulator.faults().add(Fault.error("ThrottlingException").forOperation("Converse").times(2));
            Exchange throttled = template.request(ownEndpoint, e -> e.getMessage().setBody("once"));
            // its one attempt throttled, requeued once, throttled again: the failure stands, both were learnt from
            assertThat(throttled.getException()).isInstanceOf(BedrockThrottlingException.class);
            assertThat(ownEndpoint.flowControl().limiter(MODEL).throttles()).isEqualTo(2);
            assertThat(ownEndpoint.flowControl().limiter(MODEL).requeues()).isEqualTo(1);
            ownEndpoint.stop();
        }
    }

    @Test
    void aRequestWhoseSdkAttemptsWereAllThrottledWaitsForOneMoreTurn() throws Exception {
        // all four SDK attempts throttled: the request goes back to the limiter's queue once, and its next turn succeeds
        emulator.faults().add(Fault.error("ThrottlingException").forOperation("Converse").times(4));
        Exchange requeued = template.request("direct:adaptive", e -> e.getMessage().setBody("patience"));
        assertThat(requeued.getException()).isNull();
        assertThat(requeued.getMessage().getBody(String.class)).contains("patience");
        assertThat(emulator.stats().count("Converse", MODEL)).isEqualTo(5);
        AdaptiveRateLimiter limiter = endpoint(ADAPTIVE).flowControl().limiter(MODEL);
        assertThat(limiter.requeues()).isEqualTo(1);

        // once only: eight throttles in a row are two full rounds of SDK attempts, and the exchange fails
        emulator.faults().add(Fault.error("ThrottlingException").forOperation("Converse").times(8));
        Exchange failed = template.request("direct:adaptive", e -> e.getMessage().setBody("twice unlucky"));
        assertThat(failed.getException()).isInstanceOf(BedrockThrottlingException.class);
        assertThat(emulator.stats().count("Converse", MODEL)).isEqualTo(5 + 8);
        assertThat(limiter.requeues()).isEqualTo(2);
        assertThat(endpoint(ADAPTIVE).flowControl().inFlight()).isZero();

        // without rate control there is no queue to go back to: four throttles fail the exchange
        emulator.faults().add(Fault.error("ThrottlingException").forOperation("Converse").times(4));
        Exchange none = template.request("direct:none", e -> e.getMessage().setBody("no queue"));
        assertThat(none.getException()).isInstanceOf(BedrockThrottlingException.class);
    }

    // ---- helpers ----

    private BedrockEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, BedrockEndpoint.class);
    }

    record Outcome(AtomicInteger done, AtomicInteger failures) {
    }

    private void sendAllOk(String uri, int threads, int total) throws Exception {
        Outcome out = send(uri, threads, total);
        assertThat(out.failures).hasValue(0);
        assertThat(out.done).hasValue(total);
    }

    private Outcome send(String uri, int threads, int total) throws Exception {
        return send(uri, threads, total, done -> {
        });
    }

    /** {@code threads} callers, each sending one message after the other, until {@code total} were sent. */
    private Outcome send(String uri, int threads, int total, java.util.function.IntConsumer onDone) throws Exception {
        Outcome out = new Outcome(new AtomicInteger(), new AtomicInteger());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        int n = i;
                        Exchange e = template.request(uri, x -> x.getMessage().setBody("record " + n));
                        if (e.getException() != null) {
                            out.failures.incrementAndGet();
                        }
                        onDone.accept(out.done.incrementAndGet());
                    }
                }));
            }
            for (Future<?> s : senders) {
                s.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
