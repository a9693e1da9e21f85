package dev.camelbedrock.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.emulator.BedrockEmulator;
import dev.camelbedrock.examples.kafka.EmbeddedKafka;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code kind: Pipe} in docs/ runs: loaded by Camel's YAML DSL with this project's Kamelets and Apache's
 * (camel-kamelets), its Kafka topics on the in-JVM broker and Bedrock on the emulator. Only the broker address of the
 * docs is replaced; the S3 sink is a stand-in Kamelet (src/test/resources/kamelets) that writes a file.
 */
class DocPipesTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("(?m)^\\s+name: ([a-z0-9-]+)$");
    private static final String DOCS_BROKER = "my-cluster-kafka-bootstrap:9092";

    /** The source topic of each Kafka-fed Pipe, the text sent there, and the Kafka topic the Pipe writes to (if any). */
    private record Feed(String topic, String text, String outputTopic) {
    }

    private static final Map<String, Feed> FEEDS = Map.of(
            "questions-to-answers", new Feed("questions", "I am jane@example.com: how do I return a parcel?", "answers"),
            "documents-to-vectors", new Feed("documents", "Returns are accepted within 30 days.", "document-vectors"),
            "support-answers", new Feed("support-questions", "How long do I have to return an item?", null),
            "events-to-model", new Feed("incidents", "Disk full on node 7", null));

    private final Map<String, Exchange> completed = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    @Test
    void everyPipeInTheDocsRuns(@TempDir Path s3, @TempDir Path kb) throws Exception {
        // the dev-services module's example documents: resources, perhaps in a jar, so copied to a folder
        for (String doc : List.of("returns.md", "shipping.md", "warranty.md")) {
            try (var in = DocPipesTest.class.getResourceAsStream("/dev/camelbedrock/devservices/kb/" + doc)) {
                Files.copy(in, kb.resolve(doc));
            }
        }
        List<String> pipes = pipes();
        assertThat(pipes).as("Pipes found in docs/").hasSizeGreaterThanOrEqualTo(5);
        List<String> names = pipes.stream().map(DocPipesTest::name).toList();
        assertThat(names).as("every Pipe of the docs has what it needs here").allMatch(n -> FEEDS.containsKey(n)
                || n.equals("hourly-picture"));

        String guardrail = """
                {"name": "pii", "blockedInputMessaging": "Blocked.", "blockedOutputsMessaging": "Blocked.",
                 "sensitiveInformationPolicyConfig": {"piiEntitiesConfig": [{"type": "EMAIL", "action": "ANONYMIZE"}]}}""";
        try (EmbeddedKafka kafka = new EmbeddedKafka().start();
             BedrockEmulator emulator = BedrockEmulator.builder().port(0)
                     .knowledgeBase("KB12345678", kb)
                     .guardrail("ab12cd34ef56", new ObjectMapper().readTree(guardrail))
                     .build().start();
             CamelContext context = new DefaultCamelContext()) {
            for (Feed feed : FEEDS.values()) {
                kafka.createTopic(feed.topic(), 1);
                if (feed.outputTopic() != null) {
                    kafka.createTopic(feed.outputTopic(), 1);
                }
            }
            BedrockComponent bedrock = new BedrockComponent();
            bedrock.getConfiguration().setEndpointOverride(emulator.uri().toString());
            bedrock.getConfiguration().setAccessKey("emulator");
            bedrock.getConfiguration().setSecretKey("emulator");
            context.addComponent("bedrock", bedrock);
            // what camel-bedrock-run uses: Pipe properties reach the Kamelets as written
            context.addComponent("kamelet", new PipeKameletComponent());
            context.getPropertiesComponent().addInitialProperty("pipes.s3.folder", s3.toString());
            context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.ExchangeCompletedEvent done && done.getExchange().getFromRouteId() != null
                        && names.contains(done.getExchange().getFromRouteId())) {
                        if (done.getExchange().getException() == null) {
                            completed.putIfAbsent(done.getExchange().getFromRouteId(), done.getExchange());
                        } else {
                            failures.put(done.getExchange().getFromRouteId(), done.getExchange().getException().toString());
                        }
                    }
                }
            });
            for (int i = 0; i < pipes.size(); i++) {
                String yaml = pipes.get(i).replace(DOCS_BROKER, kafka.bootstrapServers());
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("pipe-" + i + ".yaml", yaml));
            }
            context.start();

            // kafka-source starts at the latest offset: send until the Pipe has taken a record
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (!completed.keySet().containsAll(names) && System.nanoTime() < deadline) {
                    FEEDS.forEach((pipe, feed) -> {
                        if (!completed.containsKey(pipe)) {
                            producer.send(new ProducerRecord<>(feed.topic(), feed.text()));
                        }
                    });
                    producer.flush();
                    Thread.sleep(500);
                }
            }
            assertThat(completed.keySet()).as("Pipes that completed an exchange; last failures: %s", failures).containsAll(names);

            String answer = body("questions-to-answers");
            assertThat(answer).as("guardrail, then converse").startsWith("You said: ").contains("{EMAIL}")
                    .doesNotContain("jane@example.com");
            assertThat(read(kafka, "answers")).contains(answer);

            String vector = read(kafka, "document-vectors").get(0);
            assertThat(vector.split(",")).as("a 512-dimension vector on the topic").hasSize(512);

            assertThat(body("support-answers")).as("a RAG answer from the knowledge base").isNotBlank();
            assertThat(completed.get("support-answers").getMessage().getHeader("CamelBedrockCitations", List.class))
                    .isNotEmpty();

            assertThat(body("events-to-model")).isEqualTo("You said: Disk full on node 7");

            Path png = s3.resolve("my-pictures").resolve("lighthouse.png");
            assertThat(png).exists();
            byte[] bytes = Files.readAllBytes(png);
            assertThat(bytes).as("a PNG").startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }

    private String body(String pipe) {
        return completed.get(pipe).getMessage().getBody(String.class);
    }

    /** The YAML blocks of docs/*.md that are Pipes. */
    static List<String> pipes() throws Exception {
        List<String> pipes = new ArrayList<>();
        try (var files = Files.list(Path.of("..", "docs"))) {
            for (Path doc : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = YAML_BLOCK.matcher(Files.readString(doc));
                while (m.find()) {
                    if (m.group(1).contains("kind: Pipe")) {
                        pipes.add(m.group(1));
                    }
                }
            }
        }
        return pipes;
    }

    private static String name(String pipe) {
        Matcher m = NAME.matcher(pipe);
        assertThat(m.find()).as("metadata.name of %s", pipe).isTrue();
        return m.group(1);
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static List<String> read(EmbeddedKafka kafka, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "doc-pipes-test-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
