package dev.camelbedrock.component.toolloop;

import java.math.BigDecimal;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.emulator.Rule;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost of a converse with route tools covers every round of its loop. */
class ToolLoopCostTest extends BedrockTestSupport {

    @BeforeAll
    static void rules() {
        emulator.rules().addFirst(Rule.when("price of (SKU\\w+)").toolUse("lookup_price", "{\"sku\":\"{{1}}\"}"));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:agent").to("bedrock:converse?modelId=" + MODEL + "&toolTags=prices");
                from("direct:plain").to("bedrock:converse?modelId=" + MODEL);
                from("bedrock-tool:lookup_price?tags=prices&description=Price of a SKU&parameter.sku=string")
                        .setBody(simple("${header.sku} costs 12 EUR"));
            }
        };
    }

    private static BigDecimal priced(Exchange out) {
        long in = out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Long.class);
        long outTokens = out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Long.class);
        // Claude 3 Haiku: 0.00025 in, 0.00125 out per 1,000 tokens
        return new BigDecimal("0.00025").multiply(BigDecimal.valueOf(in))
                .add(new BigDecimal("0.00125").multiply(BigDecimal.valueOf(outTokens))).divide(BigDecimal.valueOf(1000));
    }

    @Test
    void everyRoundIsPriced() {
        String prompt = "What is the price of SKU42?";
        Exchange loop = template.request("direct:agent", e -> e.getMessage().setBody(prompt));
        assertThat(loop.getException()).isNull();
        assertThat(loop.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS, Integer.class)).as("tool rounds").isPositive();
        BigDecimal cost = loop.getMessage().getHeader(BedrockHeaders.ESTIMATED_COST_USD, BigDecimal.class);
        assertThat(cost).isEqualByComparingTo(priced(loop));

        // the first round alone: the same prompt without tools is answered in one call
        Exchange once = template.request("direct:plain", e -> e.getMessage().setBody(prompt));
        assertThat(cost).as("more than one round's price")
                .isGreaterThan(once.getMessage().getHeader(BedrockHeaders.ESTIMATED_COST_USD, BigDecimal.class));
        assertThat(loop.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Long.class))
                .isGreaterThan(once.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Long.class));
    }
}
