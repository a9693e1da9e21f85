package dev.camelbedrock.component;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.knowledge.BedrockRetrievalResult;
import dev.camelbedrock.emulator.BedrockEmulator;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.json.Json;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * retrieve follows nextToken until numberOfResults are gathered. The emulator's own knowledge bases answer in one page,
 * so this test replaces its Retrieve route with a double that pages (two results a page, seven in all): what is tested
 * is the component's chaining, through the real SDK.
 */
class RetrievePagingTest extends BedrockTestSupport {

    /** Two results a page out of seven, numbered from the nextToken. */
    static final class PagingRetrieve implements Operation {
        @Override
        public String name() {
            return "Retrieve";
        }

        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String path() {
            return "/knowledgebases/{knowledgeBaseId}/retrieve";
        }

        @Override
        public Service service() {
            return Service.AGENT_RUNTIME;
        }

        @Override
        public void handle(Exchange ex) {
            JsonNode request = ex.json();
            int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
            ObjectNode body = Json.object();
            ArrayNode results = body.putArray("retrievalResults");
            for (int i = from; i < Math.min(from + 2, 7); i++) {
                ObjectNode r = results.addObject();
                r.putObject("content").put("type", "TEXT").put("text", "chunk " + i);
                r.putObject("location").put("type", "S3").putObject("s3Location").put("uri", "s3://kb/doc" + i + ".md");
                r.put("score", 1.0 - i / 10.0);
            }
            if (from + 2 < 7) {
                body.put("nextToken", String.valueOf(from + 2));
            }
            body.put("guardrailAction", "NONE");
            ex.sendJson(200, body);
        }
    }

    @BeforeAll
    static void startEmulator() {
        emulator = BedrockEmulator.builder().port(0).operation(new PagingRetrieve()).build().start();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:five").to("bedrock:retrieve?knowledgeBaseId=KBPAGING01&numberOfResults=5");
                from("direct:all").to("bedrock:retrieve?knowledgeBaseId=KBPAGING01&numberOfResults=100");
                from("direct:default").to("bedrock:retrieve?knowledgeBaseId=KBPAGING01");
            }
        };
    }

    @Test
    void followsPagesUntilEnoughAndCutsTheSurplus() {
        List<BedrockRetrievalResult> five = template.requestBody("direct:five", "chunks", List.class);
        assertThat(five).extracting(BedrockRetrievalResult::text).containsExactly("chunk 0", "chunk 1", "chunk 2", "chunk 3", "chunk 4");
        assertThat(emulator.stats().count("Retrieve")).isEqualTo(3);
        assertThat(emulator.requests("Retrieve")).extracting(r -> r.json().path("nextToken").asText(null))
                .containsExactly(null, "2", "4");
    }

    @Test
    void stopsWhenThereAreNoMorePages() {
        List<BedrockRetrievalResult> all = template.requestBody("direct:all", "chunks", List.class);
        assertThat(all).hasSize(7);
        assertThat(all.get(6).uri()).isEqualTo("s3://kb/doc6.md");
        assertThat(emulator.stats().count("Retrieve")).isEqualTo(4);
    }

    @Test
    void withoutNumberOfResultsOnePageIsTheAnswer() {
        assertThat(template.requestBody("direct:default", "chunks", List.class)).hasSize(2);
        assertThat(emulator.stats().count("Retrieve")).isEqualTo(1);
    }
}
