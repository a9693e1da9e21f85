package dev.camelbedrock.component;

import dev.camelbedrock.component.embed.EmbedCoalescer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.error.BedrockModelTimeoutException;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.RecordedRequest;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * embedCoalesceWindow through the SDK to the emulator: single-text exchanges sent at once (from one thread, through the
 * asynchronous producer, so that all are open together) share calls, and each gets the vector of its own text. Every
 * assertion counts; none measures time.
 */
class EmbedCoalesceTest extends BedrockTestSupport {

    static final String COHERE = "cohere.embed-english-v3";
    static final String COHERE_MULTI = "cohere.embed-multilingual-v3";
    /** A window far longer than the sends take: batches are cut by size, and the last one by the window. */
    static final String COALESCED = "bedrock:embed?modelId=" + COHERE + "&embedCoalesceWindow=500ms";

    @BeforeEach
    void clearLog() {
        emulator.clearRequests();
    }

    /** The exchanges sent, in order, and the order in which they completed. */
    record Sent(List<Exchange> exchanges, List<Integer> completionOrder) {

        Exchange get(int i) {
            return exchanges.get(i);
        }
    }

    /** Sends one exchange per body through the endpoint's asynchronous producer, all open at once, and waits for all. */
    private Sent sendAll(String uri, List<?> bodies, BiConsumer<Integer, Exchange> prepare) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        try {
            CountDownLatch done = new CountDownLatch(bodies.size());
            ConcurrentLinkedQueue<Integer> order = new ConcurrentLinkedQueue<>();
            List<Exchange> exchanges = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                Exchange exchange = endpoint.createExchange();
                exchange.getMessage().setBody(bodies.get(i));
                prepare.accept(i, exchange);
                exchanges.add(exchange);
                int index = i;
                producer.process(exchange, doneSync -> {
                    order.add(index);
                    done.countDown();
                });
            }
            assertThat(done.await(2, TimeUnit.MINUTES)).as("every exchange completed").isTrue();
            return new Sent(exchanges, new ArrayList<>(order));
        } finally {
            producer.stop();
        }
    }

    private Sent sendAll(String uri, List<?> bodies) throws Exception {
        return sendAll(uri, bodies, (i, e) -> {
        });
    }

    static List<String> texts(int n, String about) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add("record " + i + " of the stream, about " + about + (i % 3 == 0 ? " and some more words" : ""));
        }
        return texts;
    }

    /** The vectors of the texts as the endpoint without coalescing makes them (a List: checked equal to one by one in EmbedTest). */
    private List<?> reference(String model, List<String> texts) {
        Exchange out = template.request("bedrock:embed?modelId=" + model, e -> e.getMessage().setBody(texts));
        assertThat(out.getException()).isNull();
        return out.getMessage().getBody(List.class);
    }

    private static List<String> textsOf(RecordedRequest request) {
        List<String> texts = new ArrayList<>();
        request.json().get("texts").forEach(t -> texts.add(t.asText()));
        return texts;
    }

    @Test
    void fiveHundredSingleTextsShareAFewCallsAndEachGetsItsOwnVector() throws Exception {
        List<String> texts = texts(500, "camels");
        Sent sent = sendAll(COALESCED, texts);

        long calls = emulator.stats().count("InvokeModel", COHERE);
        assertThat(calls).as("ceil(500 / 96) = 6 calls, give or take a window that ran out early").isBetween(6L, 8L);
        List<RecordedRequest> requests = emulator.requests("InvokeModel");
        assertThat(requests).hasSize((int) calls);

        // every batch is a run of consecutive exchanges, in the order they were sent; together they are all of them once
        List<String> seen = new ArrayList<>();
        Map<String, Integer> batchTokens = new HashMap<>();
        for (RecordedRequest request : requests) {
            List<String> batch = textsOf(request);
            assertThat(batch).hasSizeBetween(1, 96);
            int first = texts.indexOf(batch.get(0));
            assertThat(batch).as("batch in arrival order").isEqualTo(texts.subList(first, first + batch.size()));
            seen.addAll(batch);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(texts);

        List<?> alone = reference(COHERE, texts);
        Map<String, List<Integer>> completedByCall = new HashMap<>();
        int tokenSum = 0;
        for (int i = 0; i < texts.size(); i++) {
            Exchange e = sent.get(i);
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getBody()).as("exchange " + i + " got the vector of its own text").isEqualTo(alone.get(i));
            assertThat(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_DIMENSIONS)).isEqualTo(1024);
            assertThat(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_MODEL)).isEqualTo(COHERE);
            String requestId = e.getMessage().getHeader(BedrockHeaders.REQUEST_ID, String.class);
            RecordedRequest call = requests.stream().filter(r -> r.requestId().equals(requestId)).findFirst().orElseThrow();
            assertThat(textsOf(call)).as("the request id is that of the call that carried the text").contains(texts.get(i));
            assertThat(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_SIZE)).isEqualTo(textsOf(call).size());
            batchTokens.put(requestId, e.getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_INPUT_TOKENS, Integer.class));
            tokenSum += e.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Integer.class);
            completedByCall.computeIfAbsent(requestId, k -> new ArrayList<>());
        }
        assertThat(batchTokens.values()).allSatisfy(t -> assertThat(t).isPositive());
        assertThat(tokenSum).as("the shares add up to what Bedrock counted").isEqualTo(batchTokens.values().stream().mapToInt(t -> t).sum());

        // within a call, the exchanges completed in the order they were sent
        for (int i : sent.completionOrder()) {
            completedByCall.get(sent.get(i).getMessage().getHeader(BedrockHeaders.REQUEST_ID, String.class)).add(i);
        }
        assertThat(completedByCall.values()).allSatisfy(order -> assertThat(order).isSorted());
    }

    @Test
    void aLoneTextIsSentWhenTheWindowEndsAndGetsWhatItWouldAlone() throws Exception {
        Sent sent = sendAll("bedrock:embed?modelId=" + COHERE + "&embedCoalesceWindow=20", List.of("just one record"));
        assertThat(emulator.stats().count("InvokeModel", COHERE)).isEqualTo(1);

        Exchange alone = template.request("bedrock:embed?modelId=" + COHERE, e -> e.getMessage().setBody("just one record"));
        Exchange e = sent.get(0);
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getBody()).isEqualTo(alone.getMessage().getBody());
        assertThat(e.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS))
                .isEqualTo(alone.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS))
                .isEqualTo(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_INPUT_TOKENS));
        assertThat(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_SIZE)).isEqualTo(1);
        assertThat(alone.getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_SIZE)).as("absent when not coalesced").isNull();
    }

    @Test
    void exchangesOfDifferentModelsNeverShareACallAndListsGoAlone() throws Exception {
        List<Object> bodies = new ArrayList<>(texts(40, "rivers"));
        List<String> list = List.of("a list goes", "alone as before");
        bodies.add(17, list);
        Sent sent = sendAll(COALESCED, bodies, (i, e) -> {
            if (i % 2 == 1) {
                e.getMessage().setHeader(BedrockHeaders.MODEL_ID, COHERE_MULTI);
            }
        });

        assertThat(emulator.stats().count("InvokeModel", COHERE)).as("the even texts, then the list (index 17 is odd: multilingual)")
                .isEqualTo(1);
        assertThat(emulator.stats().count("InvokeModel", COHERE_MULTI)).as("the odd texts, and the list alone").isEqualTo(2);
        for (RecordedRequest request : emulator.requests("InvokeModel")) {
            List<String> batch = textsOf(request);
            if (batch.equals(list)) {
                assertThat(request.modelId()).isEqualTo(COHERE_MULTI);
                continue;
            }
            for (String text : batch) {
                int i = bodies.indexOf(text);
                assertThat(request.modelId()).as(text).isEqualTo(i % 2 == 1 ? COHERE_MULTI : COHERE);
            }
        }

        List<String> english = new ArrayList<>();
        List<String> multilingual = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i) instanceof String s) {
                (i % 2 == 1 ? multilingual : english).add(s);
            }
        }
        List<?> englishAlone = reference(COHERE, english);
        List<?> multiAlone = reference(COHERE_MULTI, multilingual);
        for (int i = 0; i < bodies.size(); i++) {
            Exchange e = sent.get(i);
            assertThat(e.getException()).isNull();
            if (i == 17) {
                assertThat(e.getMessage().getBody(List.class)).hasSize(2);
                assertThat(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_SIZE)).isNull();
                continue;
            }
            String text = (String) bodies.get(i);
            Object expected = i % 2 == 1 ? multiAlone.get(multilingual.indexOf(text)) : englishAlone.get(english.indexOf(text));
            assertThat(e.getMessage().getBody()).as("exchange " + i).isEqualTo(expected);
            assertThat(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_MODEL)).isEqualTo(i % 2 == 1 ? COHERE_MULTI : COHERE);
        }
    }

    @Test
    void aFailedCallFailsEachOfItsExchangesWithTheTypedException() throws Exception {
        emulator.inject(Fault.error("ModelTimeoutException").forOperation("InvokeModel").times(1));
        Sent sent = sendAll("bedrock:embed?modelId=" + COHERE + "&embedCoalesceWindow=1s&embedCoalesceMaxBatch=10", texts(20, "owls"));

        assertThat(emulator.stats().count("InvokeModel", COHERE)).as("two calls of 10").isEqualTo(2);
        List<Exchange> failed = sent.exchanges().stream().filter(e -> e.getException() != null).toList();
        assertThat(failed).as("the 10 exchanges of the failed call").hasSize(10);
        assertThat(failed).allSatisfy(e -> {
            assertThat(e.getException()).isInstanceOf(BedrockModelTimeoutException.class);
            BedrockModelTimeoutException t = (BedrockModelTimeoutException) e.getException();
            assertThat(t.getModelId()).isEqualTo(COHERE);
            assertThat(t.getMessage()).startsWith("embed on model " + COHERE);
        });
        assertThat(sent.exchanges()).filteredOn(e -> e.getException() == null).hasSize(10)
                .allSatisfy(e -> assertThat(e.getMessage().getBody(List.class)).hasSize(1024));
    }

    @Test
    void offByDefaultEachTextIsItsOwnCall() throws Exception {
        Sent sent = sendAll("bedrock:embed?modelId=" + COHERE, texts(30, "foxes"));
        assertThat(emulator.stats().count("InvokeModel", COHERE)).isEqualTo(30);
        assertThat(sent.exchanges()).allSatisfy(e -> {
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_SIZE)).isNull();
        });
    }

    @Test
    void aBatchTakesOneInFlightSlot() throws Exception {
        Sent sent = sendAll("bedrock:embed?modelId=" + COHERE + "&embedCoalesceWindow=1s&embedCoalesceMaxBatch=10&maxInFlight=1",
                texts(200, "herons"));
        assertThat(sent.exchanges()).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(emulator.stats().count("InvokeModel", COHERE)).isEqualTo(20);
        assertThat(emulator.stats().maxInFlight()).as("one call open at a time, each carrying 10 exchanges").isEqualTo(1);
    }

    @Test
    void aTitanModelTakesOneTextPerCallSoNothingWaits() throws Exception {
        Sent sent = sendAll("bedrock:embed?modelId=amazon.titan-embed-text-v2:0&embedCoalesceWindow=1m", texts(5, "stoats"));
        assertThat(emulator.stats().count("InvokeModel")).isEqualTo(5);
        assertThat(sent.exchanges()).allSatisfy(e -> {
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_SIZE)).isEqualTo(1);
        });
    }

    @Test
    void badInputFailsAloneBeforeItIsQueued() throws Exception {
        List<String> bodies = new ArrayList<>(texts(4, "badgers"));
        bodies.add(2, "   ");
        Sent sent = sendAll("bedrock:embed?modelId=" + COHERE + "&embedCoalesceWindow=1m&embedCoalesceMaxBatch=4", bodies);
        assertThat(sent.get(2).getException()).isInstanceOf(BedrockInputException.class).hasMessageContaining("blank");
        assertThat(sent.completionOrder().get(0)).as("refused at once, before the others were sent").isEqualTo(2);
        assertThat(emulator.requests("InvokeModel")).singleElement().satisfies(r -> assertThat(textsOf(r)).hasSize(4));
    }

    @Test
    void stoppingTheEndpointFailsWhatIsStillQueued() throws Exception {
        String uri = "bedrock:embed?modelId=" + COHERE + "&embedCoalesceWindow=10m";
        BedrockEndpoint endpoint = context.getEndpoint(uri, BedrockEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        CountDownLatch done = new CountDownLatch(3);
        List<Exchange> exchanges = new ArrayList<>();
        for (String text : texts(3, "hares")) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(text);
            exchanges.add(exchange);
            producer.process(exchange, doneSync -> done.countDown());
        }
        assertThat(endpoint.shared(EmbedCoalescer.class, () -> {
            throw new AssertionError("the embed handler made no coalescer");
        }).queued()).isEqualTo(3);

        endpoint.stop();

        assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("stopped").hasMessageContaining("embedCoalesceWindow"));
        assertThat(emulator.stats().total()).isZero();
        producer.stop();
    }

    @Test
    void theCallCarriesTheEndpointsEmbedOptions() throws Exception {
        Sent sent = sendAll("bedrock:embed?modelId=" + COHERE + "&embedCoalesceWindow=1s&embedCoalesceMaxBatch=3"
                + "&embeddingInputType=search_query&embeddingTypes=int8", texts(3, "query"));
        JsonNode request = emulator.lastRequest("InvokeModel").orElseThrow().json();
        assertThat(request.get("input_type").asText()).isEqualTo("search_query");
        assertThat(request.get("texts")).hasSize(3);
        assertThat(sent.exchanges()).allSatisfy(e -> {
            assertThat(e.getException()).isNull();
            Map<?, ?> byType = e.getMessage().getHeader(BedrockHeaders.EMBEDDINGS_BY_TYPE, Map.class);
            assertThat((List<?>) byType.get("int8")).as("one int8 vector, shaped like the body").hasSize(1024);
        });
    }
}
