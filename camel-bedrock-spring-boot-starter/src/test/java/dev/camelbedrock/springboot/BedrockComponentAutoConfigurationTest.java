package dev.camelbedrock.springboot;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.component.options.HttpProtocolVersion;
import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.component.BedrockConfiguration;
import dev.camelbedrock.component.BedrockEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

class BedrockComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, BedrockComponentAutoConfiguration.class));

    @Test
    void propertiesReachTheComponentAndItsEndpoints() {
        runner.withPropertyValues(
                        "camel.component.bedrock.region=eu-west-3",
                        "camel.component.bedrock.endpoint-override=http://127.0.0.1:4566",
                        "camel.component.bedrock.model-id=anthropic.claude-3-haiku-20240307-v1:0",
                        "camel.component.bedrock.max-tokens=123",
                        "camel.component.bedrock.temperature=0.25",
                        "camel.component.bedrock.connection-timeout=5s",
                        "camel.component.bedrock.read-timeout=90000",
                        "camel.component.bedrock.http-protocol=HTTP1_1",
                        "camel.component.bedrock.access-key=AKIDSPRINGTEST",
                        "camel.component.bedrock.secret-key=s3cr3t-value")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(BedrockComponent.class);
                    BedrockConfiguration config = context.getBean("bedrock", BedrockComponent.class).getConfiguration();
                    assertThat(config.getRegion()).isEqualTo("eu-west-3");
                    assertThat(config.getEndpointOverride()).isEqualTo("http://127.0.0.1:4566");
                    assertThat(config.getMaxTokens()).isEqualTo(123);
                    assertThat(config.getTemperature()).isEqualTo(0.25f);
                    assertThat(config.getConnectionTimeout()).isEqualTo(5000L);
                    assertThat(config.getReadTimeout()).isEqualTo(90000L);
                    assertThat(config.getHttpProtocol()).isEqualTo(HttpProtocolVersion.HTTP1_1);
                    assertThat(config.getAccessKey()).isEqualTo("AKIDSPRINGTEST");
                    assertThat(config.getSecretKey()).isEqualTo("s3cr3t-value");
                    assertThat(config.getMaxConcurrency()).as("a default stays the component's").isEqualTo(500);

                    // Camel uses the bean for bedrock: URIs; endpoints copy its configuration
                    CamelContext camel = context.getBean(CamelContext.class);
                    assertThat(camel.getComponent("bedrock")).isSameAs(context.getBean("bedrock"));
                    BedrockEndpoint endpoint = camel.getEndpoint("bedrock:converse?maxTokens=7", BedrockEndpoint.class);
                    assertThat(endpoint.getConfiguration().getRegion()).isEqualTo("eu-west-3");
                    assertThat(endpoint.getConfiguration().getMaxTokens()).isEqualTo(7);
                });
    }

    @Test
    void beanReferencesAreResolvedFromTheRegistry() {
        runner.withUserConfiguration(ClientConfig.class)
                .withPropertyValues("camel.component.bedrock.bedrock-runtime-client=#bean:myRuntimeClient")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BedrockComponent.class).getConfiguration().getBedrockRuntimeClient())
                            .isSameAs(context.getBean("myRuntimeClient"));
                });
    }

    @Test
    void disabledMeansNoComponentBean() {
        runner.withPropertyValues("camel.component.bedrock.enabled=false", "camel.component.bedrock.region=eu-west-3")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BedrockComponent.class)
                            .doesNotHaveBean(BedrockComponentConfiguration.class);
                });
    }

    @Test
    void aUserDefinedComponentWins() {
        runner.withUserConfiguration(UserComponentConfig.class)
                .withPropertyValues("camel.component.bedrock.region=eu-west-3")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(BedrockComponent.class);
                    BedrockComponent component = context.getBean("bedrock", BedrockComponent.class);
                    assertThat(component.getConfiguration().getRegion()).isEqualTo("ap-south-1");
                });
    }

    @Test
    void toStringMasksSecrets() {
        runner.withPropertyValues(
                        "camel.component.bedrock.region=eu-west-3",
                        "camel.component.bedrock.access-key=AKIA-visible-nowhere",
                        "camel.component.bedrock.secret-key=secret-visible-nowhere",
                        "camel.component.bedrock.session-token=token-visible-nowhere",
                        "camel.component.bedrock.api-key=apikey-visible-nowhere",
                        "camel.component.bedrock.proxy-password=proxy-visible-nowhere")
                .run(context -> {
                    String text = context.getBean(BedrockComponentConfiguration.class).toString();
                    assertThat(text).contains("region=eu-west-3", "accessKey=******", "secretKey=******")
                            .doesNotContain("visible-nowhere");
                });
    }

    @Test
    void metadataDescribesEveryComponentOption() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json generated by the configuration processor").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        metadata.get("properties").forEach(p -> {
            names.add(p.get("name").asText());
            assertThat(p.path("description").asText()).as(p.get("name") + " has a description").isNotBlank();
        });
        List<String> hinted = new ArrayList<>();
        metadata.get("hints").forEach(h -> hinted.add(h.get("name").asText()));

        List<ConfigurationSourceTest.Option> options = ConfigurationSourceTest.options();
        assertThat(options).hasSizeGreaterThan(40);
        for (ConfigurationSourceTest.Option option : options) {
            String name = ConfigurationSourceTest.PREFIX + "." + option.kebabName();
            assertThat(names).contains(name);
            if (!option.values().isEmpty()) {
                assertThat(hinted).contains(name);
            }
        }
        assertThat(names).contains("camel.component.bedrock.enabled").hasSize(options.size() + 1);
    }

    @Configuration(proxyBeanMethods = false)
    static class UserComponentConfig {
        @Bean("bedrock")
        BedrockComponent bedrock() {
            BedrockComponent component = new BedrockComponent();
            component.getConfiguration().setRegion("ap-south-1");
            return component;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ClientConfig {
        @Bean(destroyMethod = "close")
        BedrockRuntimeAsyncClient myRuntimeClient() {
            return BedrockRuntimeAsyncClient.builder().region(Region.US_EAST_1)
                    .endpointOverride(URI.create("http://127.0.0.1:9"))
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build();
        }
    }
}
