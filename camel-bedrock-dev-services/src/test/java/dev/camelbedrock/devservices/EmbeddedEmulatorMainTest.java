package dev.camelbedrock.devservices;

import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.component.BedrockEmulatorMode;
import dev.camelbedrock.component.BedrockEndpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A plain camel-main app whose only Bedrock setting is the switch answers offline. */
class EmbeddedEmulatorMainTest {

    @Test
    void theSwitchAloneAnswersAConverseOffline() throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0");
            }
        });
        main.addInitialProperty("camel.component.bedrock.emulator", "embedded");
        main.start();
        try {
            String answer = main.getCamelTemplate().requestBody("direct:ask", "Hello offline", String.class);
            assertThat(answer).isEqualTo("You said: Hello offline");

            BedrockComponent component = main.getCamelContext().getComponent("bedrock", BedrockComponent.class);
            assertThat(component.getEmulator()).isEqualTo(BedrockEmulatorMode.embedded);
            BedrockEndpoint endpoint = main.getCamelContext().getEndpoints().stream()
                    .filter(BedrockEndpoint.class::isInstance).map(BedrockEndpoint.class::cast).findFirst().orElseThrow();
            assertThat(endpoint.getConfiguration().getEndpointOverride()).startsWith("http://127.0.0.1:");
            assertThat(endpoint.getConfiguration().getRegion()).isEqualTo("us-east-1");
        } finally {
            main.stop();
        }
    }
}
