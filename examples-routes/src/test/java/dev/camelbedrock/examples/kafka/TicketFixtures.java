package dev.camelbedrock.examples.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.examples.kafka.TicketTopics.Outputs;
import dev.camelbedrock.examples.kafka.TicketTopics.Ticket;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Input tickets for the enrichment tests, and what to check on the outputs. */
final class TicketFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TEXTS = {
        "I was charged twice on my last invoice, please refund one. Mail me at jane.doe@example.com",
        "The app keeps crashing when I open settings, call me on 555-010-0100",
        "I cannot log in, the password reset link never arrives",
        "Thank you, the new dashboard is great!",
        "Where can I download last year's statements?",
    };

    private TicketFixtures() {
    }

    /** {@code count} tickets over {@code keys} customers, each with a per-customer sequence number. */
    static List<Ticket> tickets(String prefix, int count, int keys) {
        Map<String, Integer> seq = new HashMap<>();
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String customer = "c" + (i % keys);
            var ticket = JSON.createObjectNode()
                    .put("id", prefix + "-" + i)
                    .put("customer", customer)
                    .put("seq", seq.merge(customer, 1, Integer::sum))
                    .put("text", TEXTS[i % TEXTS.length]);
            tickets.add(new Ticket(customer, ticket.toString()));
        }
        return tickets;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    /** The input value each output stands for: the enriched ticket's id, or the dead letter's original. */
    static Set<String> distinctInputs(Outputs outputs, Map<String, String> valueById) {
        Set<String> seen = new LinkedHashSet<>();
        for (var r : outputs.enriched) {
            seen.add(valueById.get(json(r.value()).path("id").asText()));
        }
        for (var r : outputs.deadLetters) {
            seen.add(json(r.value()).path("original").asText());
        }
        return seen;
    }

    static int duplicates(Outputs outputs, Map<String, String> valueById) {
        return outputs.total() - distinctInputs(outputs, valueById).size();
    }

    /** Per key, the enriched tickets' sequence numbers (first writes) increase: the input's order per key. */
    static void assertOrderOfFirstWritesPerKey(Outputs outputs) {
        sequencesByKey(outputs.enriched).forEach((key, seqs) ->
                assertThat(seqs).as("sequence numbers of %s", key).isSorted().doesNotHaveDuplicates());
    }

    /** Per key, the sequence numbers of the enriched tickets in the order they were written (first occurrences). */
    static Map<String, List<Integer>> sequencesByKey(List<ConsumerRecord<String, String>> enriched) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (var r : enriched) {
            JsonNode ticket = json(r.value());
            if (seen.add(ticket.path("id").asText())) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(ticket.path("seq").asInt());
            }
        }
        return byKey;
    }
}
