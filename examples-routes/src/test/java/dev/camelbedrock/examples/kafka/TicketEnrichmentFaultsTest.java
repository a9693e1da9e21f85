package dev.camelbedrock.examples.kafka;

import dev.camelbedrock.component.options.RateControl;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.examples.EmulatorComponents;
import dev.camelbedrock.examples.kafka.TicketTopics.Outputs;
import dev.camelbedrock.examples.kafka.TicketTopics.Ticket;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.camelbedrock.examples.kafka.TicketFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: the Kafka enrichment under about 10 % injected Bedrock faults of every kind, with the consumer stopped and
 * a new one started in the same group in the middle. Every input record must end on the output or the dead-letter
 * topic; duplicates only where at-least-once allows them (see docs/kafka-and-kamelets.md, "Under faults").
 * <p>
 * The number of records is {@code -Dkafka.faults.records} (default {@value #DEFAULT_RECORDS}, about two minutes on
 * two busy cores; a smaller number for a quick local run). Count-based assertions only: nothing here is timed.
 */
class TicketEnrichmentFaultsTest {

    static final int DEFAULT_RECORDS = 10_000;
    private static final int RECORDS = Integer.getInteger("kafka.faults.records", DEFAULT_RECORDS);
    private static final int KEYS = 500;
    private static final int PARTITIONS = 4;
    private static final double FAULT_PROBABILITY = 0.10;
    /** Each "slow" answer comes this long after the client gave up on the attempt ({@link #ATTEMPT_TIMEOUT_MS}). */
    private static final long ATTEMPT_TIMEOUT_MS = 2_000;
    private static final long SLOW_MS = 3_000;
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    /** The labels the emulator's stats count the injected faults under: every one must have happened. */
    private static final List<String> EVERY_KIND = List.of("ThrottlingException", "InternalServerException",
            "ServiceUnavailableException", "ModelTimeoutException", "ModelNotReadyException", "reset", "delay",
            "malformed", "cut", "throttlingException", "modelStreamErrorException");
    /** The Bedrock operations the route calls: guardrail, chat (plain, then streamed after the restart), embedding. */
    private static final List<String> OPERATIONS = List.of("ApplyGuardrail", "Converse", "ConverseStream", "InvokeModel");

    @RegisterExtension
    static final KafkaAndEmulator env = new KafkaAndEmulator();

    /** About 10 % of every operation's requests get one of every kind of fault, each from its own seeded draw. */
    private static void injectFaults() {
        List<Fault> kinds = List.of(Fault.error("ThrottlingException"), Fault.error("InternalServerException"),
                Fault.error("ServiceUnavailableException"), Fault.error("ModelTimeoutException"),
                Fault.error("ModelNotReadyException"), Fault.reset(), Fault.delay(Duration.ofMillis(SLOW_MS)),
                Fault.malformed(),
                // streams only: a cut that fails the connection (the SDK ends a stream cut by RST_STREAM normally, and
                // the component then sees no messageStop), a plain cut, and exception events in the middle
                Fault.cut().afterEvents(2).closeConnection(true), Fault.cut().afterEvents(1),
                Fault.streamException("throttlingException").afterEvents(1),
                Fault.streamException("modelStreamErrorException").afterEvents(2).originalStatusCode(500));
        long seed = 7;
        for (String operation : OPERATIONS) {
            env.emulator.inject(Fault.oneOf(kinds).forOperation(operation)
                    .probability(FAULT_PROBABILITY).seed(seed++).times(Fault.ALWAYS));
        }
    }

    private static BedrockComponent faultyClientComponent() {
        BedrockComponent bedrock = EmulatorComponents.bedrock(env.emulator);
        var config = bedrock.getConfiguration();
        // a "slow" answer costs two seconds, not the 10 minutes of the default read timeout
        config.setApiCallAttemptTimeout(ATTEMPT_TIMEOUT_MS);
        config.setReadTimeout(ATTEMPT_TIMEOUT_MS);
        config.setApiCallTimeout(ATTEMPT_TIMEOUT_MS);
        // one tier of retries, Camel's (scheduled, no thread held): the SDK's legacy mode backs off up to 20 s after
        // a throttle and, under a steady 10 % of faults, drains its retry quota and stops retrying at all
        config.setMaxAttempts(1);
        // the injected throttles are random, not a quota: pacing the model after them would only slow the test
        config.setRateControl(RateControl.NONE);
        return bedrock;
    }

    private static CamelContext context(TicketEnrichmentRoutes routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("bedrock", faultyClientComponent());
        context.getShutdownStrategy().setTimeout(120);
        context.addRoutes(routes);
        return context;
    }

    private static TicketEnrichmentOptions options(String topic) {
        return env.options(topic, PARTITIONS).batchSize(250).consumersCount(2).batchingIntervalMs(100)
                .maximumRedeliveries(4).redeliveryDelayMs(250);
    }

    @Test
    void everyRecordEndsEnrichedOrDeadLetteredUnderFaultsAndARestart() throws Exception {
        String topic = "tickets-faults";
        TicketEnrichmentOptions options = options(topic);
        assertThat(options.guardrailEnabled()).as("the guardrail step runs").isTrue();
        assertThat(options.embeddingEnabled()).as("the embedding step runs").isTrue();

        List<Ticket> inputs = TicketFixtures.tickets("K", RECORDS, KEYS);
        Map<String, Ticket> inputById = new HashMap<>();
        Map<String, String> valueById = new HashMap<>();
        for (Ticket t : inputs) {
            String id = json(t.value()).path("id").asText();
            inputById.put(id, t);
            valueById.put(id, t.value());
        }
        injectFaults();
        int restartAfter = RECORDS * 3 / 10;

        long started = System.nanoTime();
        TicketEnrichmentRoutes before = new TicketEnrichmentRoutes(options);
        TicketEnrichmentRoutes after = new TicketEnrichmentRoutes(options(topic).streamClassification(true));
        Outputs out;
        try (TicketTopics.Reader reader = new TicketTopics.Reader(env.kafka.bootstrapServers(), options, true)) {
            try (CamelContext context = context(before)) {
                context.start();
                TicketTopics.produce(env.kafka.bootstrapServers(), options.inputTopic(), inputs);
                reader.readUntil(PATIENCE, o -> TicketFixtures.distinctInputs(o, valueById).size() >= restartAfter);
                context.stop();
            }
            // the second instance of the group classifies with converseStream, so the stream faults hit it too
            try (CamelContext context = context(after)) {
                context.start();
                out = reader.readUntil(PATIENCE, o -> TicketFixtures.distinctInputs(o, valueById).size() >= RECORDS);
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        int duplicates = TicketFixtures.duplicates(out, valueById);
        long failedBatches = before.failedBatchCount() + after.failedBatchCount();
        Map<String, Long> faults = new TreeMap<>(env.emulator.stats().faultsInjected());
        System.out.printf("[kafka-faults] %d records in %d s: %d enriched, %d dead-lettered, %d duplicates;"
                        + " before the restart %d enriched + %d dead-lettered, after %d + %d; %d failed batches;"
                        + " %d Bedrock requests, faults injected %s%n",
                RECORDS, seconds, out.enriched.size(), out.deadLetters.size(), duplicates,
                before.enrichedCount(), before.deadLetteredCount(), after.enrichedCount(), after.deadLetteredCount(),
                failedBatches, env.emulator.stats().total(), faults);

        Map<String, Long> deadLetterKinds = new TreeMap<>();
        for (ConsumerRecord<String, String> r : out.deadLetters) {
            JsonNode letter = json(r.value());
            deadLetterKinds.merge(letter.path("errorType").asText() + (letter.path("retryable").asBoolean()
                    ? " after " + letter.path("redeliveries").asInt() + " redeliveries" : " (not retryable)"), 1L, Long::sum);
        }
        System.out.printf("[kafka-faults] dead letters: %s%n", deadLetterKinds);

        // nothing lost: every input is on the output or the dead-letter topic
        assertThat(TicketFixtures.distinctInputs(out, valueById)).containsExactlyInAnyOrderElementsOf(valueById.values());
        assertThat(before.enrichedCount() + before.deadLetteredCount()).as("stopped in the middle")
                .isBetween((long) restartAfter, (long) RECORDS - 1);
        assertThat(after.enrichedCount() + after.deadLetteredCount()).isPositive();

        // the faults did happen, of every kind, and on every operation the route calls
        assertThat(faults.keySet()).containsAll(EVERY_KIND);
        for (String operation : OPERATIONS) {
            assertThat(env.emulator.stats().count(operation)).as("%s requests", operation).isPositive();
        }
        assertThat(out.deadLetters).as("some faults outlast every retry").isNotEmpty();

        // at-least-once: a record comes out twice only when its batch was consumed again, which a stop and start
        // does at most once per consumer and a failed batch once; each time at most a batch of records repeats
        assertThat(duplicates).isLessThanOrEqualTo(options.batchSize() * (options.consumersCount() + (int) failedBatches));
        TicketFixtures.assertOrderOfFirstWritesPerKey(out);

        for (ConsumerRecord<String, String> r : out.enriched) {
            JsonNode ticket = json(r.value());
            assertThat(r.key()).isEqualTo(inputById.get(ticket.path("id").asText()).key());
            assertThat(ticket.path("enrichment").path("sentiment").asText()).isIn(Tickets.SENTIMENTS);
            assertThat(ticket.path("enrichment").path("embeddingDimensions").asInt()).isPositive();
        }
        // a dead letter carries the error and the original record, verbatim, keyed as it was
        for (ConsumerRecord<String, String> r : out.deadLetters) {
            JsonNode letter = json(r.value());
            String original = letter.path("original").asText();
            Ticket input = inputById.get(json(original).path("id").asText());
            assertThat(original).isEqualTo(input.value());
            assertThat(r.key()).isEqualTo(input.key());
            assertThat(letter.path("error").asText()).isNotBlank();
            assertThat(letter.path("errorType").asText()).isNotBlank();
            assertThat(letter.path("source").path("topic").asText()).isEqualTo(topic);
            assertThat(letter.path("source").has("offset")).isTrue();
        }
    }
}
