package dev.camelbedrock.examples;

import dev.camelbedrock.emulator.BedrockEmulator;
import dev.camelbedrock.examples.kafka.EmbeddedKafka;
import dev.camelbedrock.examples.kafka.KafkaEnrichmentExample;
import dev.camelbedrock.examples.kafka.TicketEnrichmentOptions;
import dev.camelbedrock.examples.kafka.TicketEnrichmentRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import java.util.List;

/**
 * Runs every example route once and prints what it got. By default it starts the Bedrock emulator in-process and
 * points the component at it (no AWS account, no network). With {@code -Dbedrock.examples.aws=true} (or the
 * environment variable {@code BEDROCK_EXAMPLES_AWS=true}) it calls Amazon Bedrock instead, with the region and
 * credentials of the SDK's default chain.
 * <p>
 * The Kafka enrichment example starts a Kafka broker in this JVM unless {@code -Dkafka.bootstrap.servers=host:port}
 * (or {@code KAFKA_BOOTSTRAP_SERVERS}) names a cluster, whose topics tickets, tickets-enriched and tickets-dlq must
 * exist; {@code -Dbedrock.examples.kafka=false} skips it. Off the emulator, {@code -Dbedrock.examples.guardrail-id=…}
 * switches its PII-masking guardrail on.
 */
public final class ExamplesMain {

    private ExamplesMain() {
    }

    /** The emulator the examples use offline, with scripted answers so the output reads like a model's. */
    public static BedrockEmulator startEmulator() throws java.io.IOException {
        return emulatorBuilder().build().start();
    }

    /** The examples' emulator configuration (emulator-rules.json: scripted answers, the ticket guardrail), to extend. */
    public static BedrockEmulator.Builder emulatorBuilder() throws java.io.IOException {
        try (var rules = ExamplesMain.class.getResourceAsStream("/emulator-rules.json")) {
            return BedrockEmulator.builder().port(0)
                    .config(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rules));
        }
    }

    /** The knowledge base and guardrail the operation examples use on the emulator (AWS mode: set the properties). */
    public static final String KNOWLEDGE_BASE = "KBEXAMPLE1";
    public static final String GUARDRAIL = "exampleguard";
    private static final java.util.List<String> KB_FILES = java.util.List.of("returns.md", "shipping.md", "warranty.md");

    /** The examples' emulator plus a knowledge base (src/main/resources/kb, copied to a temp folder) and a PII guardrail. */
    public static BedrockEmulator.Builder operationsEmulatorBuilder() throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("examples-kb");
        for (String file : KB_FILES) {
            try (var in = ExamplesMain.class.getResourceAsStream("/kb/" + file)) {
                java.nio.file.Files.copy(in, folder.resolve(file));
            }
        }
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var guardrail = mapper.readTree("""
                {"name": "example-guard", "blockedInputMessaging": "Blocked.", "blockedOutputsMessaging": "Blocked.",
                 "sensitiveInformationPolicyConfig": {"piiEntitiesConfig": [
                   {"type": "EMAIL", "action": "ANONYMIZE"}, {"type": "PHONE", "action": "ANONYMIZE"}]}}""");
        return emulatorBuilder().knowledgeBase(KNOWLEDGE_BASE, folder).guardrail(GUARDRAIL, guardrail)
                .provisionedThroughputReadyDelay(java.time.Duration.ofMillis(300));
    }

    /** The properties the operation routes read, for an emulator from {@link #operationsEmulatorBuilder()}. */
    public static java.util.Map<String, String> operationProperties(BedrockEmulator emulator, String outputDir) {
        return java.util.Map.of(
                "bedrock.chat-model", "anthropic.claude-3-haiku-20240307-v1:0",
                "bedrock.knowledge-base-id", KNOWLEDGE_BASE,
                "bedrock.data-source-id", emulator.knowledgeBases().get(KNOWLEDGE_BASE).dataSourceId(),
                "bedrock.guardrail-id", GUARDRAIL,
                "bedrock.guardrail-version", "DRAFT",
                "bedrock.pt-model", "amazon.titan-text-express-v1",
                "bedrock.poll-interval", "100",
                "bedrock.examples.output-dir", outputDir);
    }

    public static void main(String[] args) throws Exception {
        boolean aws = Boolean.parseBoolean(System.getProperty("bedrock.examples.aws", System.getenv("BEDROCK_EXAMPLES_AWS")));
        BedrockEmulator emulator = null;
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        main.configure().addRoutesBuilder(new StreamingChatRoutes());
        main.configure().addRoutesBuilder(new OperationRoutes());
        String chatModel = System.getProperty("bedrock.chat-model",
                aws ? "us.amazon.nova-lite-v1:0" : "anthropic.claude-3-haiku-20240307-v1:0");
        main.addInitialProperty("bedrock.chat-model", chatModel);
        if (!aws) {
            emulator = operationsEmulatorBuilder().build().start();
            operationProperties(emulator, "target/examples").forEach((k, v) -> {
                if (!k.equals("bedrock.chat-model")) {
                    main.addInitialProperty(k, v);
                }
            });
            System.out.println("Using the embedded Bedrock emulator at " + emulator.uri()
                               + " (set -Dbedrock.examples.aws=true to call AWS)");
            main.addInitialProperty("bedrock.agent-guardrail-id", GUARDRAIL);
            main.addInitialProperty("bedrock.agent-guardrail-version", "DRAFT");
            main.addInitialProperty("camel.component.bedrock.endpoint-override", emulator.uri().toString());
            main.addInitialProperty("camel.component.bedrock.region", "us-east-1");
            main.addInitialProperty("camel.component.bedrock.access-key", "emulator");
            main.addInitialProperty("camel.component.bedrock.secret-key", "emulator");
        } else {
            // real resources come from -Dbedrock.knowledge-base-id=… etc.; the examples that need one are skipped without it
            for (String key : List.of("bedrock.knowledge-base-id", "bedrock.data-source-id", "bedrock.guardrail-id")) {
                main.addInitialProperty(key, System.getProperty(key, "unset"));
            }
            main.addInitialProperty("bedrock.guardrail-version", System.getProperty("bedrock.guardrail-version", "DRAFT"));
            for (String key : List.of("bedrock.agent-guardrail-id", "bedrock.agent-guardrail-version")) {
                if (System.getProperty(key) != null) { // the order agent's guardrail is optional: {{?...}} in its routes
                    main.addInitialProperty(key, System.getProperty(key));
                }
            }
            main.addInitialProperty("bedrock.pt-model", System.getProperty("bedrock.pt-model", "amazon.titan-text-express-v1"));
            main.addInitialProperty("bedrock.poll-interval", "30000");
            main.addInitialProperty("bedrock.examples.output-dir", "target/examples");
        }
        boolean kafkaExample = Boolean.parseBoolean(System.getProperty("bedrock.examples.kafka", "true"));
        String brokers = System.getProperty("kafka.bootstrap.servers", System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        EmbeddedKafka kafka = null;
        TicketEnrichmentOptions kafkaOptions = null;
        if (kafkaExample) {
            if (brokers == null) {
                kafka = new EmbeddedKafka().start();
                brokers = kafka.bootstrapServers();
            }
            kafkaOptions = KafkaEnrichmentExample.options(brokers, chatModel,
                    aws ? System.getProperty("bedrock.examples.guardrail-id") : KafkaEnrichmentExample.EMULATOR_GUARDRAIL);
            if (kafka != null) {
                kafka.createTopics(kafkaOptions, 4);
                System.out.println("Using an embedded Kafka broker at " + brokers
                                   + " (set -Dkafka.bootstrap.servers=host:port to use a cluster)");
            }
            main.configure().addRoutesBuilder(new TicketEnrichmentRoutes(kafkaOptions));
        }
        TicketEnrichmentOptions enrichment = kafkaOptions;
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                try (ProducerTemplate template = context.createProducerTemplate()) {
                    String answer = template.requestBody("direct:yaml-chat",
                            "In one sentence: what does Apache Camel do?", String.class);
                    System.out.println("[yaml-chat] " + answer);
                    System.out.print("[java-streaming-chat] ");
                    template.requestBody("direct:java-stream", "Write three short lines about message routing.");
                    OrderAgentExample.ask(template, "direct:yaml-order-agent", "yaml-order-agent", System.out);
                    OrderAgentExample.askJavaTwin(context, System.out);
                    OperationExamples.run(template, aws, System.out);
                    if (enrichment != null) {
                        KafkaEnrichmentExample.run(enrichment, System.out);
                    }
                } catch (Exception e) {
                    System.err.println("Example failed: " + e);
                    e.printStackTrace();
                    System.exit(1);
                } finally {
                    main.completed();
                }
            }
        });
        try {
            main.run(args);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        }
    }
}
