package dev.camelbedrock.examples.springboot;

import java.util.Map;

import dev.camelbedrock.emulator.BedrockEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedEmulatorTest {

    @Test
    void disabledLeavesTheComponentToAws() {
        StandardEnvironment environment = environment(Map.of("bedrock.emulator.enabled", "false"));
        SpringApplication application = new SpringApplication(ChatApplication.class);
        int initializers = application.getInitializers().size();
        new EmbeddedEmulator().postProcessEnvironment(environment, application);
        assertThat(environment.getProperty("camel.component.bedrock.endpoint-override")).isNull();
        assertThat(application.getInitializers()).hasSize(initializers);
    }

    @Test
    @SuppressWarnings("unchecked")
    void enabledStartsTheEmulatorAndPointsTheComponentAtIt() {
        StandardEnvironment environment = environment(Map.of("bedrock.emulator.chunk-delay", "15ms"));
        SpringApplication application = new SpringApplication(ChatApplication.class);
        new EmbeddedEmulator().postProcessEnvironment(environment, application);

        try (GenericApplicationContext context = new GenericApplicationContext()) {
            application.getInitializers().forEach(i -> ((ApplicationContextInitializer<GenericApplicationContext>) i)
                    .initialize(context));
            context.refresh();
            BedrockEmulator emulator = context.getBean(EmbeddedEmulator.BEAN_NAME, BedrockEmulator.class);
            assertThat(emulator.isRunning()).isTrue();
            assertThat(emulator.chunkDelayMs()).isEqualTo(15);
            assertThat(environment.getProperty("camel.component.bedrock.endpoint-override")).isEqualTo(emulator.uri().toString());
            context.close();
            assertThat(emulator.isRunning()).as("closed with the context").isFalse();
        }
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setConversionService(new ApplicationConversionService());
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
