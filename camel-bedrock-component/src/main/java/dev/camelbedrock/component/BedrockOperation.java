package dev.camelbedrock.component;

/**
 * The operations of the {@code bedrock:} endpoint: the URI path, overridable per message by the
 * {@link BedrockHeaders#OPERATION} header.
 */
public enum BedrockOperation {
    /** Chat through the Converse API: reply text in the body, usage and tool calls in headers. */
    converse,
    /** Chat through ConverseStream: text deltas reach the route while the model generates. */
    converseStream,
    /** Counts the input tokens of a prompt, messages or a Converse request without running the model. */
    countTokens,

    // ---- knowledge bases, guardrails, provisioned throughput, foundation models ----

    /** Queries a knowledge base: the body (query text) becomes a List of BedrockRetrievalResult. */
    retrieve,
    /** Answers a question from a knowledge base or external sources: answer text in the body, citations and session id in headers. */
    retrieveAndGenerate,
    /** Starts syncing a knowledge-base data source; optionally waits until the job ends. */
    startIngestionJob,
    /** Reads an ingestion job's status and statistics; optionally waits until it ends. */
    getIngestionJob,
    /** Checks text with a guardrail without calling a model: the text to carry on with in the body, the action and assessments in headers. */
    applyGuardrail,
    /** Buys provisioned throughput for a model (retry-safe: the client request token comes from the exchange). */
    createProvisionedThroughput,
    /** Reads one provisioned throughput by name or ARN. */
    getProvisionedThroughput,
    /** Lists provisioned throughputs, every page, optionally filtered and sorted. */
    listProvisionedThroughputs,
    /** Renames a provisioned throughput or changes its (custom) model. */
    updateProvisionedThroughput,
    /** Deletes a provisioned throughput (no-commitment ones, or once the commitment has expired). */
    deleteProvisionedThroughput,
    /** Lists the foundation models of the region, optionally filtered. */
    listFoundationModels,
    /** Reads one foundation model's details. */
    getFoundationModel;

    /** Parses an operation name as the URI or the header spells it, with a message listing the accepted names. */
    public static BedrockOperation fromName(String name) {
        for (BedrockOperation op : values()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "Unknown Bedrock operation '" + name + "'. Accepted: " + java.util.Arrays.toString(values()));
    }
}
