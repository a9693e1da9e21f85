package dev.camelbedrock.component;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** embed through the SDK to the emulator: types in and out, order, batching, concurrency, dimensions, images. */
class EmbedTest extends BedrockTestSupport {

    static final String TITAN_V2 = "amazon.titan-embed-text-v2:0";
    static final String COHERE_V3 = "cohere.embed-english-v3";

    private Exchange embed(String uri, Object body) {
        Exchange out = template.request(uri, e -> e.getMessage().setBody(body));
        assertThat(out.getException()).isNull();
        return out;
    }

    static List<String> texts(int n) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.add("document number " + i + " about " + (i % 2 == 0 ? "camels" : "rivers"));
        }
        return texts;
    }

    @Test
    void aStringGivesOneVectorAndTheHeaders() {
        Exchange out = embed("bedrock:embed?modelId=" + TITAN_V2, "The quick brown fox");
        List<?> vector = out.getMessage().getBody(List.class);
        assertThat(vector).hasSize(1024).allSatisfy(v -> assertThat(v).isInstanceOf(Float.class));
        assertThat(out.getMessage().getHeader(BedrockHeaders.EMBEDDING_DIMENSIONS)).isEqualTo(1024);
        assertThat(out.getMessage().getHeader(BedrockHeaders.EMBEDDING_MODEL)).isEqualTo(TITAN_V2);
        assertThat(out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Integer.class)).isPositive();
    }

    @Test
    void aReplyThatIsNotJsonIsARetryableClientException() {
        emulator.faults().add(dev.camelbedrock.emulator.Fault.malformed().forOperation("InvokeModel"));
        Exchange out = template.request("bedrock:embed?modelId=" + COHERE_V3, e -> e.getMessage().setBody("garbled"));
        assertThat(out.getException()).isInstanceOf(dev.camelbedrock.component.error.BedrockClientException.class)
                .hasMessageContaining("embed").hasMessageContaining(COHERE_V3).hasMessageContaining("not JSON");
        assertThat(((dev.camelbedrock.component.error.BedrockException) out.getException()).isRetryable()).isTrue();
    }

    @Test
    void aListGivesOneVectorPerTextInInputOrderWithOneCallPerTextForTitan() {
        List<String> texts = texts(6);
        Exchange out = embed("bedrock:embed?modelId=" + TITAN_V2 + "&dimensions=256", texts);
        List<?> vectors = out.getMessage().getBody(List.class);
        assertThat(vectors).hasSize(6);
        assertThat(emulator.stats().count("InvokeModel", TITAN_V2)).isEqualTo(6);
        for (int i : new int[] { 0, 3, 5 }) {
            List<?> alone = embed("bedrock:embed?modelId=" + TITAN_V2 + "&dimensions=256", texts.get(i)).getMessage().getBody(List.class);
            assertThat(vectors.get(i)).as("vector " + i + " belongs to text " + i).isEqualTo(alone);
        }
        assertThat(emulator.lastRequest("InvokeModel").orElseThrow().json().get("dimensions").asInt()).isEqualTo(256);
        assertThat((List<?>) vectors.get(0)).hasSize(256);
    }

    @Test
    void cohereListsLongerThan96AreSplitAndJoinedInOrder() {
        emulator.clearRequests();
        List<String> texts = texts(200);
        Exchange out = embed("bedrock:embed?modelId=" + COHERE_V3, texts);
        List<?> vectors = out.getMessage().getBody(List.class);
        assertThat(vectors).hasSize(200);
        assertThat(emulator.stats().count("InvokeModel", COHERE_V3)).as("96 + 96 + 8").isEqualTo(3);
        List<Integer> batchSizes = emulator.requests("InvokeModel").stream().map(r -> r.json().get("texts").size()).sorted().toList();
        assertThat(batchSizes).containsExactly(8, 96, 96);
        for (int i : new int[] { 0, 95, 96, 199 }) {
            List<?> alone = embed("bedrock:embed?modelId=" + COHERE_V3, texts.get(i)).getMessage().getBody(List.class);
            assertThat(vectors.get(i)).as("vector " + i).isEqualTo(alone);
        }
    }

    @Test
    void titanCallsRunConcurrentlyWithinTheBound() {
        emulator.latency(Duration.ofMillis(300));
        try {
            long t0 = System.nanoTime();
            embed("bedrock:embed?modelId=" + TITAN_V2 + "&embedConcurrency=2", texts(6));
            long bounded = (System.nanoTime() - t0) / 1_000_000;
            assertThat(bounded).as("6 calls, 2 at a time, 300 ms each").isGreaterThanOrEqualTo(900);

            t0 = System.nanoTime();
            embed("bedrock:embed?modelId=" + TITAN_V2 + "&embedConcurrency=6", texts(6));
            long wide = (System.nanoTime() - t0) / 1_000_000;
            assertThat(wide).as("6 calls at once take far less than 6 x 300 ms").isLessThan(1500);
        } finally {
            emulator.latency(Duration.ZERO);
        }
    }

    @Test
    void cohereExtraEmbeddingTypesGoToAHeader() {
        Exchange out = embed("bedrock:embed?modelId=" + COHERE_V3 + "&embeddingTypes=int8&embeddingInputType=search_query", List.of("a", "b"));
        @SuppressWarnings("unchecked")
        Map<String, List<?>> byType = out.getMessage().getHeader(BedrockHeaders.EMBEDDINGS_BY_TYPE, Map.class);
        assertThat(byType.get("int8")).hasSize(2);
        assertThat(emulator.lastRequest("InvokeModel").orElseThrow().json().get("input_type").asText()).isEqualTo("search_query");
    }

    @Test
    void imageBytesEmbedWithAMultimodalModel() throws Exception {
        Exchange out = embed("bedrock:embed?modelId=amazon.titan-embed-image-v1&dimensions=384", png(64, 64));
        assertThat(out.getMessage().getBody(List.class)).hasSize(384);
        assertThat(emulator.lastRequest("InvokeModel").orElseThrow().json().has("inputImage")).isTrue();
    }

    @Test
    void cohereV4TakesAnOutputDimensionAndImages() throws Exception {
        Exchange out = embed("bedrock:embed?modelId=cohere.embed-v4:0&dimensions=512", png(32, 32));
        assertThat(out.getMessage().getBody(List.class)).hasSize(512);
        var sent = emulator.lastRequest("InvokeModel").orElseThrow().json();
        assertThat(sent.get("output_dimension").asInt()).isEqualTo(512);
        assertThat(sent.at("/images/0").asText()).startsWith("data:image/png;base64,");
    }

    @Test
    void aFixedSizeModelAcceptsItsOneSizeWithoutSendingIt() {
        Exchange out = embed("bedrock:embed?modelId=amazon.titan-embed-text-v1&dimensions=1536", "G1 has one size");
        assertThat(out.getMessage().getBody(List.class)).hasSize(1536);
        assertThat(emulator.lastRequest("InvokeModel").orElseThrow().json().has("dimensions")).isFalse();
    }

    static byte[] png(int w, int h) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", png);
        return png.toByteArray();
    }

    @Test
    void novaMultimodalEmbeddings() {
        Exchange out = embed("bedrock:embed?modelId=amazon.nova-2-multimodal-embeddings-v1:0&dimensions=1024", "hello");
        assertThat(out.getMessage().getBody(List.class)).hasSize(1024);
    }
}
