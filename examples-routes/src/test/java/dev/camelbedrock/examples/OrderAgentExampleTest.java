package dev.camelbedrock.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.toolloop.BedrockToolExecution;
import dev.camelbedrock.emulator.BedrockEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML-only order-support agent and its Java twin run their tool loop on the embedded emulator, guardrail on. */
class OrderAgentExampleTest {

    static BedrockEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = ExamplesMain.operationsEmulatorBuilder().build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static CamelContext context() {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().addInitialProperty("bedrock.chat-model", "anthropic.claude-3-haiku-20240307-v1:0");
        context.getPropertiesComponent().addInitialProperty("bedrock.agent-guardrail-id", ExamplesMain.GUARDRAIL);
        context.getPropertiesComponent().addInitialProperty("bedrock.agent-guardrail-version", "DRAFT");
        context.getRegistry().bind("bedrock", EmulatorComponents.bedrock(emulator));
        return context;
    }

    @Test
    void theYamlAgentChecksTheOrderThenCancelsIt() throws Exception {
        try (CamelContext context = context()) {
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveResource(context, "classpath:routes/order-agent.camel.yaml"));
            context.start();
            emulator.clearRequests();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Exchange out;
            try (ProducerTemplate template = context.createProducerTemplate()) {
                out = OrderAgentExample.ask(template, "direct:yaml-order-agent", "yaml-order-agent",
                        new PrintStream(printed, true, StandardCharsets.UTF_8));
            }
            assertAgentCancelled(out);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("[yaml-order-agent] round 1: get_order_status{order_id=ORD-123456} -> SUCCESS")
                    .contains("[yaml-order-agent] round 2: initiate_cancellation{order_id=ORD-123456, reason=customer_request} -> SUCCESS")
                    .contains("[yaml-order-agent] Order ORD-123456 had not shipped yet, so I have asked for its cancellation.");
            assertThat(emulator.requests("Converse")).hasSize(3).allSatisfy(r ->
                    assertThat(r.json().at("/guardrailConfig/guardrailIdentifier").asText()).isEqualTo(ExamplesMain.GUARDRAIL));
        }
    }

    @Test
    void theJavaTwinDoesTheSame() throws Exception {
        try (CamelContext main = context()) {
            main.start();
            Exchange out = OrderAgentExample.askJavaTwin(main, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertAgentCancelled(out);
        }
    }

    private static void assertAgentCancelled(Exchange out) {
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("Order ORD-123456 had not shipped yet, so I have asked for its"
                + " cancellation. You will get a confirmation email shortly.");
        @SuppressWarnings("unchecked")
        List<BedrockToolExecution> runs = out.getMessage().getHeader(BedrockHeaders.TOOL_EXECUTIONS, List.class);
        assertThat(runs).extracting(BedrockToolExecution::name).containsExactly("get_order_status", "initiate_cancellation");
        assertThat(runs.get(0).result()).isEqualTo("Order ORD-123456 is PROCESSING: it has not shipped yet.");
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(2);
    }
}
