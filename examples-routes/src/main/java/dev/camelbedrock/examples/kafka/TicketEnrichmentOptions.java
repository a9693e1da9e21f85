package dev.camelbedrock.examples.kafka;

import java.util.Objects;

/**
 * Everything the Kafka ticket enrichment can be tuned with; fluent setters, sane defaults. Only {@code brokers} is
 * required. The guardrail and embedding steps are switched on by giving them a guardrail id and an embedding model
 * (see docs/kafka-and-kamelets.md).
 */
public final class TicketEnrichmentOptions {

    private String brokers;
    private String inputTopic = "tickets";
    private String outputTopic = "tickets-enriched";
    private String deadLetterTopic = "tickets-dlq";
    private String groupId = "ticket-enricher";
    private int batchSize = 50;
    private int consumersCount = 1;
    private long batchingIntervalMs = 500;
    private long batchTimeoutMs = 120_000;
    private String chatModelId = "anthropic.claude-3-haiku-20240307-v1:0";
    private String guardrailIdentifier;
    private String guardrailVersion = "DRAFT";
    private String embeddingModelId;
    private boolean includeVector;
    private boolean streamClassification;
    private int maximumRedeliveries = 3;
    private long redeliveryDelayMs = 1000;

    public static TicketEnrichmentOptions forBrokers(String brokers) {
        return new TicketEnrichmentOptions().brokers(brokers);
    }

    /** Kafka bootstrap servers, {@code host:port[,host:port]}. */
    public TicketEnrichmentOptions brokers(String brokers) {
        this.brokers = Objects.requireNonNull(brokers, "brokers");
        return this;
    }

    public TicketEnrichmentOptions inputTopic(String topic) {
        this.inputTopic = topic;
        return this;
    }

    public TicketEnrichmentOptions outputTopic(String topic) {
        this.outputTopic = topic;
        return this;
    }

    public TicketEnrichmentOptions deadLetterTopic(String topic) {
        this.deadLetterTopic = topic;
        return this;
    }

    /** The consumer group: every instance with the same group id shares the input topic's partitions. */
    public TicketEnrichmentOptions groupId(String groupId) {
        this.groupId = groupId;
        return this;
    }

    /** Records per batch (the consumer's max.poll.records): how many tickets are enriched concurrently. */
    public TicketEnrichmentOptions batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Kafka consumers (threads) in this instance; more than the partitions it is assigned is wasted. */
    public TicketEnrichmentOptions consumersCount(int consumersCount) {
        this.consumersCount = consumersCount;
        return this;
    }

    /** A batch that is not full is dispatched after this long. */
    public TicketEnrichmentOptions batchingIntervalMs(long ms) {
        this.batchingIntervalMs = ms;
        return this;
    }

    /** How long one batch may take before its unfinished records are given up (not committed, consumed again). */
    public TicketEnrichmentOptions batchTimeoutMs(long ms) {
        this.batchTimeoutMs = ms;
        return this;
    }

    public TicketEnrichmentOptions chatModelId(String modelId) {
        this.chatModelId = modelId;
        return this;
    }

    /** Switches the PII-masking guardrail step on (bedrock:applyGuardrail); null: off. */
    public TicketEnrichmentOptions guardrail(String identifier, String version) {
        this.guardrailIdentifier = identifier;
        this.guardrailVersion = version;
        return this;
    }

    /** Switches the embedding step on (bedrock:embed); null: off. */
    public TicketEnrichmentOptions embeddingModelId(String modelId) {
        this.embeddingModelId = modelId;
        return this;
    }

    /** Whether the enriched record carries the embedding vector itself, not only its dimensions. */
    public TicketEnrichmentOptions includeVector(boolean includeVector) {
        this.includeVector = includeVector;
        return this;
    }

    /**
     * Whether the classification is asked with {@code bedrock:converseStream} (the reply read to its end) instead of
     * {@code bedrock:converse}: same result, but a stream that breaks in the middle (an exception event, a cut) fails
     * the step like any other retryable Bedrock error.
     */
    public TicketEnrichmentOptions streamClassification(boolean stream) {
        this.streamClassification = stream;
        return this;
    }

    /** Redeliveries of a retryable Bedrock failure (throttling, timeouts, 5xx) before the record is dead-lettered. */
    public TicketEnrichmentOptions maximumRedeliveries(int redeliveries) {
        this.maximumRedeliveries = redeliveries;
        return this;
    }

    /** The first redelivery delay; it doubles on each further attempt. */
    public TicketEnrichmentOptions redeliveryDelayMs(long ms) {
        this.redeliveryDelayMs = ms;
        return this;
    }

    public String brokers() {
        if (brokers == null) {
            throw new IllegalStateException("TicketEnrichmentOptions: brokers is not set");
        }
        return brokers;
    }

    public String inputTopic() {
        return inputTopic;
    }

    public String outputTopic() {
        return outputTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public String groupId() {
        return groupId;
    }

    public int batchSize() {
        return batchSize;
    }

    public int consumersCount() {
        return consumersCount;
    }

    public long batchingIntervalMs() {
        return batchingIntervalMs;
    }

    public long batchTimeoutMs() {
        return batchTimeoutMs;
    }

    public String chatModelId() {
        return chatModelId;
    }

    public String guardrailIdentifier() {
        return guardrailIdentifier;
    }

    public String guardrailVersion() {
        return guardrailVersion;
    }

    public boolean guardrailEnabled() {
        return guardrailIdentifier != null && !guardrailIdentifier.isBlank();
    }

    public String embeddingModelId() {
        return embeddingModelId;
    }

    public boolean embeddingEnabled() {
        return embeddingModelId != null && !embeddingModelId.isBlank();
    }

    public boolean includeVector() {
        return includeVector;
    }

    public boolean streamClassification() {
        return streamClassification;
    }

    public int maximumRedeliveries() {
        return maximumRedeliveries;
    }

    public long redeliveryDelayMs() {
        return redeliveryDelayMs;
    }
}
