package dev.camelbedrock.examples.kafka;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ShutdownRoute;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.kafka.common.KafkaException;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kafka-to-Bedrock batch enrichment of support tickets (Java DSL).
 *
 * <pre>
 * kafka:tickets (batching, manual commit) ──► OrderedBatchProcessor ──► direct:enrich-ticket, per key in order
 *     direct:enrich-ticket: read ticket ─► [bedrock:applyGuardrail: mask PII] ─► bedrock:converse (JSON sentiment
 *     and category) ─► [bedrock:embed of the masked text] ─► kafka:tickets-enriched (keyed as the input)
 *     any failure for good ──► kafka:tickets-dlq {"error","errorType",…,"original"} (keyed as the input)
 * then commitSync of the batch's offsets, once Kafka acknowledged every output or dead letter.
 * </pre>
 *
 * The steps in brackets run when {@link TicketEnrichmentOptions#guardrail} and
 * {@link TicketEnrichmentOptions#embeddingModelId} are set. Retryable Bedrock errors (throttling, model timeout,
 * 5xx, no answer) are redelivered with exponential backoff, without holding a thread; input errors, malformed model
 * answers and exhausted retries are dead-lettered; a record that Kafka does not take (neither output nor dead
 * letter) fails its batch, which is then consumed again from the last committed offset. See
 * docs/kafka-and-kamelets.md.
 */
public class TicketEnrichmentRoutes extends RouteBuilder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TicketEnrichmentRoutes.class);

    /** The per-record enrichment route. */
    public static final String ENRICH = "direct:enrich-ticket";
    public static final String DEAD_LETTER = "direct:dead-letter-ticket";
    /** With {@link TicketEnrichmentOptions#streamClassification}: converseStream, the reply read to its end. */
    public static final String CLASSIFY_STREAMED = "direct:classify-ticket-streamed";

    private final TicketEnrichmentOptions options;
    private final AtomicLong enriched = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private OrderedBatchProcessor batches;

    public TicketEnrichmentRoutes(TicketEnrichmentOptions options) {
        this.options = options;
    }

    /** Records written to the output topic by this instance (acknowledged by Kafka). */
    public long enrichedCount() {
        return enriched.get();
    }

    /** Records written to the dead-letter topic by this instance (acknowledged by Kafka). */
    public long deadLetteredCount() {
        return deadLettered.get();
    }

    /**
     * Batches this instance failed and left to be consumed again (a record neither enriched nor dead-lettered, or the
     * batch timed out): the records after the gap in such a batch may come out twice.
     */
    public long failedBatchCount() {
        return batches == null ? 0 : batches.failedBatches();
    }

    /** The consumer endpoint: batches of up to batchSize records, offsets committed only by OrderedBatchProcessor. */
    public String consumerUri() {
        return "kafka:" + options.inputTopic() + "?brokers=" + options.brokers()
               + "&groupId=" + options.groupId()
               + "&autoOffsetReset=earliest"
               + "&batching=true&maxPollRecords=" + options.batchSize()
               + "&batchingIntervalMs=" + options.batchingIntervalMs() + "&pollTimeoutMs=" + Math.min(500, options.batchingIntervalMs())
               + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
               + "&consumersCount=" + options.consumersCount()
               + "&maxPollIntervalMs=" + Math.max(300_000, options.batchTimeoutMs() + 60_000);
    }

    private String producerUri(String topic) {
        // acks=all and idempotence are camel-kafka's defaults; spelled out because the guarantees rest on them
        return "kafka:" + topic + "?brokers=" + options.brokers() + "&requestRequiredAcks=all&enableIdempotence=true";
    }

    private String classifyUri(String operation) {
        return "bedrock:" + operation + "?modelId=" + options.chatModelId() + "&maxTokens=100&temperature=0";
    }

    /** Whether the failure is a Bedrock error that a later attempt may not get (throttling, timeouts, 5xx, I/O). */
    static boolean retryable(org.apache.camel.Exchange exchange) {
        for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
            if (t instanceof BedrockException bedrock) {
                return bedrock.isRetryable();
            }
        }
        return false;
    }

    private static void logDeadLetter(org.apache.camel.Exchange exchange) {
        Throwable cause = exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn("Dead-lettering the record at {}-{}@{}: {}", exchange.getMessage().getHeader(KafkaConstants.TOPIC),
                exchange.getMessage().getHeader(KafkaConstants.PARTITION), exchange.getMessage().getHeader(KafkaConstants.OFFSET),
                cause);
    }

    /** Redeliveries with exponential backoff, scheduled without holding a thread. */
    private OnExceptionDefinition withBackoff(OnExceptionDefinition clause) {
        return clause.maximumRedeliveries(options.maximumRedeliveries())
                .redeliveryDelay(options.redeliveryDelayMs()).useExponentialBackOff().backOffMultiplier(2)
                .asyncDelayedRedelivery();
    }

    @Override
    public void configure() {
        from(consumerUri()).routeId("tickets-consumer")
                .process(batches = new OrderedBatchProcessor(getContext(), ENRICH, options.batchTimeoutMs(),
                        options.consumersCount()));

        RouteDefinition enrich = from(ENRICH).routeId("enrich-ticket")
                // keep enriching (and dead-lettering) until the consumer route has finished its in-flight batch
                .shutdownRoute(ShutdownRoute.Defer);
        // Kafka did not take the record (output or dead letter): fail it, so its offset is not committed
        enrich.onException(KafkaException.class).handled(false);
        // transient Bedrock trouble: redelivered from the failed step with exponential backoff, no thread held
        withBackoff(enrich.onException(BedrockException.class).onWhen(TicketEnrichmentRoutes::retryable))
                .onRedelivery(e -> e.setProperty(Tickets.REDELIVERIES, e.getMessage().getHeader(
                        org.apache.camel.Exchange.REDELIVERY_COUNTER, Integer.class)))
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .handled(true)
                .to(DEAD_LETTER);
        // the bedrock: endpoint is full (maxInFlight, with as many parked) or stopping: not the record's fault, so
        // retry and, failing that, fail the record (its batch is consumed again) instead of dead-lettering it
        withBackoff(enrich.onException(RejectedExecutionException.class)).handled(false);
        // failing for good: bad input, refused request, malformed answer. Not a retryable Bedrock error: Camel picks
        // the clause from the innermost cause outwards, so without the guard this clause would claim a connection
        // reset or timeout (a BedrockClientException caused by an IOException) and dead-letter it unretried
        enrich.onException(Exception.class).onWhen(e -> !retryable(e)).handled(true).to(DEAD_LETTER);
        enrich.process(Tickets::readTicket);
        if (options.guardrailEnabled()) {
            // before anything reaches a model: the body becomes the text with PII masked
            enrich.to("bedrock:applyGuardrail?guardrailIdentifier=" + options.guardrailIdentifier()
                      + "&guardrailVersion=" + options.guardrailVersion())
                    .process(Tickets::readGuardrail);
        }
        enrich.setProperty(Tickets.MASKED_TEXT, body())
                .setHeader(BedrockHeaders.SYSTEM_PROMPT, constant(Tickets.CLASSIFY_PROMPT))
                .to(options.streamClassification() ? CLASSIFY_STREAMED : classifyUri("converse"))
                .process(Tickets::readClassification);
        if (options.embeddingEnabled()) {
            enrich.setBody(exchangeProperty(Tickets.MASKED_TEXT))
                    .to("bedrock:embed?modelId=" + options.embeddingModelId())
                    .setProperty(Tickets.EMBEDDING, body());
        }
        boolean includeVector = options.includeVector();
        enrich.process(e -> Tickets.writeEnriched(e, includeVector))
                // the kafka.KEY header of the consumed record is still set: the output is keyed as the input
                .to(producerUri(options.outputTopic()))
                .process(e -> enriched.incrementAndGet());

        if (options.streamClassification()) {
            // the call and the reading of its stream are one step, so a redelivery after a broken stream calls
            // Bedrock again (redelivering only the reading would read the same broken stream); errors go back to the
            // enrich route's handler
            from(CLASSIFY_STREAMED).routeId("classify-ticket-streamed")
                    .shutdownRoute(ShutdownRoute.Defer)
                    .errorHandler(noErrorHandler())
                    .to(classifyUri("converseStream"))
                    .process(Tickets::readStreamToEnd);
        }

        from(DEAD_LETTER).routeId("dead-letter-ticket")
                .shutdownRoute(ShutdownRoute.Defer)
                .process(Tickets::writeDeadLetter)
                .process(TicketEnrichmentRoutes::logDeadLetter)
                .to(producerUri(options.deadLetterTopic()))
                .process(e -> deadLettered.incrementAndGet());
    }
}
