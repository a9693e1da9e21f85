package dev.camelbedrock.component.observe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.component.cost.CallUsage;
import dev.camelbedrock.component.cost.CostEstimates;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CamelBedrockEstimatedCostUsd header against prices worked out by hand from the catalog's list prices (USD per
 * 1,000 tokens) and the usage headers of the same exchange.
 */
class CostHeaderTest extends BedrockTestSupport {

    /** Claude 3 Haiku: 0.00025 in, 0.00125 out; no cache prices in the catalog. */
    private static final String HAIKU = MODEL;
    /** Claude 3.7 Sonnet (through its US profile): 0.003 in, 0.015 out, 0.0003 cache read, 0.00375 cache write. */
    private static final String SONNET = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";
    /** Titan Text Embeddings V2: 0.00002 in. */
    private static final String TITAN_EMBED = "amazon.titan-embed-text-v2:0";
    /** Cohere Embed English v3: 0.0001 in; takes several texts per call. */
    private static final String COHERE_EMBED = "cohere.embed-english-v3";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:haiku").to("bedrock:converse?modelId=" + HAIKU);
                from("direct:haikuCached").to("bedrock:converse?modelId=" + HAIKU
                                              + "&systemPrompt=Stable instructions for haiku&promptCachePoints=system");
                from("direct:sonnetCached").to("bedrock:converse?modelId=" + SONNET
                                               + "&systemPrompt=Stable instructions for sonnet&promptCachePoints=system");
                from("direct:stream").to("bedrock:converseStream?modelId=" + HAIKU)
                        .split(body()).streaming().log("${body}").end();
                from("direct:embed").to("bedrock:embed?modelId=" + TITAN_EMBED);
                from("direct:coalesced").to("bedrock:embed?modelId=" + COHERE_EMBED + "&embedCoalesceWindow=200");
            }
        };
    }

    private static long tokens(Exchange out, String header) {
        Number n = out.getMessage().getHeader(header, Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static BigDecimal cost(Exchange out) {
        return out.getMessage().getHeader(BedrockHeaders.ESTIMATED_COST_USD, BigDecimal.class);
    }

    private static BigDecimal at(String per1k, long tokens) {
        return new BigDecimal(per1k).multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1000));
    }

    @Test
    void inputAndOutputTokensAtTheirPrices() {
        Exchange out = template.request("direct:haiku", e -> e.getMessage().setBody("What does a haiku cost?"));
        assertThat(out.getException()).isNull();
        long in = tokens(out, BedrockHeaders.INPUT_TOKENS);
        long outTokens = tokens(out, BedrockHeaders.OUTPUT_TOKENS);
        assertThat(in).isPositive();
        assertThat(outTokens).isPositive();
        assertThat(cost(out)).isEqualByComparingTo(at("0.00025", in).add(at("0.00125", outTokens)));
    }

    @Test
    void cacheWritesThenCacheReadsAtTheirOwnPrices() {
        Exchange first = template.request("direct:sonnetCached", e -> e.getMessage().setBody("First question"));
        assertThat(first.getException()).isNull();
        long written = tokens(first, BedrockHeaders.CACHE_WRITE_INPUT_TOKENS);
        assertThat(written).as("cache-write tokens of the first call").isPositive();
        assertThat(cost(first)).isEqualByComparingTo(at("0.003", tokens(first, BedrockHeaders.INPUT_TOKENS))
                .add(at("0.015", tokens(first, BedrockHeaders.OUTPUT_TOKENS)))
                .add(at("0.00375", written))
                .add(at("0.0003", tokens(first, BedrockHeaders.CACHE_READ_INPUT_TOKENS))));

        Exchange second = template.request("direct:sonnetCached", e -> e.getMessage().setBody("Second question"));
        long read = tokens(second, BedrockHeaders.CACHE_READ_INPUT_TOKENS);
        assertThat(read).as("cache-read tokens of the second call").isPositive();
        assertThat(cost(second)).isEqualByComparingTo(at("0.003", tokens(second, BedrockHeaders.INPUT_TOKENS))
                .add(at("0.015", tokens(second, BedrockHeaders.OUTPUT_TOKENS)))
                .add(at("0.0003", read))
                .add(at("0.00375", tokens(second, BedrockHeaders.CACHE_WRITE_INPUT_TOKENS))));
    }

    @Test
    void cacheTokensWithoutACachePriceGiveNoHeader() {
        Exchange out = template.request("direct:haikuCached", e -> e.getMessage().setBody("Cached haiku"));
        assertThat(out.getException()).isNull();
        assertThat(tokens(out, BedrockHeaders.CACHE_WRITE_INPUT_TOKENS) + tokens(out, BedrockHeaders.CACHE_READ_INPUT_TOKENS))
                .isPositive();
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(BedrockHeaders.ESTIMATED_COST_USD);
    }

    @Test
    void noEstimateWithoutAPriceOrAUsage() {
        CallUsage usage = new CallUsage(100L, 20L, null, null);
        assertThat(CostEstimates.estimate("converse", "amazon.titan-tg1-large", usage).value())
                .as("a model the catalog lists without prices").isEmpty();
        assertThat(CostEstimates.estimate("converse", "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdef123456",
                usage).unknownBecause()).as("provisioned throughput is not priced per token").contains("no price");
        assertThat(CostEstimates.estimate("converse", HAIKU, new CallUsage(100L, null, null, null)).value())
                .as("a chat call without its output count").isEmpty();
        assertThat(CostEstimates.estimate("embed", "amazon.titan-embed-image-v1", new CallUsage(100L, null, null, null)).value())
                .as("a multimodal embedding model also prices images, which are not counted").isEmpty();
        assertThat(CostEstimates.estimate("converse", HAIKU, new CallUsage(1000L, 2000L, 0L, 0L)).value())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00275"));
        assertThat(CostEstimates.pricesDate()).hasValue("2026-11-22");
    }

    @Test
    void aStreamIsPricedOnceTheRouteHasReadIt() {
        Exchange out = template.request("direct:stream", e -> e.getMessage().setBody("Stream me a price"));
        assertThat(out.getException()).isNull();
        long in = tokens(out, BedrockHeaders.INPUT_TOKENS);
        long outTokens = tokens(out, BedrockHeaders.OUTPUT_TOKENS);
        assertThat(outTokens).isPositive();
        assertThat(cost(out)).isEqualByComparingTo(at("0.00025", in).add(at("0.00125", outTokens)));
    }

    @Test
    void embeddingsAtTheInputPrice() {
        Exchange out = template.request("direct:embed", e -> e.getMessage().setBody("Embed this text"));
        assertThat(out.getException()).isNull();
        long in = tokens(out, BedrockHeaders.INPUT_TOKENS);
        assertThat(in).isPositive();
        assertThat(cost(out)).isEqualByComparingTo(at("0.00002", in));
    }

    @Test
    void coalescedEmbeddingsSplitTheCostLikeTheTokens() throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (String text : List.of("one", "a longer second text", "third text, longest of the three by far")) {
            sent.add(template.asyncSend("direct:coalesced", e -> e.getMessage().setBody(text)));
        }
        BigDecimal sum = BigDecimal.ZERO;
        long batchTokens = 0;
        for (CompletableFuture<Exchange> f : sent) {
            Exchange out = f.get();
            assertThat(out.getException()).isNull();
            assertThat(cost(out)).isEqualByComparingTo(at("0.0001", tokens(out, BedrockHeaders.INPUT_TOKENS)));
            sum = sum.add(cost(out));
            batchTokens = tokens(out, BedrockHeaders.EMBEDDING_BATCH_INPUT_TOKENS);
        }
        assertThat(sent.get(0).get().getMessage().getHeader(BedrockHeaders.EMBEDDING_BATCH_SIZE, Integer.class))
                .as("the three texts went in one call").isEqualTo(3);
        assertThat(batchTokens).isPositive();
        assertThat(sum).isEqualByComparingTo(at("0.0001", batchTokens));
    }

    @Test
    void aFailedCallHasNoCost() {
        emulator.faults().add(dev.camelbedrock.emulator.Fault.error("ValidationException").forOperation("Converse").times(1));
        Exchange out = template.request("direct:haiku", e -> e.getMessage().setBody("Fail me"));
        assertThat(out.getException()).isNotNull();
        assertThat(out.getMessage().getHeaders()).doesNotContainKey(BedrockHeaders.ESTIMATED_COST_USD);
    }
}
