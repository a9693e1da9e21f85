package dev.camelbedrock.component;

/**
 * The operations of the {@code bedrock:} endpoint: the URI path, overridable per message by the
 * {@link BedrockHeaders#OPERATION} header.
 */
public enum BedrockOperation {
    converse("Chat through the Converse API. In: a String turn, Message, List of Message, or ConverseRequest."
             + " Out: the reply text; usage, stop reason, tool calls in headers."),
    converseStream("Chat through ConverseStream; deltas reach the route while the model writes. Out: an Iterator of text"
                   + " deltas (split(body()).streaming()), or each delta sent to streamTo and the whole text at the end."),
    countTokens("Counts input tokens without running the model: what converse would send for a String, Message(s) or"
                + " ConverseRequest; an InvokeModelRequest or native body as InvokeModel would send it. Out: Integer."),
    invokeModel("InvokeModel. In: a native request body sent as it is (JSON String, byte[], InputStream, Map, JsonNode), or"
                + " a prompt (String, List of Message) the model family's codec turns into one (invokeBodyFormat)."
                + " Out: the reply (raw: String, byte[] or JsonNode; prompt: the text); tokens and latency in headers."),
    invokeModelStream("InvokeModelWithResponseStream, delivered like converseStream. Out: an Iterator of each chunk's JSON"
                      + " (raw) or of text deltas (prompt), or each sent to streamTo; stop reason and usage at the end."),
    embed("Embeddings. In: a String, a List of Strings, or image bytes for multimodal models. Out: List<Float>, or"
          + " List<List<Float>> in input order; long lists are batched and called concurrently."),
    image("Text-to-image. In: a prompt String or a native request Map. Out: the image bytes (PNG unless outputFormat"
          + " says otherwise), a List of byte[] when more are asked; seeds in a header. Size rules checked first."),

    // ---- knowledge bases, guardrails, provisioned throughput, foundation models ----

    retrieve("Queries a knowledge base. In: the query text. Out: a List of BedrockRetrievalResult (text, score, location,"
             + " metadata), every page up to numberOfResults."),
    retrieveAndGenerate("Answers a question from a knowledge base or external sources. In: the question. Out: the answer"
                        + " text; citations and the session id in headers."),
    rerank("Orders documents by relevance to a query (rerankingModelId). In: a List of documents (String, Map, JsonNode,"
           + " BedrockRetrievalResult), the query in CamelBedrockRerankQuery. Out: a List of BedrockRerankResult (index, score,"
           + " document), best first; numberOfRerankedResults keeps the best n."),
    getPrompt("Reads a managed prompt (promptIdentifier, promptVersion) for routes that render its template themselves."
              + " Out: the GetPromptResponse; its ARN and version in headers. (converse takes a prompt ARN as modelId with"
              + " promptVariable.NAME options.)"),
    invokeAgent("Talks to a Bedrock agent (agentId, agentAliasId). In: the user's text. Out: the agent's answer; the session id"
                + " and traces in headers. A function the agent returns control for runs on the bedrock-tool: route of its name."),
    startIngestionJob("Starts syncing a knowledge-base data source; optionally waits until the job ends. Out: the job status;"
                      + " statistics in headers."),
    getIngestionJob("Reads an ingestion job's status and statistics; optionally waits until it ends."),
    applyGuardrail("Checks content with a guardrail, no model involved. In: a String, List of Strings or content blocks."
                   + " Out: the text to carry on with (masked, blocked message, or unchanged); action and assessments in headers."),
    createProvisionedThroughput("Buys provisioned throughput for a model; retry-safe (the client request token comes from the"
                                + " exchange); optionally waits until InService. Out: the ARN."),
    getProvisionedThroughput("Reads one provisioned throughput by name or ARN. Out: the SDK response; ARN and status in headers."),
    listProvisionedThroughputs("Lists provisioned throughputs, every page, optionally filtered and sorted. Out: a List of summaries."),
    updateProvisionedThroughput("Renames a provisioned throughput or changes its (custom) model."),
    deleteProvisionedThroughput("Deletes a provisioned throughput."),
    listFoundationModels("Lists the region's foundation models, optionally filtered. Out: a List of model summaries."),
    getFoundationModel("Reads one foundation model's details.");

    private final String description;

    BedrockOperation(String description) {
        this.description = description;
    }

    /** What the operation does, its body in and out: the README's operation table is generated from this. */
    public String description() {
        return description;
    }

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
