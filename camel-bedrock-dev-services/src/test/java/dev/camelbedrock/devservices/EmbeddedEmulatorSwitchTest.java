package dev.camelbedrock.devservices;

import java.net.Socket;
import java.net.URI;
import java.util.List;

import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.component.BedrockEmulatorMode;
import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.error.BedrockConfigurationException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator=embedded switch in a test's own CamelContext: examples, refusals, shutdown. */
class EmbeddedEmulatorSwitchTest {

    private static CamelContext context(boolean examples, RouteBuilder routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        BedrockComponent bedrock = new BedrockComponent();
        bedrock.setEmulator(BedrockEmulatorMode.embedded);
        bedrock.setEmulatorExamples(examples);
        camel.addComponent("bedrock", bedrock);
        camel.addRoutes(routes);
        return camel;
    }

    @Test
    void examplesGiveAKnowledgeBaseAndAGuardrail() throws Exception {
        try (CamelContext camel = context(true, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:retrieve").to("bedrock:retrieve?knowledgeBaseId=KBEXAMPLE1");
                from("direct:guard").to("bedrock:applyGuardrail?guardrailIdentifier=exampleguard&guardrailVersion=DRAFT");
            }
        })) {
            camel.start();
            List<?> results = camel.createProducerTemplate().requestBody("direct:retrieve", "How long do I have to return an item?",
                    List.class);
            assertThat(results).isNotEmpty();
            assertThat(results.get(0).toString()).containsIgnoringCase("return");
            String masked = camel.createProducerTemplate().requestBody("direct:guard", "Mail me at jane@example.com", String.class);
            assertThat(masked).doesNotContain("jane@example.com").contains("{EMAIL}");
        }
    }

    @Test
    void credentialsOnTheComponentAreRefusedWithoutShowingThem() throws Exception {
        CamelContext camel = context(false, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0");
            }
        });
        BedrockComponent bedrock = camel.getComponent("bedrock", BedrockComponent.class);
        bedrock.getConfiguration().setAccessKey("AKIDREALKEY");
        bedrock.getConfiguration().setSecretKey("real-secret-value");
        try (camel) {
            assertThatThrownBy(camel::start)
                    .rootCause()
                    .isInstanceOf(BedrockConfigurationException.class)
                    .hasMessageContaining("emulator=embedded")
                    .hasMessageContaining("(accessKey, secretKey)")
                    .hasMessageContaining("emulator=off")
                    .hasMessageNotContaining("AKIDREALKEY")
                    .hasMessageNotContaining("real-secret-value");
        }
    }

    @Test
    void credentialsOnAnEndpointAreRefusedToo() throws Exception {
        try (CamelContext camel = context(false, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0&profileName=production");
            }
        })) {
            assertThatThrownBy(camel::start)
                    .rootCause()
                    .isInstanceOf(BedrockConfigurationException.class)
                    .hasMessageContaining("(profileName)")
                    .hasMessageContaining("bedrock://converse");
        }
    }

    @Test
    void stoppingTheContextStopsTheEmulator() throws Exception {
        URI uri;
        try (CamelContext camel = context(false, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0");
            }
        })) {
            camel.start();
            BedrockEndpoint endpoint = camel.getEndpoints().stream().filter(BedrockEndpoint.class::isInstance)
                    .map(BedrockEndpoint.class::cast).findFirst().orElseThrow();
            uri = URI.create(endpoint.getConfiguration().getEndpointOverride());
            try (Socket open = new Socket(uri.getHost(), uri.getPort())) {
                assertThat(open.isConnected()).isTrue();
            }
        }
        assertThatThrownBy(() -> new Socket(uri.getHost(), uri.getPort()).close())
                .as("nothing listens once the context stopped").isInstanceOf(java.net.ConnectException.class);
    }
}
