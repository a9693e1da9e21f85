package dev.camelbedrock.springboot;

import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.component.BedrockEmulatorMode;
import dev.camelbedrock.component.error.BedrockConfigurationException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.bedrock.emulator=embedded in a Spring Boot app, with the dev-services module on the classpath. */
class EmbeddedEmulatorStarterTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, BedrockComponentAutoConfiguration.class))
            .withUserConfiguration(Routes.class);

    @Test
    void thePropertyAloneAnswersAConverseOffline() {
        runner.withPropertyValues("camel.component.bedrock.emulator=embedded", "camel.component.bedrock.emulator-examples=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("bedrock", BedrockComponent.class).getEmulator())
                            .isEqualTo(BedrockEmulatorMode.embedded);
                    ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
                    assertThat(template.requestBody("direct:ask", "Hello from Spring Boot", String.class))
                            .isEqualTo("You said: Hello from Spring Boot");
                    assertThat(template.requestBody("direct:guard", "Call me at 555-0100 or jane@example.com", String.class))
                            .contains("{EMAIL}").doesNotContain("jane@example.com");
                });
    }

    @Test
    void explicitCredentialsAreRefused() {
        runner.withPropertyValues("camel.component.bedrock.emulator=embedded",
                        "camel.component.bedrock.access-key=AKIDSPRINGREAL", "camel.component.bedrock.secret-key=spring-secret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(BedrockConfigurationException.class)
                            .hasMessageContaining("(accessKey, secretKey)")
                            .hasMessageNotContaining("spring-secret");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Routes {
        @Bean
        RoutesBuilder bedrockRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ask").to("bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0");
                    from("direct:guard").to("bedrock:applyGuardrail?guardrailIdentifier=exampleguard&guardrailVersion=DRAFT");
                }
            };
        }
    }
}
