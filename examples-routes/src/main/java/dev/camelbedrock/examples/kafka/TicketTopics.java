package dev.camelbedrock.examples.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/** Writing tickets to the input topic and reading what the enrichment wrote, with plain Kafka clients. */
public final class TicketTopics {

    private TicketTopics() {
    }

    /** A record to write: key and value. */
    public record Ticket(String key, String value) {
    }

    /** What the enrichment wrote so far, in each partition's order. */
    public static final class Outputs {
        public final List<ConsumerRecord<String, String>> enriched = new ArrayList<>();
        public final List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();

        public int total() {
            return enriched.size() + deadLetters.size();
        }
    }

    /** Writes the tickets and waits until Kafka acknowledged all of them. */
    public static void produce(String brokers, String topic, List<Ticket> tickets) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (Ticket ticket : tickets) {
                sent.add(producer.send(new ProducerRecord<>(topic, ticket.key(), ticket.value())));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
    }

    /** Reads the output and dead-letter topics from the beginning until {@code done} holds or the timeout passes. */
    public static Outputs readUntil(String brokers, TicketEnrichmentOptions options, Duration timeout, Predicate<Outputs> done) {
        try (Reader reader = new Reader(brokers, options, true)) {
            return reader.readUntil(timeout, done);
        }
    }

    /** A reader of the output and dead-letter topics, from their beginning or from their end at creation. */
    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final String outputTopic;
        private final Outputs outputs = new Outputs();

        public Reader(String brokers, TicketEnrichmentOptions options, boolean fromBeginning) {
            outputTopic = options.outputTopic();
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(options.outputTopic(), options.deadLetterTopic())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // resolve "the end" now, not at the first poll
            }
        }

        /** Reads on until {@code done} holds for everything read so far, or the timeout passes. */
        public Outputs readUntil(Duration timeout, Predicate<Outputs> done) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(outputs) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    (r.topic().equals(outputTopic) ? outputs.enriched : outputs.deadLetters).add(r);
                }
            }
            return outputs;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
