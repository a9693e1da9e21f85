package dev.camelbedrock.examples.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Input tickets for the enrichment tests, and a reader of what came out on the output and dead-letter topics. */
final class TicketFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TEXTS = {
        "I was charged twice on my last invoice, please refund one. Mail me at jane.doe@example.com",
        "The app keeps crashing when I open settings, call me on 555-0100",
        "I cannot log in, the password reset link never arrives",
        "Thank you, the new dashboard is great!",
        "Where can I download last year's statements?",
    };

    private TicketFixtures() {
    }

    /** One input record: the key and the exact value written. */
    record Input(String key, String value) {
    }

    /** {@code count} tickets over {@code keys} customers, each with a per-customer sequence number. */
    static List<Input> tickets(String prefix, int count, int keys, UnaryOperator<Input> poison) {
        Map<String, Integer> seq = new HashMap<>();
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String customer = "c" + (i % keys);
            int n = seq.merge(customer, 1, Integer::sum);
            var ticket = JSON.createObjectNode()
                    .put("id", prefix + "-" + i)
                    .put("customer", customer)
                    .put("seq", n)
                    .put("text", TEXTS[i % TEXTS.length]);
            inputs.add(poison.apply(new Input(customer, ticket.toString())));
        }
        return inputs;
    }

    static void produce(String brokers, String topic, List<Input> inputs) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Input input : inputs) {
                sent.add(producer.send(new ProducerRecord<>(topic, input.key(), input.value())));
            }
            for (var f : sent) {
                f.get();
            }
        }
    }

    /** Everything read so far from the output and dead-letter topics, in the order of each partition. */
    static final class Outputs {
        final List<ConsumerRecord<String, String>> enriched = new ArrayList<>();
        final List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();

        /** The input value each output stands for: the enriched ticket's id, or the dead letter's original. */
        Set<String> distinctInputs(Map<String, String> valueById) {
            Set<String> seen = new LinkedHashSet<>();
            for (var r : enriched) {
                seen.add(valueById.get(json(r.value()).path("id").asText()));
            }
            for (var r : deadLetters) {
                seen.add(json(r.value()).path("original").asText());
            }
            return seen;
        }

        int duplicates(Map<String, String> valueById) {
            return enriched.size() + deadLetters.size() - distinctInputs(valueById).size();
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    /** Reads both topics from the beginning until {@code done} holds or the timeout passes. */
    static Outputs readUntil(String brokers, String outputTopic, String deadLetterTopic, Duration timeout,
                             Predicate<Outputs> done) {
        Outputs outputs = new Outputs();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(outputTopic, deadLetterTopic)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(outputs) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    (r.topic().equals(outputTopic) ? outputs.enriched : outputs.deadLetters).add(r);
                }
            }
        }
        return outputs;
    }

    /** Per key, the sequence numbers of the enriched tickets in the order they were written (first occurrences). */
    static Map<String, List<Integer>> sequencesByKey(List<ConsumerRecord<String, String>> enriched) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (var r : enriched) {
            JsonNode ticket = json(r.value());
            if (seen.add(ticket.path("id").asText())) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(ticket.path("seq").asInt());
            }
        }
        return byKey;
    }
}
