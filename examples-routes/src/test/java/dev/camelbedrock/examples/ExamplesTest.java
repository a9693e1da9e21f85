package dev.camelbedrock.examples;

import dev.camelbedrock.emulator.BedrockEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example routes, as shipped, answer on the embedded emulator. */
class ExamplesTest {

    static BedrockEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = ExamplesMain.startEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void yamlChatAndJavaStreamingChatAnswer() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("bedrock.chat-model", "anthropic.claude-3-haiku-20240307-v1:0");
            context.getRegistry().bind("bedrock", EmulatorComponents.bedrock(emulator));
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "classpath:routes/chat.camel.yaml"));
            context.addRoutes(new StreamingChatRoutes());
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            String answer = template.requestBody("direct:yaml-chat", "In one sentence: what does Apache Camel do?", String.class);
            assertThat(answer).startsWith("Apache Camel is an integration framework");

            var exchange = template.request("direct:java-stream",
                    e -> e.getMessage().setBody("Write three short lines about message routing."));
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader("CamelBedrockResponseText", String.class))
                    .isEqualTo("Messages arrive from many places.\nRoutes decide where each one goes.\nEndpoints carry them the rest of the way.");
            assertThat(emulator.stats().count("ConverseStream")).isEqualTo(1);
        }
    }
}
