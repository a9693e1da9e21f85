package dev.camelbedrock.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot example: Camel routes in YAML ({@code src/main/resources/camel/}) behind a chat page at
 * {@code http://localhost:8080/}. By default the Bedrock emulator runs in-process (see {@link EmbeddedEmulator});
 * {@code --bedrock.emulator.enabled=false} calls Amazon Bedrock with the AWS SDK's default region and credentials.
 */
@SpringBootApplication
public class ChatApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }
}
