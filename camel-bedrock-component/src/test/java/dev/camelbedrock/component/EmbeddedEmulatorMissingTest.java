package dev.camelbedrock.component;

import dev.camelbedrock.component.error.BedrockConfigurationException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The component alone does not ship the emulator: emulator=embedded without the dev-services module says what to add. */
class EmbeddedEmulatorMissingTest {

    @Test
    void theSwitchWithoutTheDevServicesModuleNamesTheDependency() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        BedrockComponent bedrock = new BedrockComponent();
        camel.addComponent("bedrock", bedrock);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0");
            }
        });
        bedrock.setEmulator(BedrockEmulatorMode.embedded);
        try (camel) {
            assertThatThrownBy(camel::start)
                    .rootCause()
                    .isInstanceOf(BedrockConfigurationException.class)
                    .hasMessageContaining("dev.camelbedrock:camel-bedrock-dev-services")
                    .hasMessageContaining("emulator=off");
        }
        assertThat(bedrock.getEmulator()).isEqualTo(BedrockEmulatorMode.embedded);
    }

    @Test
    void theOptionIsOffByDefault() {
        assertThat(new BedrockComponent().getEmulator()).isEqualTo(BedrockEmulatorMode.off);
    }
}
