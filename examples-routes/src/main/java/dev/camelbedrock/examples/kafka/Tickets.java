package dev.camelbedrock.examples.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockException;
import dev.camelbedrock.component.error.BedrockGuardrailFinding;
import dev.camelbedrock.component.stream.ChatStream;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The record formats of the ticket enrichment and the steps that read and write them. A ticket is a JSON object with
 * at least a non-blank {@code text}; everything else it carries is kept as is.
 *
 * <pre>
 * in   {"id":"T-7","customer":"c3","seq":4,"text":"I was charged twice, call me at 555-0100"}
 * out  {"id":"T-7","customer":"c3","seq":4,"text":"…",
 *       "enrichment":{"maskedText":"I was charged twice, call me at {PHONE}","sentiment":"negative",
 *                     "category":"billing","embeddingDimensions":256,"guardrailAction":"GUARDRAIL_INTERVENED"}}
 * dlq  {"error":"…","errorType":"MalformedModelReplyException","retryable":false,"redeliveries":0,
 *       "original":"&lt;the input record's value, verbatim&gt;","source":{"topic":"tickets","partition":2,"offset":17},
 *       "failedAt":"2026-01-01T00:00:00Z"}
 * </pre>
 */
public final class Tickets {

    /** Exchange property: the input record's value, verbatim (what the dead letter carries). */
    public static final String ORIGINAL = "ticket.original";
    /** Exchange property: the parsed ticket. */
    public static final String TICKET = "ticket.json";
    /** Exchange property: the ticket text as it may be shown to a model (masked when the guardrail is on). */
    public static final String MASKED_TEXT = "ticket.maskedText";
    /** Exchange property: the guardrail's action for the text, when the guardrail step ran. */
    public static final String GUARDRAIL_ACTION = "ticket.guardrailAction";
    /** Exchange property: the parsed classification. */
    public static final String CLASSIFICATION = "ticket.classification";
    /** Exchange property: the embedding of the masked text, when the embedding step ran. */
    public static final String EMBEDDING = "ticket.embedding";
    /** Exchange property: how many times the failing step was redelivered. */
    public static final String REDELIVERIES = "ticket.redeliveries";

    public static final Set<String> SENTIMENTS = Set.of("positive", "neutral", "negative");
    public static final Set<String> CATEGORIES = Set.of("billing", "technical", "account", "feedback", "other");

    /** The system prompt of the classification call; the answer must be exactly this JSON shape. */
    public static final String CLASSIFY_PROMPT = "You are a support ticket triage classifier. Read the customer's ticket"
            + " and answer with one JSON object and nothing else: {\"sentiment\": one of \"positive\", \"neutral\","
            + " \"negative\"; \"category\": one of \"billing\", \"technical\", \"account\", \"feedback\", \"other\"}.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tickets() {
    }

    /** A record that can never be enriched, whatever the retries: not JSON, not an object, no text. */
    public static class InvalidTicketException extends RuntimeException {
        public InvalidTicketException(String message) {
            super(message);
        }
    }

    /** The model's answer is not the JSON the prompt asked for. Failing for good: the same prompt gets the same answer. */
    public static class MalformedModelReplyException extends RuntimeException {
        public MalformedModelReplyException(String message) {
            super(message);
        }
    }

    /** The guardrail blocked the ticket (rather than masking it): no model may see it, whatever the retries. */
    public static class TicketBlockedException extends RuntimeException {
        public TicketBlockedException(String message) {
            super(message);
        }
    }

    public record Classification(String sentiment, String category) {
    }

    /** First step: keep the original value, parse and validate the ticket, and put its text in the body. */
    public static void readTicket(Exchange exchange) {
        String original = exchange.getMessage().getBody(String.class);
        exchange.setProperty(ORIGINAL, original);
        if (original == null || original.isBlank()) {
            throw new InvalidTicketException("The record has no value");
        }
        JsonNode node;
        try {
            node = JSON.readTree(original);
        } catch (JsonProcessingException e) {
            throw new InvalidTicketException("The record is not JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode ticket)) {
            throw new InvalidTicketException("The record is JSON but not an object");
        }
        JsonNode text = ticket.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new InvalidTicketException("The ticket has no non-blank \"text\" field");
        }
        exchange.setProperty(TICKET, ticket);
        exchange.getMessage().setBody(text.asText());
    }

    /**
     * After bedrock:applyGuardrail: the body is the text to carry on with. A masked text goes on; a blocked one (the
     * guardrail's blocked message) is a failure for good. The reason names the policies, never the matched text.
     */
    public static void readGuardrail(Exchange exchange) {
        exchange.setProperty(GUARDRAIL_ACTION, exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ACTION, String.class));
        List<?> findings = exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_FINDINGS, List.class);
        if (findings == null) {
            return;
        }
        List<String> blocked = findings.stream().map(BedrockGuardrailFinding.class::cast)
                .filter(f -> "BLOCKED".equals(f.action()))
                .map(f -> f.policy() + "/" + f.type()).distinct().toList();
        if (!blocked.isEmpty()) {
            throw new TicketBlockedException("The guardrail blocked the ticket: " + String.join(", ", blocked));
        }
    }

    /** Parses the converse answer: one JSON object (a Markdown code fence around it is tolerated). */
    public static void readClassification(Exchange exchange) {
        String reply = exchange.getMessage().getBody(String.class);
        exchange.setProperty(CLASSIFICATION, parseClassification(reply));
    }

    /**
     * A converseStream answer (a {@link ChatStream}) read to its end: the body becomes the whole reply. A stream that
     * breaks (an exception event, a cut, a bad frame) throws its Bedrock error here.
     */
    public static void readStreamToEnd(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        ChatStream stream = exchange.getMessage().getMandatoryBody(ChatStream.class);
        while (stream.hasNext()) {
            stream.next();
        }
        exchange.getMessage().setBody(stream.getText());
    }

    static Classification parseClassification(String reply) {
        if (reply == null) {
            throw new MalformedModelReplyException("The model gave no answer");
        }
        int start = reply.indexOf('{');
        int end = reply.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new MalformedModelReplyException("The model's answer is not a JSON object: " + abbreviate(reply));
        }
        JsonNode node;
        try {
            node = JSON.readTree(reply.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new MalformedModelReplyException("The model's answer is not valid JSON: " + abbreviate(reply));
        }
        String sentiment = node.path("sentiment").asText("").trim().toLowerCase(java.util.Locale.ROOT);
        String category = node.path("category").asText("").trim().toLowerCase(java.util.Locale.ROOT);
        if (!SENTIMENTS.contains(sentiment) || !CATEGORIES.contains(category)) {
            throw new MalformedModelReplyException("The model's answer has no valid sentiment " + SENTIMENTS
                    + " and category " + CATEGORIES + ": " + abbreviate(reply));
        }
        return new Classification(sentiment, category);
    }

    /** Last step before the produce: the original ticket plus its enrichment, as JSON text. */
    public static void writeEnriched(Exchange exchange, boolean includeVector) {
        ObjectNode ticket = exchange.getProperty(TICKET, ObjectNode.class).deepCopy();
        Classification classification = exchange.getProperty(CLASSIFICATION, Classification.class);
        ObjectNode enrichment = ticket.putObject("enrichment");
        enrichment.put("maskedText", exchange.getProperty(MASKED_TEXT, String.class));
        enrichment.put("sentiment", classification.sentiment());
        enrichment.put("category", classification.category());
        List<?> embedding = exchange.getProperty(EMBEDDING, List.class);
        if (embedding != null) {
            enrichment.put("embeddingDimensions", embedding.size());
            if (includeVector) {
                var vector = enrichment.putArray("embedding");
                embedding.forEach(v -> vector.add(((Number) v).floatValue()));
            }
        }
        String action = exchange.getProperty(GUARDRAIL_ACTION, String.class);
        if (action != null) {
            enrichment.put("guardrailAction", action);
        }
        exchange.getMessage().setBody(ticket.toString());
    }

    /** The dead letter for the exception Camel caught; the key header is left alone so it is keyed as the input. */
    public static void writeDeadLetter(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ObjectNode letter = JSON.createObjectNode();
        letter.put("error", cause == null ? "unknown" : String.valueOf(cause.getMessage()));
        letter.put("errorType", cause == null ? "unknown" : cause.getClass().getSimpleName());
        letter.put("retryable", cause instanceof BedrockException b && b.isRetryable());
        letter.put("redeliveries", exchange.getProperty(REDELIVERIES, 0, Integer.class));
        letter.put("original", exchange.getProperty(ORIGINAL, String.class));
        ObjectNode source = letter.putObject("source");
        source.put("topic", exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class));
        source.put("partition", exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class));
        source.put("offset", exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class));
        letter.put("failedAt", Instant.now().toString());
        exchange.getMessage().setBody(letter.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
