package dev.camelbedrock.examples.kafka;

import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.examples.kafka.TicketTopics.Outputs;
import dev.camelbedrock.examples.kafka.TicketTopics.Ticket;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The enrichment worker killed with SIGKILL in the middle of its work (a process of its own: no shutdown hook, no
 * in-flight batch finishing, no goodbye to the consumer group). Whatever offsets it committed before it died must
 * stand for records that are on the output or the dead-letter topic: a record whose offset was committed and that was
 * never written is lost for good, since no later consumer reads it again. Kafka's own committed offsets and the
 * records of the input topic are the expectation; nothing here asks the code under test.
 */
class TicketEnrichmentCrashTest {

    private static final int RECORDS = 60;
    private static final int KEYS = 20;
    private static final int PARTITIONS = 2;
    /** Every chat answer is this slow, so that a batch is always in flight when the worker is killed. */
    private static final long CHAT_DELAY_MS = 1_000;
    private static final Duration FIRST_COMMIT_PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaAndEmulator env = new KafkaAndEmulator();

    /** The worker's options on top of {@link KafkaAndEmulator#options}: small batches, polled quickly. */
    static TicketEnrichmentOptions options(TicketEnrichmentOptions base) {
        return base.batchSize(10).batchingIntervalMs(100).redeliveryDelayMs(100);
    }

    @Test
    void aKilledWorkerHasCommittedOnlyRecordsItWrote() throws Exception {
        String topic = "tickets-crash";
        TicketEnrichmentOptions options = options(env.options(topic, PARTITIONS));
        String brokers = env.kafka.bootstrapServers();
        env.emulator.inject(Fault.delay(Duration.ofMillis(CHAT_DELAY_MS)).forOperation("Converse").times(Fault.ALWAYS));
        List<Ticket> inputs = TicketFixtures.tickets("X", RECORDS, KEYS);
        TicketTopics.produce(brokers, options.inputTopic(), inputs);

        Path log = Path.of("target", "enrichment-worker.log");
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), EnrichmentWorker.class.getName(),
                brokers, env.emulator.uri().toString(), topic)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Map<TopicPartition, Long> committed;
        try (Admin admin = env.kafka.admin()) {
            long deadline = System.nanoTime() + FIRST_COMMIT_PATIENCE.toNanos();
            while (committedOffsets(admin, options.groupId()).isEmpty()) {
                if (!worker.isAlive() || System.nanoTime() > deadline) {
                    fail("The worker committed nothing within %s (alive: %s); its log %s ends with:%n%s",
                            FIRST_COMMIT_PATIENCE, worker.isAlive(), log, tail(log));
                }
                Thread.sleep(50);
            }
            // SIGKILL as soon as the first batch is committed: the next one is in flight
            worker.destroyForcibly();
            assertThat(worker.waitFor(20, TimeUnit.SECONDS)).as("the worker died").isTrue();
            committed = committedOffsets(admin, options.groupId());
        } finally {
            worker.destroyForcibly();
        }

        Map<TopicPartition, List<ConsumerRecord<String, String>>> inputRecords = readInputTopic(brokers, options.inputTopic());
        List<String> committedValues = new ArrayList<>();
        committed.forEach((partition, offset) -> inputRecords.get(partition).stream()
                .filter(r -> r.offset() < offset).forEach(r -> committedValues.add(r.value())));
        Map<String, String> valueById = new HashMap<>();
        inputs.forEach(t -> valueById.put(TicketFixtures.json(t.value()).path("id").asText(), t.value()));
        Outputs out;
        try (TicketTopics.Reader reader = new TicketTopics.Reader(brokers, options, true)) {
            // everything committed was acknowledged by Kafka before the commit: it is readable now, no waiting needed
            out = reader.readUntil(Duration.ofSeconds(5),
                    o -> TicketFixtures.distinctInputs(o, valueById).containsAll(committedValues));
        }
        Set<String> written = TicketFixtures.distinctInputs(out, valueById);
        List<String> lost = committedValues.stream().filter(v -> !written.contains(v)).toList();
        System.out.printf("[kafka-crash] killed after committing %s: %d records committed, %d written, %d lost%n",
                committed,
                committedValues.size(), written.size(), lost.size());

        assertThat(committedValues).as("records committed before the kill").isNotEmpty();
        assertThat(written.size()).as("records written before the kill: killed in the middle, not after the end")
                .isLessThan(RECORDS);
        assertThat(lost).as("records whose offsets the killed worker committed but that are on neither the output"
                            + " nor the dead-letter topic (lost for good: committed before they were processed)").isEmpty();
    }

    private static Map<TopicPartition, Long> committedOffsets(Admin admin, String groupId) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).entrySet()) {
            if (e.getValue() != null && e.getValue().offset() > 0) {
                offsets.put(e.getKey(), e.getValue().offset());
            }
        }
        return offsets;
    }

    private static Map<TopicPartition, List<ConsumerRecord<String, String>>> readInputTopic(String brokers, String topic) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            partitions.forEach(p -> byPartition.put(p, new ArrayList<>()));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int read = 0;
            while (read < RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    byPartition.get(new TopicPartition(r.topic(), r.partition())).add(r);
                    read++;
                }
            }
            assertThat(read).as("input records read back").isEqualTo(RECORDS);
        }
        return byPartition;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
