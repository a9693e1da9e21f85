package dev.camelbedrock.component.rerank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.error.BedrockValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** rerank through the SDK against the emulator's reranker (the similarity of its feature-hashing embeddings). */
class RerankTest extends BedrockTestSupport {

    @BeforeEach
    void forgetRequests() {
        emulator.clearRequests();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rerank").to("bedrock:rerank?rerankingModelId=amazon.rerank-v1:0");
                from("direct:notReranker").to("bedrock:rerank?rerankingModelId=" + MODEL);
                from("direct:best2").to("bedrock:rerank?rerankingModelId=cohere.rerank-v3-5:0&numberOfRerankedResults=2");
            }
        };
    }

    private Exchange rerank(String uri, String query, Object documents) {
        return template.request(uri, e -> {
            e.getMessage().setBody(documents);
            e.getMessage().setHeader(BedrockHeaders.RERANK_QUERY, query);
        });
    }

    @Test
    void documentsComeBackBestFirstWithTheirIndexAndTheElementSent() {
        Map<String, Object> json = Map.of("title", "Refund policy", "body", "refunds are paid within five days of a return");
        List<Object> docs = List.of("The cafeteria opens at eight.", json, "Our refund policy: refunds within five days.");
        Exchange out = rerank("direct:rerank", "refund policy refunds days", docs);

        assertThat(out.getException()).isNull();
        List<BedrockRerankResult> ranked = out.getMessage().getBody(List.class);
        assertThat(ranked).hasSize(3);
        assertThat(ranked.get(2).index()).as("the cafeteria is least relevant").isZero();
        assertThat(ranked.get(2).document()).isEqualTo("The cafeteria opens at eight.");
        assertThat(ranked).extracting(BedrockRerankResult::score).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(2).score());
        assertThat(ranked).extracting(BedrockRerankResult::document).contains(json);
        var sent = emulator.requests("Rerank").get(0).json();
        assertThat(sent.at("/sources/1/inlineDocumentSource/type").asText()).isEqualTo("JSON");
        assertThat(sent.at("/rerankingConfiguration/bedrockRerankingConfiguration/modelConfiguration/modelArn").asText())
                .isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0");
    }

    @Test
    void numberOfRerankedResultsKeepsTheBest() {
        Exchange out = rerank("direct:best2", "kafka streams", List.of("kafka streams and topics", "bread", "streams of kafka"));

        List<BedrockRerankResult> ranked = out.getMessage().getBody(List.class);
        assertThat(ranked).extracting(BedrockRerankResult::index).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void aModelThatIsNoRerankerIsRefusedByTheService() {
        Exchange out = rerank("direct:notReranker", "q", List.of("a"));

        assertThat(out.getException()).isInstanceOf(BedrockValidationException.class).hasMessageContaining(MODEL)
                .hasMessageContaining("not a reranker model");
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        List<String> tooMany = new ArrayList<>(Collections.nCopies(1001, "doc"));
        Exchange empty = rerank("direct:rerank", "q", List.of());
        Exchange many = rerank("direct:rerank", "q", tooMany);
        Exchange noQuery = rerank("direct:rerank", null, List.of("a"));
        Exchange notAList = rerank("direct:rerank", "q", "just one text");
        Exchange badElement = rerank("direct:rerank", "q", List.of("a", 42));

        assertThat(empty.getException()).isInstanceOf(BedrockInputException.class).hasMessageContaining("0 documents")
                .hasMessageContaining("1 to 1000");
        assertThat(many.getException()).isInstanceOf(BedrockInputException.class).hasMessageContaining("1001 documents");
        assertThat(noQuery.getException()).isInstanceOf(BedrockInputException.class)
                .hasMessageContaining(BedrockHeaders.RERANK_QUERY + " is missing");
        assertThat(notAList.getException()).isInstanceOf(BedrockInputException.class).hasMessageContaining("java.lang.String")
                .hasMessageContaining("List of documents");
        assertThat(badElement.getException()).isInstanceOf(BedrockInputException.class)
                .hasMessageContaining("document 1 is a java.lang.Integer");
        assertThat(emulator.requests("Rerank")).isEmpty();
    }
}
