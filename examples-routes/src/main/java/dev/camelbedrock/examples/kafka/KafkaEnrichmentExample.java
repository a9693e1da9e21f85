package dev.camelbedrock.examples.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.examples.kafka.TicketTopics.Outputs;
import dev.camelbedrock.examples.kafka.TicketTopics.Ticket;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The Kafka enrichment as ExamplesMain shows it: 20 tickets in, what came out printed in a few lines. */
public final class KafkaEnrichmentExample {

    /** The guardrail the examples' emulator configuration defines (emulator-rules.json): masks e-mails and phones. */
    public static final String EMULATOR_GUARDRAIL = "ticketpii";
    public static final String EMBEDDING_MODEL = "amazon.titan-embed-text-v2:0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TEXTS = {
        "I was charged twice for order 1182, please refund one. Reach me at jane.doe@example.com",
        "The mobile app crashes on start since the update. Call me back on 555-010-0199",
        "I cannot log in: the password reset mail never arrives at bob@example.org",
        "Thank you for the quick fix yesterday, great support!",
        "How do I export my data to CSV?",
    };

    private KafkaEnrichmentExample() {
    }

    /** The options of the example: every step on; the guardrail step when a guardrail id is given. */
    public static TicketEnrichmentOptions options(String brokers, String chatModel, String guardrailId) {
        TicketEnrichmentOptions options = TicketEnrichmentOptions.forBrokers(brokers).chatModelId(chatModel)
                .groupId("examples-ticket-enricher").batchSize(10);
        if (guardrailId != null) {
            options.guardrail(guardrailId, "DRAFT");
        }
        options.embeddingModelId(EMBEDDING_MODEL);
        return options;
    }

    /** 20 tickets over 5 customers; two of them cannot be enriched (not JSON; a model answer that is not JSON). */
    public static List<Ticket> tickets() {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String customer = "c" + (1 + i % 5);
            String value = JSON.createObjectNode().put("id", "T-" + i).put("customer", customer)
                    .put("text", i == 13 ? "Please ramble about anything" : TEXTS[i % TEXTS.length]).toString();
            tickets.add(new Ticket(customer, i == 7 ? "ticket #7 lost its JSON" : value));
        }
        return tickets;
    }

    /** Sends the tickets, waits for as many results, prints a sample and a summary. */
    public static void run(TicketEnrichmentOptions options, PrintStream out) throws Exception {
        List<Ticket> tickets = tickets();
        Outputs outputs;
        try (var reader = new TicketTopics.Reader(options.brokers(), options, false)) {
            TicketTopics.produce(options.brokers(), options.inputTopic(), tickets);
            outputs = reader.readUntil(Duration.ofSeconds(120), o -> o.total() >= tickets.size());
        }
        outputs.enriched.stream()
                .sorted(java.util.Comparator.comparingInt(r -> Integer.parseInt(read(r.value()).path("id").asText().substring(2))))
                .limit(3).forEach(r -> {
            JsonNode ticket = read(r.value());
            JsonNode e = ticket.path("enrichment");
            out.printf("[kafka-enrichment] %s (key %s): %s/%s%s \"%s\"%n", ticket.path("id").asText(), r.key(),
                    e.path("sentiment").asText(), e.path("category").asText(),
                    e.has("embeddingDimensions") ? ", " + e.path("embeddingDimensions").asInt() + "-d embedding" : "",
                    e.path("maskedText").asText());
        });
        TreeSet<String> errors = new TreeSet<>();
        outputs.deadLetters.forEach(r -> errors.add(read(r.value()).path("errorType").asText()));
        out.printf("[kafka-enrichment] %d tickets in: %d enriched -> %s, %d dead-lettered -> %s %s (guardrail %s, embedding %s)%n",
                tickets.size(), outputs.enriched.size(), options.outputTopic(), outputs.deadLetters.size(),
                options.deadLetterTopic(), errors, options.guardrailEnabled() ? "on" : "off",
                options.embeddingEnabled() ? "on" : "off");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
