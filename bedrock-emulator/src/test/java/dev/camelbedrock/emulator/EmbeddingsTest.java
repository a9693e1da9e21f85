package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

/** Embedding models through the real SDK: shapes, dimensions, determinism, similarity, limits. */
class EmbeddingsTest {

    static final String CAT = "The cat sat on the mat";
    static final String CAT2 = "A cat sat on a mat";
    static final String MONEY = "Quarterly revenue grew by ten percent";

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().build().start();
        client = Sdk.runtimeH2(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    static double[] vec(JsonNode arr) {
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).asDouble();
        }
        return v;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    static double[] titanV2(String text) {
        return vec(Invoke.invoke(client, "amazon.titan-embed-text-v2:0",
                Invoke.MAPPER.createObjectNode().put("inputText", text)).json.get("embedding"));
    }

    static String error(String modelId, String body) {
        Throwable t = catchThrowable(() -> Invoke.invoke(client, modelId, body));
        assertThat(t).isInstanceOf(ValidationException.class);
        return ((ValidationException) t).awsErrorDetails().errorMessage();
    }

    @Test
    void sameTextSameVectorSimilarTextsCloserThanUnrelated() {
        double[] a = titanV2(CAT);
        assertThat(titanV2(CAT)).containsExactly(a);
        assertThat(norm(a)).isCloseTo(1.0, within(1e-5));
        double similar = cosine(a, titanV2(CAT2));
        double unrelated = cosine(a, titanV2(MONEY));
        assertThat(similar).isGreaterThan(0.4);
        assertThat(Math.abs(unrelated)).isLessThan(0.2);
        assertThat(similar).isGreaterThan(unrelated + 0.3);
        // stems: shared character trigrams bring inflected forms together
        assertThat(cosine(titanV2("running quickly"), titanV2("runner quick")))
                .isGreaterThan(cosine(titanV2("running quickly"), titanV2("blue ocean")));
    }

    @Test
    void titanG1TextHas1536Dimensions() {
        Invoke.Answer a = Invoke.invoke(client, "amazon.titan-embed-text-v1", "{\"inputText\":\"hello world\"}");
        assertThat(a.json.get("embedding")).hasSize(1536);
        assertThat(a.json.get("inputTextTokenCount").asInt()).isEqualTo(3);
        assertThat(a.header("X-Amzn-Bedrock-Input-Token-Count")).isEqualTo("3");
        assertThat(error("amazon.titan-embed-text-v1", "{\"inputText\":\"x\",\"dimensions\":256}"))
                .contains("extraneous key [dimensions] is not permitted");
        assertThat(error("amazon.titan-embed-text-v1", "{\"text\":\"x\"}")).contains("extraneous key [text]");
    }

    @Test
    void titanV2DimensionsNormalizeAndTypes() {
        for (int dim : new int[] {256, 512, 1024}) {
            JsonNode r = Invoke.invoke(client, "amazon.titan-embed-text-v2:0",
                    "{\"inputText\":\"dimensions\",\"dimensions\":" + dim + "}").json;
            assertThat(r.get("embedding")).hasSize(dim);
            assertThat(r.at("/embeddingsByType/float")).hasSize(dim);
        }
        assertThat(Invoke.invoke(client, "amazon.titan-embed-text-v2:0", "{\"inputText\":\"default\"}").json
                .get("embedding")).hasSize(1024);
        assertThat(error("amazon.titan-embed-text-v2:0", "{\"inputText\":\"x\",\"dimensions\":300}"))
                .isEqualTo("Malformed input request: #/dimensions: 300 is not a valid enum value, please reformat "
                        + "your input and try again.");
        JsonNode both = Invoke.invoke(client, "amazon.titan-embed-text-v2:0",
                "{\"inputText\":\"" + CAT + "\",\"dimensions\":256,\"embeddingTypes\":[\"float\",\"binary\"]}").json;
        double[] f = vec(both.at("/embeddingsByType/float"));
        JsonNode bits = both.at("/embeddingsByType/binary");
        assertThat(bits).hasSize(256);
        for (int i = 0; i < 256; i++) {
            assertThat(bits.get(i).asInt()).isEqualTo(f[i] > 0 ? 1 : 0);
        }
        JsonNode onlyBinary = Invoke.invoke(client, "amazon.titan-embed-text-v2:0",
                "{\"inputText\":\"x\",\"embeddingTypes\":[\"binary\"]}").json;
        assertThat(onlyBinary.get("embeddingsByType").has("float")).isFalse();
        double[] raw = vec(Invoke.invoke(client, "amazon.titan-embed-text-v2:0",
                "{\"inputText\":\"" + CAT + "\",\"normalize\":false}").json.get("embedding"));
        assertThat(norm(raw)).isGreaterThan(1.5);
        assertThat(cosine(raw, titanV2(CAT))).isCloseTo(1.0, within(1e-5));
        assertThat(error("amazon.titan-embed-text-v2:0", "{\"inputText\":\"x\",\"embeddingTypes\":[\"int8\"]}"))
                .contains("#/embeddingTypes/0: int8 is not a valid enum value");
        assertThat(error("amazon.titan-embed-text-v2:0", "{\"inputText\":\"\"}"))
                .contains("#/inputText: expected minLength: 1, actual: 0");
        assertThat(error("amazon.titan-embed-text-v2:0", "{\"dimensions\":256}")).contains("required key [inputText]");
    }

    @Test
    void titanMultimodalTextImageAndLength() {
        String img = Base64.getEncoder().encodeToString("not really a png but bytes".getBytes());
        JsonNode t = Invoke.invoke(client, "amazon.titan-embed-image-v1", "{\"inputText\":\"a red car\"}").json;
        assertThat(t.get("embedding")).hasSize(1024);
        assertThat(t.get("message").isNull()).isTrue();
        JsonNode i = Invoke.invoke(client, "amazon.titan-embed-image-v1", "{\"inputImage\":\"" + img
                + "\",\"embeddingConfig\":{\"outputEmbeddingLength\":384}}").json;
        assertThat(i.get("embedding")).hasSize(384);
        assertThat(i.get("inputTextTokenCount").asInt()).isZero();
        JsonNode both = Invoke.invoke(client, "amazon.titan-embed-image-v1", "{\"inputText\":\"a red car\",\"inputImage\":\""
                + img + "\",\"embeddingConfig\":{\"outputEmbeddingLength\":256}}").json;
        assertThat(both.get("embedding")).hasSize(256);
        assertThat(error("amazon.titan-embed-image-v1", "{\"embeddingConfig\":{\"outputEmbeddingLength\":256}}"))
                .contains("at least one of [inputText, inputImage]");
        assertThat(error("amazon.titan-embed-image-v1", "{\"inputText\":\"x\",\"embeddingConfig\":{\"outputEmbeddingLength\":512}}"))
                .contains("#/embeddingConfig/outputEmbeddingLength: 512 is not a valid enum value");
        assertThat(error("amazon.titan-embed-image-v1", "{\"inputImage\":\"@@not base64@@\"}")).contains("#/inputImage");
    }

    @Test
    void cohereV3BatchTypesAndLimits() {
        JsonNode r = Invoke.invoke(client, "cohere.embed-english-v3",
                "{\"texts\":[\"" + CAT + "\",\"" + CAT2 + "\",\"" + MONEY + "\"],\"input_type\":\"search_document\"}").json;
        assertThat(r.get("response_type").asText()).isEqualTo("embeddings_floats");
        assertThat(r.get("embeddings")).hasSize(3);
        assertThat(r.at("/embeddings/0")).hasSize(1024);
        assertThat(r.get("texts")).hasSize(3);
        assertThat(cosine(vec(r.at("/embeddings/0")), vec(r.at("/embeddings/1"))))
                .isGreaterThan(cosine(vec(r.at("/embeddings/0")), vec(r.at("/embeddings/2"))));
        JsonNode typed = Invoke.invoke(client, "cohere.embed-multilingual-v3", "{\"texts\":[\"hola mundo\"],"
                + "\"input_type\":\"search_query\",\"embedding_types\":[\"float\",\"int8\",\"uint8\",\"binary\",\"ubinary\"]}").json;
        assertThat(typed.get("response_type").asText()).isEqualTo("embeddings_by_type");
        assertThat(typed.at("/embeddings/float/0")).hasSize(1024);
        assertThat(typed.at("/embeddings/int8/0")).hasSize(1024)
                .allSatisfy(x -> assertThat(x.asInt()).isBetween(-128, 127));
        assertThat(typed.at("/embeddings/uint8/0")).allSatisfy(x -> assertThat(x.asInt()).isBetween(0, 255));
        assertThat(typed.at("/embeddings/binary/0")).hasSize(128)
                .allSatisfy(x -> assertThat(x.asInt()).isBetween(-128, 127));
        assertThat(typed.at("/embeddings/ubinary/0")).hasSize(128)
                .allSatisfy(x -> assertThat(x.asInt()).isBetween(0, 255));

        String ninetySeven = IntStream.range(0, 97).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
        assertThat(error("cohere.embed-english-v3", "{\"texts\":[" + ninetySeven + "],\"input_type\":\"clustering\"}"))
                .contains("#/texts: expected maximum item count: 96, found: 97");
        String ninetySix = IntStream.range(0, 96).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
        assertThat(Invoke.invoke(client, "cohere.embed-english-v3", "{\"texts\":[" + ninetySix
                + "],\"input_type\":\"clustering\"}").json.get("embeddings")).hasSize(96);
        assertThat(error("cohere.embed-english-v3", "{\"texts\":[\"x\"]}")).contains("required key [input_type] not found");
        assertThat(error("cohere.embed-english-v3", "{\"texts\":[\"x\"],\"input_type\":\"poetry\"}"))
                .contains("#/input_type: poetry is not a valid enum value");
        String longText = "word ".repeat(500);
        assertThat(error("cohere.embed-english-v3", "{\"texts\":[\"" + longText + "\"],\"input_type\":\"classification\"}"))
                .contains("#/texts/0: expected maxLength: 2048");
        assertThat(Invoke.invoke(client, "cohere.embed-english-v3", "{\"texts\":[\"" + longText
                + "\"],\"input_type\":\"classification\",\"truncate\":\"END\"}").json.get("embeddings")).hasSize(1);
    }

    @Test
    void cohereV4OutputDimensionImagesAndInputs() {
        JsonNode d = Invoke.invoke(client, "cohere.embed-v4:0", "{\"texts\":[\"a\",\"b\"],\"input_type\":\"search_document\"}").json;
        assertThat(d.get("response_type").asText()).isEqualTo("embeddings_by_type");
        assertThat(d.at("/embeddings/float")).hasSize(2);
        assertThat(d.at("/embeddings/float/0")).hasSize(1536);
        for (int dim : new int[] {256, 512, 1024, 1536}) {
            assertThat(Invoke.invoke(client, "us.cohere.embed-v4:0", "{\"texts\":[\"x\"],\"input_type\":\"search_query\","
                    + "\"output_dimension\":" + dim + "}").json.at("/embeddings/float/0")).hasSize(dim);
        }
        assertThat(error("cohere.embed-v4:0", "{\"texts\":[\"x\"],\"input_type\":\"search_query\",\"output_dimension\":300}"))
                .contains("#/output_dimension: 300 is not a valid enum value");
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5});
        assertThat(Invoke.invoke(client, "cohere.embed-v4:0", "{\"images\":[\"" + uri + "\"],\"input_type\":\"search_document\","
                + "\"embedding_types\":[\"int8\"],\"output_dimension\":256}").json.at("/embeddings/int8/0")).hasSize(256);
        JsonNode mixed = Invoke.invoke(client, "cohere.embed-v4:0", "{\"inputs\":[{\"content\":[{\"type\":\"text\","
                + "\"text\":\"page one\"},{\"type\":\"image_url\",\"image_url\":\"" + uri + "\"}]}],\"input_type\":\"search_document\"}").json;
        assertThat(mixed.at("/embeddings/float")).hasSize(1);
        assertThat(error("cohere.embed-v4:0", "{\"images\":[\"http://x/y.png\"],\"input_type\":\"search_document\"}"))
                .contains("#/images/0: is not a valid data URI");
    }

    @Test
    void novaMultimodalEmbeddings() {
        for (int dim : new int[] {256, 384, 1024, 3072}) {
            JsonNode r = Invoke.invoke(client, "amazon.nova-2-multimodal-embeddings-v1:0", "{\"schemaVersion\":"
                    + "\"nova-multimodal-embed-v1\",\"taskType\":\"SINGLE_EMBEDDING\",\"singleEmbeddingParams\":{"
                    + "\"embeddingPurpose\":\"GENERIC_INDEX\",\"embeddingDimension\":" + dim + ",\"text\":{"
                    + "\"truncationMode\":\"END\",\"value\":\"" + CAT + "\"}}}").json;
            assertThat(r.at("/embeddings/0/embeddingType").asText()).isEqualTo("TEXT");
            assertThat(r.at("/embeddings/0/embedding")).hasSize(dim);
        }
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        JsonNode img = Invoke.invoke(client, "amazon.nova-2-multimodal-embeddings-v1:0", "{\"taskType\":\"SINGLE_EMBEDDING\","
                + "\"singleEmbeddingParams\":{\"embeddingDimension\":384,\"image\":{\"format\":\"png\",\"source\":"
                + "{\"bytes\":\"" + png + "\"}}}}").json;
        assertThat(img.at("/embeddings/0/embeddingType").asText()).isEqualTo("IMAGE");
        assertThat(img.at("/embeddings/0/embedding")).hasSize(384);
        assertThat(error("amazon.nova-2-multimodal-embeddings-v1:0", "{\"taskType\":\"SINGLE_EMBEDDING\","
                + "\"singleEmbeddingParams\":{\"embeddingDimension\":512,\"text\":{\"truncationMode\":\"END\",\"value\":\"x\"}}}"))
                .contains("#/singleEmbeddingParams/embeddingDimension: 512 is not a valid enum value");
        assertThat(error("amazon.nova-2-multimodal-embeddings-v1:0", "{\"taskType\":\"SINGLE_EMBEDDING\","
                + "\"singleEmbeddingParams\":{\"text\":{\"value\":\"x\"}}}"))
                .contains("#/singleEmbeddingParams/text: required key [truncationMode] not found");
        assertThat(error("amazon.nova-2-multimodal-embeddings-v1:0", "{\"singleEmbeddingParams\":{}}"))
                .contains("required key [taskType]");
    }

    @Test
    void rerankOrdersDocumentsByRelevance() {
        JsonNode r = Invoke.invoke(client, "cohere.rerank-v3-5:0", "{\"query\":\"cat on a mat\",\"documents\":[\""
                + MONEY + "\",\"" + CAT + "\",\"dogs bark\"],\"top_n\":2,\"api_version\":2}").json;
        assertThat(r.get("results")).hasSize(2);
        assertThat(r.at("/results/0/index").asInt()).isEqualTo(1);
        assertThat(r.at("/results/0/relevance_score").asDouble())
                .isGreaterThan(r.at("/results/1/relevance_score").asDouble());
    }
}
