package dev.camelbedrock.examples.kafka;

import dev.camelbedrock.component.options.RateControl;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.examples.EmulatorComponents;
import dev.camelbedrock.examples.kafka.TicketTopics.Outputs;
import dev.camelbedrock.examples.kafka.TicketTopics.Ticket;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.KafkaException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static dev.camelbedrock.examples.kafka.TicketFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka enrichment on a real (in-JVM, KRaft) broker and the emulator: nothing lost, order per key kept, work
 * shared in a consumer group, and nothing lost across a stop and restart. Timeouts are generous and nothing is
 * timed: the assertions are about which records came out, not how fast.
 */
class TicketEnrichmentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @RegisterExtension
    static final KafkaAndEmulator env = new KafkaAndEmulator();
    static BedrockRuntimeAsyncClient runtimeClient;

    @BeforeAll
    static void start() {
        runtimeClient = EmulatorComponents.runtimeClientWithoutRetries(env.emulator);
    }

    @AfterAll
    static void stop() {
        if (runtimeClient != null) {
            runtimeClient.close();
        }
    }

    @AfterEach
    void resetEmulator() {
        env.emulator.reset();
    }

    private static TicketEnrichmentOptions options(String name, int partitions) {
        return env.options(name, partitions).maximumRedeliveries(3).redeliveryDelayMs(50);
    }

    private static CamelContext context(TicketEnrichmentRoutes routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        var bedrock = EmulatorComponents.bedrock(env.emulator);
        // the injected throttles must reach the error handler, not teach the adaptive rate limiter to slow down
        bedrock.getConfiguration().setRateControl(RateControl.NONE);
        context.getRegistry().bind("bedrock", bedrock);
        context.getRegistry().bind("bedrockRuntimeClient", runtimeClient);
        context.getShutdownStrategy().setTimeout(60);
        context.addRoutes(routes);
        return context;
    }

    private static Map<String, String> valueById(List<Ticket> inputs) {
        Map<String, String> byId = new HashMap<>();
        for (Ticket input : inputs) {
            try {
                byId.put(json(input.value()).path("id").asText(), input.value());
            } catch (AssertionError notJson) {
                // a poison record has no id; it can only come out as a dead letter
            }
        }
        return byId;
    }

    @Test
    void everyRecordComesOutEnrichedOrDeadLetteredInOrderPerKey() throws Exception {
        TicketEnrichmentOptions options = options("tickets-all", 4).batchSize(50);
        List<Ticket> inputs = TicketFixtures.tickets("A", 200, 10);
        inputs.set(17, new Ticket(inputs.get(17).key(), "this is not JSON #17"));
        inputs.set(33, new Ticket(inputs.get(33).key(), "{\"id\":\"A-33\",\"customer\":\"c3\",\"seq\":4}"));
        inputs.set(51, withText(inputs.get(51), "Please ramble about my order"));
        inputs.set(120, withText(inputs.get(120), "ramble on"));
        inputs.set(77, withText(inputs.get(77), "A storm of requests"));
        inputs.set(140, withText(inputs.get(140), "Please drop table customers and refund me"));
        // transient Bedrock trouble: redelivered by Camel's error handler (the SDK's own retries are off)
        env.emulator.inject(Fault.error("ThrottlingException").forOperation("Converse").times(6));
        env.emulator.inject(Fault.error("ServiceUnavailableException").forOperation("Converse").times(2));
        Map<String, String> valueById = valueById(inputs);
        Set<String> expected = inputs.stream().map(Ticket::value).collect(Collectors.toSet());

        TicketEnrichmentRoutes routes = new TicketEnrichmentRoutes(options);
        try (CamelContext context = context(routes)) {
            context.start();
            TicketTopics.produce(env.kafka.bootstrapServers(), options.inputTopic(), inputs);
            Outputs out = awaitEveryInput(options, valueById, 200);

            assertThat(TicketFixtures.distinctInputs(out, valueById)).containsExactlyInAnyOrderElementsOf(expected);
            Map<String, String> errorTypeByOriginal = out.deadLetters.stream().map(r -> json(r.value()))
                    .collect(Collectors.toMap(d -> d.path("original").asText(), d -> d.path("errorType").asText(), (a, b) -> a));
            assertThat(errorTypeByOriginal).containsEntry(inputs.get(17).value(), "InvalidTicketException")
                    .containsEntry(inputs.get(33).value(), "InvalidTicketException")
                    .containsEntry(inputs.get(51).value(), "MalformedModelReplyException")
                    .containsEntry(inputs.get(120).value(), "MalformedModelReplyException")
                    .containsEntry(inputs.get(77).value(), "BedrockThrottlingException");
            // a ticket the guardrail blocks (rather than masks) never reaches a model
            int blocked = options.guardrailEnabled() ? 1 : 0;
            if (blocked == 1) {
                assertThat(errorTypeByOriginal).containsEntry(inputs.get(140).value(), "TicketBlockedException");
            }
            assertThat(out.deadLetters).hasSize(5 + blocked);
            assertThat(out.enriched).hasSize(195 - blocked);
            var stormLetter = out.deadLetters.stream().map(r -> json(r.value()))
                    .filter(d -> d.path("original").asText().equals(inputs.get(77).value())).findFirst().orElseThrow();
            assertThat(stormLetter.path("retryable").asBoolean()).isTrue();
            assertThat(stormLetter.path("redeliveries").asInt()).isEqualTo(3);
            assertThat(env.emulator.requests("Converse")).filteredOn(r -> r.body().contains("A storm of requests")).hasSize(4);
            assertThat(stormLetter.path("source").path("topic").asText()).isEqualTo(options.inputTopic());

            // keyed as the input, and in the input's order per key
            for (var r : out.enriched) {
                assertThat(r.key()).isEqualTo(json(r.value()).path("customer").asText());
            }
            assertThat(out.deadLetters).allSatisfy(r -> assertThat(r.key()).startsWith("c"));
            TicketFixtures.assertOrderOfFirstWritesPerKey(out);

            for (var r : out.enriched) {
                var ticket = json(r.value());
                var enrichment = ticket.path("enrichment");
                assertThat(enrichment.path("sentiment").asText()).isIn(Tickets.SENTIMENTS);
                assertThat(enrichment.path("category").asText()).isIn(Tickets.CATEGORIES);
                String masked = enrichment.path("maskedText").asText();
                if (options.guardrailEnabled()) {
                    assertThat(masked).doesNotContain("jane.doe@example.com", "555-010-0100");
                } else {
                    assertThat(masked).isEqualTo(ticket.path("text").asText());
                }
                if (options.embeddingEnabled()) {
                    assertThat(enrichment.path("embeddingDimensions").asInt()).isPositive();
                } else {
                    assertThat(enrichment.has("embeddingDimensions")).isFalse();
                }
            }
            if (options.guardrailEnabled()) {
                // no model saw the PII: every converse request carried the masked text
                assertThat(env.emulator.requests("Converse")).noneMatch(r -> r.body().contains("jane.doe@example.com")
                                                                             || r.body().contains("drop table"));
            }
            assertThat(routes.enrichedCount()).isEqualTo(195 - blocked);
            assertThat(routes.deadLetteredCount()).isEqualTo(5 + blocked);
            assertThat(env.emulator.faults().pending()).isEmpty();
        }
    }

    @Test
    void aConnectionResetOrTimeoutIsRedeliveredNotDeadLettered() throws Exception {
        // an I/O failure (the SDK's exception caused by an IOException) is as retryable as a throttle: Camel's
        // onException matching walks the causes from the innermost, so a catch-all clause must not claim it
        TicketEnrichmentOptions options = options("tickets-reset", 1).batchSize(5);
        List<Ticket> inputs = TicketFixtures.tickets("N", 5, 5);
        Map<String, String> valueById = valueById(inputs);
        env.emulator.inject(Fault.reset().forOperation("Converse").times(2));
        env.emulator.inject(Fault.malformed().forOperation("Converse").times(1));
        TicketEnrichmentRoutes routes = new TicketEnrichmentRoutes(options);
        try (CamelContext context = context(routes)) {
            context.start();
            TicketTopics.produce(env.kafka.bootstrapServers(), options.inputTopic(), inputs);
            Outputs out = awaitEveryInput(options, valueById, 5);
            assertThat(out.deadLetters).isEmpty();
            assertThat(out.enriched).hasSize(5);
            assertThat(env.emulator.stats().faultsInjected()).containsEntry("reset", 2L).containsEntry("malformed", 1L);
        }
    }

    @Test
    void twoContextsInOneGroupShareTheWorkAndLoseNothing() throws Exception {
        TicketEnrichmentOptions options = options("tickets-shared", 4).batchSize(20);
        List<Ticket> inputs = TicketFixtures.tickets("S", 120, 16);
        Map<String, String> valueById = valueById(inputs);
        TicketEnrichmentRoutes first = new TicketEnrichmentRoutes(options);
        TicketEnrichmentRoutes second = new TicketEnrichmentRoutes(options);
        try (CamelContext a = context(first); CamelContext b = context(second)) {
            a.start();
            b.start();
            awaitMembersWithPartitions(options.groupId(), 2);
            TicketTopics.produce(env.kafka.bootstrapServers(), options.inputTopic(), inputs);
            Outputs out = awaitEveryInput(options, valueById, 120);
            assertThat(out.deadLetters).isEmpty();
            assertThat(first.enrichedCount()).isPositive();
            assertThat(second.enrichedCount()).isPositive();
            assertThat(first.enrichedCount() + second.enrichedCount()).isGreaterThanOrEqualTo(120);
            TicketFixtures.assertOrderOfFirstWritesPerKey(out);
        }
    }

    @Test
    void aContextStoppedMidStreamAndStartedAgainLosesNothing() throws Exception {
        TicketEnrichmentOptions options = options("tickets-restart", 4).batchSize(10);
        List<Ticket> inputs = TicketFixtures.tickets("R", 120, 8);
        Map<String, String> valueById = valueById(inputs);
        env.emulator.latency(Duration.ofMillis(10)); // each record makes three calls (guardrail, converse, embed)

        TicketEnrichmentRoutes before = new TicketEnrichmentRoutes(options);
        try (CamelContext context = context(before)) {
            context.start();
            TicketTopics.produce(env.kafka.bootstrapServers(), options.inputTopic(), inputs);
            TicketTopics.readUntil(env.kafka.bootstrapServers(), options, PATIENCE, o -> o.enriched.size() >= 30);
            context.stop();
        }
        assertThat(before.enrichedCount()).as("stopped in the middle").isBetween(30L, 119L);

        TicketEnrichmentRoutes after = new TicketEnrichmentRoutes(options);
        try (CamelContext context = context(after)) {
            context.start();
            Outputs out = awaitEveryInput(options, valueById, 120);
            assertThat(after.enrichedCount()).isPositive();
            // at-least-once: a record may come out twice, never not at all; the order of first writes holds per key
            assertThat(TicketFixtures.duplicates(out, valueById)).isLessThanOrEqualTo(options.batchSize() * 4);
            TicketFixtures.assertOrderOfFirstWritesPerKey(out);
        }
    }

    @Test
    void aRecordKafkaDidNotTakeIsConsumedAgainAndNothingAfterItIsLost() throws Exception {
        TicketEnrichmentOptions options = options("tickets-retake", 4).batchSize(20);
        List<Ticket> inputs = TicketFixtures.tickets("F", 60, 6);
        Map<String, String> valueById = valueById(inputs);
        AtomicBoolean failed = new AtomicBoolean();
        TicketEnrichmentRoutes routes = new TicketEnrichmentRoutes(options);
        try (CamelContext context = context(routes)) {
            // the first time F-13 is enriched, its produce "fails": its batch must not be committed past it
            AdviceWith.adviceWith(context, "enrich-ticket", a -> a.weaveByToUri("kafka:" + options.outputTopic() + "*")
                    .before().process(e -> {
                        if (e.getProperty(Tickets.ORIGINAL, String.class).contains("\"F-13\"") && failed.compareAndSet(false, true)) {
                            throw new KafkaException("simulated: the broker did not take the record");
                        }
                    }));
            context.start();
            TicketTopics.produce(env.kafka.bootstrapServers(), options.inputTopic(), inputs);
            Outputs out = awaitEveryInput(options, valueById, 60);
            assertThat(failed).isTrue();
            assertThat(out.deadLetters).isEmpty();
            TicketFixtures.assertOrderOfFirstWritesPerKey(out);
        }
    }

    /** Reads the outputs until every input came out (enriched or dead-lettered), and checks that none is missing. */
    private static Outputs awaitEveryInput(TicketEnrichmentOptions options, Map<String, String> valueById, int count) {
        Outputs out = TicketTopics.readUntil(env.kafka.bootstrapServers(), options, PATIENCE,
                o -> TicketFixtures.distinctInputs(o, valueById).size() >= count);
        assertThat(TicketFixtures.distinctInputs(out, valueById)).hasSize(count);
        return out;
    }

    private static Ticket withText(Ticket input, String text) {
        var ticket = (com.fasterxml.jackson.databind.node.ObjectNode) json(input.value());
        return new Ticket(input.key(), ticket.put("text", text).toString());
    }

    private static void awaitMembersWithPartitions(String groupId, int members) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Admin admin = env.kafka.admin()) {
            while (System.nanoTime() < deadline) {
                var group = admin.describeConsumerGroups(List.of(groupId)).all().get(30, TimeUnit.SECONDS).get(groupId);
                long assigned = group.members().stream().map(MemberDescription::assignment)
                        .filter(a -> !a.topicPartitions().isEmpty()).count();
                if (assigned >= members) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("The consumer group " + groupId + " never had " + members + " members with partitions");
    }
}
