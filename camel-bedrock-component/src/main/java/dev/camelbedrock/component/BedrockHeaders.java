package dev.camelbedrock.component;

import org.apache.camel.spi.Metadata;

/**
 * The message headers of the {@code bedrock:} component. Request headers override the endpoint option of the same
 * meaning for one message; result headers carry everything but the plain result (which is the body).
 */
public final class BedrockHeaders {

    // ---- request: per-message overrides ----

    @Metadata(label = "producer", description = "The operation to perform; overrides the URI path for this message.",
              javaType = "String", enums = "converse,converseStream,countTokens,invokeModel,invokeModelStream,embed,image,"
                      + "retrieve,retrieveAndGenerate,rerank,getPrompt,invokeAgent,startIngestionJob,getIngestionJob,applyGuardrail,"
                      + "createProvisionedThroughput,getProvisionedThroughput,listProvisionedThroughputs,"
                      + "updateProvisionedThroughput,deleteProvisionedThroughput,listFoundationModels,getFoundationModel")
    public static final String OPERATION = "CamelBedrockOperation";

    @Metadata(label = "producer", description = "The model id, inference profile id or ARN; overrides the modelId option.",
              javaType = "String")
    public static final String MODEL_ID = "CamelBedrockModelId";

    @Metadata(label = "producer",
              description = "The model family (a ModelFamily name such as ANTHROPIC_MESSAGES) of a model id that hides it; overrides the modelFamily option.",
              javaType = "String")
    public static final String MODEL_FAMILY = "CamelBedrockModelFamily";

    @Metadata(label = "producer", description = "The system prompt; overrides the systemPrompt option.", javaType = "String")
    public static final String SYSTEM_PROMPT = "CamelBedrockSystemPrompt";

    @Metadata(label = "producer", description = "Maximum number of tokens to generate; overrides the maxTokens option.",
              javaType = "Integer")
    public static final String MAX_TOKENS = "CamelBedrockMaxTokens";

    @Metadata(label = "producer", description = "Sampling temperature (0-1); overrides the temperature option.",
              javaType = "Float")
    public static final String TEMPERATURE = "CamelBedrockTemperature";

    @Metadata(label = "producer", description = "Nucleus sampling (0-1); overrides the topP option.", javaType = "Float")
    public static final String TOP_P = "CamelBedrockTopP";

    @Metadata(label = "producer",
              description = "Stop sequences: a List of Strings or a comma-separated String; overrides the stopSequences option.",
              javaType = "java.util.List<String>")
    public static final String STOP_SEQUENCES = "CamelBedrockStopSequences";

    @Metadata(label = "producer",
              description = "Model-specific request fields as JSON (String, Map or Jackson JsonNode); overrides the additionalModelRequestFields option.",
              javaType = "Object")
    public static final String ADDITIONAL_MODEL_REQUEST_FIELDS = "CamelBedrockAdditionalModelRequestFields";

    @Metadata(label = "producer",
              description = "Tool choice: auto, any, or tool:<name>; overrides the toolChoice option.", javaType = "String")
    public static final String TOOL_CHOICE = "CamelBedrockToolChoice";

    @Metadata(label = "producer", description = "Guardrail identifier or ARN; overrides the guardrailIdentifier option.",
              javaType = "String")
    public static final String GUARDRAIL_IDENTIFIER = "CamelBedrockGuardrailIdentifier";

    @Metadata(label = "producer", description = "Guardrail version (DRAFT or a number); overrides the guardrailVersion option.",
              javaType = "String")
    public static final String GUARDRAIL_VERSION = "CamelBedrockGuardrailVersion";

    @Metadata(label = "producer",
              description = "Request metadata for invocation logs: a Map of Strings; merged over the requestMetadata option.",
              javaType = "java.util.Map<String, String>")
    public static final String REQUEST_METADATA = "CamelBedrockRequestMetadata";

    @Metadata(label = "producer",
              description = "Images to attach to the user turn: byte[], a List of byte[], or SDK ImageBlock(s). The format (png, jpeg, gif, webp) is detected from the bytes. For converse, converseStream and countTokens an item may also be an s3:// URI (sent to Bedrock as an S3 location; the format comes from the name) or an http(s) URL (java.net.URI, java.net.URL or a String), fetched only when the mediaUrlAllowList option allows it.",
              javaType = "Object")
    public static final String IMAGES = "CamelBedrockImages";

    @Metadata(label = "producer",
              description = "Documents to attach to the user turn: a Map of file name to byte[] (the format comes from the name's extension: pdf, csv, doc, docx, xls, xlsx, html, txt, md), or SDK DocumentBlock(s). For converse, converseStream and countTokens a Map value may also be an s3:// URI (sent to Bedrock as an S3 location) or an http(s) URL, fetched only when the mediaUrlAllowList option allows it.",
              javaType = "Object")
    public static final String DOCUMENTS = "CamelBedrockDocuments";

    @Metadata(label = "producer",
              description = "The conversation so far (a List of SDK Message). When present, the producer sends the history plus the new turn, and puts back the history, the new turn and the reply.",
              javaType = "java.util.List<software.amazon.awssdk.services.bedrockruntime.model.Message>")
    public static final String CONVERSATION = "CamelBedrockConversation";

    // ---- result ----

    @Metadata(label = "producer", description = "Why the model stopped: end_turn, tool_use, max_tokens, stop_sequence, guardrail_intervened, content_filtered ... For a prompt-level invokeModel, the model's own words (end_turn, FINISH, stop, COMPLETE, length ...).",
              javaType = "String")
    public static final String STOP_REASON = "CamelBedrockStopReason";

    @Metadata(label = "producer",
              description = "Input tokens used (for countTokens: the count). For invokeModel, Bedrock's X-Amzn-Bedrock-Input-Token-Count; the native reply's own count when Bedrock sends none.",
              javaType = "Integer")
    public static final String INPUT_TOKENS = "CamelBedrockInputTokens";

    @Metadata(label = "producer",
              description = "Output tokens generated. For invokeModel, Bedrock's X-Amzn-Bedrock-Output-Token-Count; the native reply's own count when Bedrock sends none.",
              javaType = "Integer")
    public static final String OUTPUT_TOKENS = "CamelBedrockOutputTokens";

    @Metadata(label = "producer", description = "Total tokens (input plus output).", javaType = "Integer")
    public static final String TOTAL_TOKENS = "CamelBedrockTotalTokens";

    @Metadata(label = "producer", description = "Input tokens read from the prompt cache.", javaType = "Integer")
    public static final String CACHE_READ_INPUT_TOKENS = "CamelBedrockCacheReadInputTokens";

    @Metadata(label = "producer", description = "Input tokens written to the prompt cache.", javaType = "Integer")
    public static final String CACHE_WRITE_INPUT_TOKENS = "CamelBedrockCacheWriteInputTokens";

    @Metadata(label = "producer",
              description = "The estimated cost of the exchange's call in USD, from the catalog's on-demand list prices"
                            + " (input, output, cache-read and cache-write tokens each at their price; a tool loop's"
                            + " rounds summed; a coalesced embedding's share). An estimate, not a bill: absent when a"
                            + " price or the usage is not known.",
              javaType = "java.math.BigDecimal")
    public static final String ESTIMATED_COST_USD = "CamelBedrockEstimatedCostUsd";

    @Metadata(label = "producer",
              description = "Model latency in milliseconds, as Bedrock reports it (Converse metrics; for invokeModel the X-Amzn-Bedrock-Invocation-Latency header, for invokeModelStream the last chunk's invocation metrics).",
              javaType = "Long")
    public static final String LATENCY_MS = "CamelBedrockLatencyMs";

    @Metadata(label = "producer",
              description = "invokeModelStream: milliseconds until the first byte of the reply, as Bedrock reports it in the last chunk.",
              javaType = "Long")
    public static final String FIRST_BYTE_LATENCY_MS = "CamelBedrockFirstByteLatencyMs";

    @Metadata(label = "producer", description = "invokeModel/invokeModelStream: the MIME type of the reply body.", javaType = "String")
    public static final String RESPONSE_CONTENT_TYPE = "CamelBedrockResponseContentType";

    @Metadata(label = "producer", description = "The AWS request id of the call.", javaType = "String")
    public static final String REQUEST_ID = "CamelBedrockRequestId";

    @Metadata(label = "producer", description = "The assistant's reply as an SDK Message (all content blocks).",
              javaType = "software.amazon.awssdk.services.bedrockruntime.model.Message")
    public static final String OUTPUT_MESSAGE = "CamelBedrockOutputMessage";

    @Metadata(label = "producer",
              description = "The tools the model asks to call: a List of BedrockToolCall (id, name, input as a Map). Empty when none.",
              javaType = "java.util.List<dev.camelbedrock.component.converse.BedrockToolCall>")
    public static final String TOOL_CALLS = "CamelBedrockToolCalls";

    @Metadata(label = "producer",
              description = "converse with toolTags/toolNames: every tool the loop ran, in order: a List of BedrockToolExecution"
                            + " (tool name, toolUseId, input, outcome, result, duration, round).",
              javaType = "java.util.List<dev.camelbedrock.component.toolloop.BedrockToolExecution>")
    public static final String TOOL_EXECUTIONS = "CamelBedrockToolExecutions";

    @Metadata(label = "producer",
              description = "converse with toolTags/toolNames: how many rounds of tool calls the loop ran (0 when the model"
                            + " answered at once). The token headers then hold the sums over every model call of the loop.",
              javaType = "Integer")
    public static final String TOOL_ROUNDS = "CamelBedrockToolRounds";

    @Metadata(label = "producer", description = "The guardrail trace, when a guardrail with trace enabled ran.",
              javaType = "software.amazon.awssdk.services.bedrockruntime.model.GuardrailTraceAssessment")
    public static final String GUARDRAIL_TRACE = "CamelBedrockGuardrailTrace";

    @Metadata(label = "producer", description = "Reasoning (thinking) text the model returned, if any.", javaType = "String")
    public static final String REASONING_TEXT = "CamelBedrockReasoningText";

    @Metadata(label = "producer",
              description = "converseStream and prompt-level invokeModelStream with the iterator body: the whole reply text, set once the iterator has been read to its end.",
              javaType = "String")
    public static final String RESPONSE_TEXT = "CamelBedrockResponseText";

    @Metadata(label = "producer", description = "embed: the size of the vectors.", javaType = "Integer")
    public static final String EMBEDDING_DIMENSIONS = "CamelBedrockEmbeddingDimensions";

    @Metadata(label = "producer",
              description = "embed: the model that made the vectors (vectors of different models are not comparable).",
              javaType = "String")
    public static final String EMBEDDING_MODEL = "CamelBedrockEmbeddingModel";

    @Metadata(label = "producer",
              description = "embed with the embeddingTypes option: the extra types (int8, binary ...), each mapped to vectors of"
                            + " Numbers shaped like the body: one vector for a single input, a List of vectors for a List.",
              javaType = "java.util.Map<String, Object>")
    public static final String EMBEDDINGS_BY_TYPE = "CamelBedrockEmbeddingsByType";

    @Metadata(label = "producer",
              description = "embed with embedCoalesceWindow: how many exchanges shared the InvokeModel call that made this"
                            + " exchange's vector (1 when it went alone). Absent when the exchange was not coalesced.",
              javaType = "Integer")
    public static final String EMBEDDING_BATCH_SIZE = "CamelBedrockEmbeddingBatchSize";

    @Metadata(label = "producer",
              description = "embed with embedCoalesceWindow: the input tokens Bedrock counted for the whole coalesced call, when"
                            + " it reports them. CamelBedrockInputTokens then holds this exchange's share, split by text length,"
                            + " so that the shares of one call add up to this count. Absent when the exchange was not coalesced.",
              javaType = "Integer")
    public static final String EMBEDDING_BATCH_INPUT_TOKENS = "CamelBedrockEmbeddingBatchInputTokens";

    @Metadata(label = "producer",
              description = "image: the seeds of the images, as the model reports them (Stability, SDXL) or as sent (Titan, Nova"
                            + " Canvas with the seed option); absent when neither says.",
              javaType = "java.util.List<Long>")
    public static final String IMAGE_SEEDS = "CamelBedrockImageSeeds";

    // ---- streamed delta exchanges (streamTo) ----

    @Metadata(label = "producer",
              description = "On an exchange sent to streamTo: the kind of delta in the body: text, toolUse (a fragment of the tool input JSON), reasoning, or chunk (the JSON of one raw invokeModelStream chunk).",
              javaType = "String")
    public static final String STREAM_EVENT_TYPE = "CamelBedrockStreamEventType";

    @Metadata(label = "producer", description = "On an exchange sent to streamTo: the delta's position in the stream, from 0 (from 0 again on a restarted attempt, see CamelBedrockStreamRestarted).",
              javaType = "Integer")
    public static final String STREAM_CHUNK_INDEX = "CamelBedrockStreamChunkIndex";

    @Metadata(label = "producer", description = "On an exchange sent to streamTo: the content block the delta belongs to.",
              javaType = "Integer")
    public static final String STREAM_CONTENT_BLOCK_INDEX = "CamelBedrockStreamContentBlockIndex";

    @Metadata(label = "producer", description = "On a toolUse delta sent to streamTo: the tool name.", javaType = "String")
    public static final String STREAM_TOOL_NAME = "CamelBedrockStreamToolName";

    @Metadata(label = "producer",
              description = "converseStream and invokeModelStream: the attempt of the stream, from 1. On an exchange sent to streamTo: the attempt the delta belongs to; on the exchange at the end of the stream: the attempt that completed, whose text and usage the result holds. Above 1 only with streamRestartAfterDeltas, once the SDK retried a stream whose deltas had reached the route (a retry before the first delta is invisible and not counted).",
              javaType = "Integer")
    public static final String STREAM_ATTEMPT = "CamelBedrockStreamAttempt";

    @Metadata(label = "producer",
              description = "converseStream and invokeModelStream: on an exchange sent to streamTo, true on the first delta of a restarted attempt (the deltas before it are void: the text starts over with this one), false on the others; on the exchange at the end of the stream, whether the text restarted at least once. True only with streamRestartAfterDeltas.",
              javaType = "Boolean")
    public static final String STREAM_RESTARTED = "CamelBedrockStreamRestarted";

    // ---- rerank ----

    @Metadata(label = "knowledge", description = "rerank: the query the documents are ranked against.", javaType = "String")
    public static final String RERANK_QUERY = "CamelBedrockRerankQuery";

    // ---- managed prompts ----

    @Metadata(label = "prompt", description = "converse/converseStream with a prompt ARN as modelId: the values of its variables,"
                                              + " over the promptVariable.NAME options.", javaType = "java.util.Map<String, String>")
    public static final String PROMPT_VARIABLES = "CamelBedrockPromptVariables";

    @Metadata(label = "prompt", description = "getPrompt: the prompt's id or ARN; overrides the promptIdentifier option.", javaType = "String")
    public static final String PROMPT_IDENTIFIER = "CamelBedrockPromptIdentifier";

    @Metadata(label = "prompt", description = "getPrompt: the version to read (overrides the promptVersion option); set by the"
                                              + " result to the version read.", javaType = "String")
    public static final String PROMPT_VERSION = "CamelBedrockPromptVersion";

    @Metadata(label = "prompt", description = "getPrompt: the ARN of the prompt read.", javaType = "String")
    public static final String PROMPT_ARN = "CamelBedrockPromptArn";

    // ---- agents ----

    @Metadata(label = "agent", description = "invokeAgent: the agent id; overrides the agentId option.", javaType = "String")
    public static final String AGENT_ID = "CamelBedrockAgentId";

    @Metadata(label = "agent", description = "invokeAgent: the agent alias id; overrides the agentAliasId option.", javaType = "String")
    public static final String AGENT_ALIAS_ID = "CamelBedrockAgentAliasId";

    @Metadata(label = "agent", description = "invokeAgent: session attributes sent with the turn (kept by the agent for the"
                                             + " session).", javaType = "java.util.Map<String, String>")
    public static final String SESSION_ATTRIBUTES = "CamelBedrockSessionAttributes";

    @Metadata(label = "agent", description = "invokeAgent: prompt session attributes sent with the turn.",
              javaType = "java.util.Map<String, String>")
    public static final String PROMPT_SESSION_ATTRIBUTES = "CamelBedrockPromptSessionAttributes";

    @Metadata(label = "agent", description = "invokeAgent: true ends the session after this turn.", javaType = "Boolean")
    public static final String END_SESSION = "CamelBedrockEndSession";

    @Metadata(label = "agent", description = "invokeAgent: asks for trace events; overrides the enableTrace option.", javaType = "Boolean")
    public static final String ENABLE_TRACE = "CamelBedrockEnableTrace";

    @Metadata(label = "agent", description = "invokeAgent with enableTrace: the agent's trace events of every round, in order.",
              javaType = "java.util.List<software.amazon.awssdk.services.bedrockagentruntime.model.TracePart>")
    public static final String AGENT_TRACE = "CamelBedrockAgentTrace";

    // ---- knowledge bases: request ----

    @Metadata(label = "knowledge", description = "The knowledge base id; overrides the knowledgeBaseId option.", javaType = "String")
    public static final String KNOWLEDGE_BASE_ID = "CamelBedrockKnowledgeBaseId";

    @Metadata(label = "knowledge", description = "How many results to retrieve (1-100); overrides the numberOfResults option.",
              javaType = "Integer")
    public static final String NUMBER_OF_RESULTS = "CamelBedrockNumberOfResults";

    @Metadata(label = "knowledge", description = "SEMANTIC or HYBRID; overrides the searchType option.", javaType = "String",
              enums = "SEMANTIC,HYBRID")
    public static final String SEARCH_TYPE = "CamelBedrockSearchType";

    @Metadata(label = "knowledge",
              description = "A metadata filter: JSON text, a Map, a Jackson JsonNode (the wire shape, e.g. {\"equals\":{\"key\":\"category\",\"value\":\"faq\"}}) or an SDK RetrievalFilter; overrides the retrievalFilter option.",
              javaType = "Object")
    public static final String RETRIEVAL_FILTER = "CamelBedrockRetrievalFilter";

    @Metadata(label = "knowledge",
              description = "retrieveAndGenerate: the generation prompt template (must contain $search_results$); overrides the promptTemplate option.",
              javaType = "String")
    public static final String PROMPT_TEMPLATE = "CamelBedrockPromptTemplate";

    @Metadata(label = "knowledge",
              description = "retrieveAndGenerate and invokeAgent: the session id. Set by the result (invokeAgent starts a new session when"
                            + " it is absent); send it back in on the next question to continue the session.",
              javaType = "String")
    public static final String SESSION_ID = "CamelBedrockSessionId";

    @Metadata(label = "knowledge",
              description = "retrieveAndGenerate: answer from this S3 object (s3://bucket/key) instead of a knowledge base; overrides the externalSourceUri option.",
              javaType = "String")
    public static final String EXTERNAL_SOURCE_URI = "CamelBedrockExternalSourceUri";

    @Metadata(label = "knowledge", description = "The data source of an ingestion job; overrides the dataSourceId option.",
              javaType = "String")
    public static final String DATA_SOURCE_ID = "CamelBedrockDataSourceId";

    // ---- knowledge bases: result ----

    @Metadata(label = "knowledge",
              description = "retrieveAndGenerate: the citations, a List of BedrockCitation (the cited span of the answer and the references it rests on).",
              javaType = "java.util.List<dev.camelbedrock.component.knowledge.BedrockCitation>")
    public static final String CITATIONS = "CamelBedrockCitations";

    @Metadata(label = "knowledge",
              description = "The ingestion job id: set by startIngestionJob, read by getIngestionJob.", javaType = "String")
    public static final String INGESTION_JOB_ID = "CamelBedrockIngestionJobId";

    @Metadata(label = "knowledge",
              description = "The ingestion job status: STARTING, IN_PROGRESS, COMPLETE, FAILED, STOPPING or STOPPED.", javaType = "String")
    public static final String INGESTION_JOB_STATUS = "CamelBedrockIngestionJobStatus";

    @Metadata(label = "knowledge", description = "The ingestion job statistics (documents scanned, indexed, failed ...).",
              javaType = "software.amazon.awssdk.services.bedrockagent.model.IngestionJobStatistics")
    public static final String INGESTION_JOB_STATISTICS = "CamelBedrockIngestionJobStatistics";

    // ---- guardrails ----

    @Metadata(label = "guardrail", description = "applyGuardrail: INPUT or OUTPUT; overrides the guardrailSource option.",
              javaType = "String", enums = "INPUT,OUTPUT")
    public static final String GUARDRAIL_SOURCE = "CamelBedrockGuardrailSource";

    @Metadata(label = "guardrail",
              description = "What the guardrail did: NONE or GUARDRAIL_INTERVENED (applyGuardrail); NONE or INTERVENED (retrieve, retrieveAndGenerate).",
              javaType = "String")
    public static final String GUARDRAIL_ACTION = "CamelBedrockGuardrailAction";

    @Metadata(label = "guardrail", description = "applyGuardrail: why the guardrail intervened, when Bedrock says.", javaType = "String")
    public static final String GUARDRAIL_ACTION_REASON = "CamelBedrockGuardrailActionReason";

    @Metadata(label = "guardrail",
              description = "applyGuardrail: what each policy detected, flattened: a List of BedrockGuardrailFinding (policy, type or name, match, action, detected).",
              javaType = "java.util.List<dev.camelbedrock.component.error.BedrockGuardrailFinding>")
    public static final String GUARDRAIL_FINDINGS = "CamelBedrockGuardrailFindings";

    @Metadata(label = "guardrail", description = "applyGuardrail: the assessments as Bedrock returned them.",
              javaType = "java.util.List<software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment>")
    public static final String GUARDRAIL_ASSESSMENTS = "CamelBedrockGuardrailAssessments";

    @Metadata(label = "guardrail", description = "applyGuardrail: the policy units used.",
              javaType = "software.amazon.awssdk.services.bedrockruntime.model.GuardrailUsage")
    public static final String GUARDRAIL_USAGE = "CamelBedrockGuardrailUsage";

    // ---- provisioned throughput ----

    @Metadata(label = "throughput",
              description = "The provisioned throughput to get, update or delete: its name or ARN; overrides the provisionedModelId option.",
              javaType = "String")
    public static final String PROVISIONED_MODEL_ID = "CamelBedrockProvisionedModelId";

    @Metadata(label = "throughput",
              description = "createProvisionedThroughput: the name; updateProvisionedThroughput: the new name. Overrides the provisionedModelName option.",
              javaType = "String")
    public static final String PROVISIONED_MODEL_NAME = "CamelBedrockProvisionedModelName";

    @Metadata(label = "throughput", description = "createProvisionedThroughput: model units (1 or more); overrides the modelUnits option.",
              javaType = "Integer")
    public static final String MODEL_UNITS = "CamelBedrockModelUnits";

    @Metadata(label = "throughput",
              description = "createProvisionedThroughput: none, OneMonth or SixMonths; overrides the commitmentDuration option.",
              javaType = "String", enums = "none,OneMonth,SixMonths")
    public static final String COMMITMENT_DURATION = "CamelBedrockCommitmentDuration";

    @Metadata(label = "throughput", description = "createProvisionedThroughput: tags, a Map of String to String, merged over the tags option.",
              javaType = "java.util.Map<String, String>")
    public static final String TAGS = "CamelBedrockTags";

    @Metadata(label = "throughput",
              description = "createProvisionedThroughput: the idempotency token. Unset: derived from the exchange id and the name, so a redelivered exchange does not buy twice.",
              javaType = "String")
    public static final String CLIENT_REQUEST_TOKEN = "CamelBedrockClientRequestToken";

    @Metadata(label = "throughput",
              description = "updateProvisionedThroughput: the new (custom) model; overrides the desiredModelId option.", javaType = "String")
    public static final String DESIRED_MODEL_ID = "CamelBedrockDesiredModelId";

    @Metadata(label = "throughput",
              description = "The provisioned throughput's ARN; usable as modelId in converse and invokeModel.", javaType = "String")
    public static final String PROVISIONED_MODEL_ARN = "CamelBedrockProvisionedModelArn";

    @Metadata(label = "throughput", description = "The provisioned throughput's status: Creating, InService, Updating or Failed.",
              javaType = "String")
    public static final String PROVISIONED_MODEL_STATUS = "CamelBedrockProvisionedModelStatus";

    private BedrockHeaders() {
    }
}
