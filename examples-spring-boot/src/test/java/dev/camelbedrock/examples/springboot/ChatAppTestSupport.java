package dev.camelbedrock.examples.springboot;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.BedrockEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starts the example app once for all test classes (same configuration, so Spring's test context cache shares it) on
 * a random port, with its embedded emulator (40 ms between streamed events, as in application.properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ChatAppTestSupport {

    /** The replies of src/main/resources/emulator-rules.json that the tests ask for. */
    static final String BEDROCK_REPLY = "Amazon Bedrock gives access to foundation models from several providers through one API."
                                        + " The bedrock: component calls it from Camel routes, streaming the answer while the model writes.";
    static final String CAMEL_REPLY = "Apache Camel is an open-source integration framework. It routes messages between hundreds of"
                                      + " systems with routes written in Java, YAML or XML, using the Enterprise Integration Patterns:"
                                      + " content-based routing, splitting, aggregation, retries and more.";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier(EmbeddedEmulator.BEAN_NAME)
    BedrockEmulator emulator;

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The messages of the last request of that operation the emulator received. */
    JsonNode lastMessages(String operation) {
        return emulator.lastRequest(operation).orElseThrow().json().get("messages");
    }
}
