package dev.camelbedrock.examples.kafka;

import dev.camelbedrock.emulator.BedrockEmulator;
import dev.camelbedrock.examples.ExamplesMain;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-JVM Kafka broker and the examples' emulator for one test class ({@code @RegisterExtension static}): started
 * before the class's {@code @BeforeAll} methods, closed after its {@code @AfterAll} methods.
 */
final class KafkaAndEmulator implements BeforeAllCallback, AfterAllCallback {

    EmbeddedKafka kafka;
    BedrockEmulator emulator;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka = new EmbeddedKafka().start();
        emulator = ExamplesMain.startEmulator();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * Creates the topics {@code name} and {@code name-enriched} ({@code partitions} each) and {@code name-dlq}, and
     * returns the example's options on them, in the consumer group {@code name-group}.
     */
    TicketEnrichmentOptions options(String name, int partitions) {
        TicketEnrichmentOptions options = options(kafka.bootstrapServers(), name);
        kafka.createTopics(options, partitions);
        return options;
    }

    /** The options of {@link #options(String, int)} without creating the topics (for a process of its own). */
    static TicketEnrichmentOptions options(String brokers, String name) {
        // the guardrail and embedding steps join in as soon as the component has their operations
        return KafkaEnrichmentExample.options(brokers,
                        "anthropic.claude-3-haiku-20240307-v1:0", KafkaEnrichmentExample.EMULATOR_GUARDRAIL)
                .inputTopic(name).outputTopic(name + "-enriched").deadLetterTopic(name + "-dlq").groupId(name + "-group");
    }
}
