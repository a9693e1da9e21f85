package dev.camelbedrock.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.emulator.BedrockEmulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Starts the Bedrock emulator in-process when {@code bedrock.emulator.enabled} is true (the default) and points the
 * component at it, before any bean exists: an {@link EnvironmentPostProcessor} runs once the application's
 * properties are loaded and before the context is created, so the starter's {@code camel.component.bedrock.*}
 * properties already hold the emulator's address when the component is built. The emulator is registered as the
 * bean {@code bedrockEmulator} (tests read its request log) and closed with the context.
 *
 * <p>Properties: {@code bedrock.emulator.chunk-delay} (default 40ms, so that streaming is visible),
 * {@code bedrock.emulator.rules} (default {@code classpath:emulator-rules.json}).
 */
public class EmbeddedEmulator implements EnvironmentPostProcessor {

    public static final String BEAN_NAME = "bedrockEmulator";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("bedrock.emulator.enabled", Boolean.class, true)) {
            return;
        }
        BedrockEmulator emulator = BedrockEmulator.builder().port(0)
                .config(rules(environment.getProperty("bedrock.emulator.rules", "classpath:emulator-rules.json")))
                .chunkDelay(environment.getProperty("bedrock.emulator.chunk-delay", Duration.class, Duration.ofMillis(40)))
                .build().start();
        environment.getPropertySources().addFirst(new MapPropertySource("bedrock-emulator", Map.of(
                "camel.component.bedrock.endpoint-override", emulator.uri().toString(),
                "camel.component.bedrock.region", "us-east-1",
                "camel.component.bedrock.access-key", "emulator",
                "camel.component.bedrock.secret-key", "emulator")));
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton(BEAN_NAME, emulator);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    emulator.close();
                }
            });
        });
    }

    private static com.fasterxml.jackson.databind.JsonNode rules(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the emulator rules " + location, e);
        }
    }
}
