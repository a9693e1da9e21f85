package dev.camelbedrock.component;

import java.util.Map;

import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.options.CommitmentDuration;
import dev.camelbedrock.component.options.CustomizationType;
import dev.camelbedrock.component.options.GuardrailInterventionAction;
import dev.camelbedrock.component.options.HttpProtocolVersion;
import dev.camelbedrock.component.options.GuardrailSource;
import dev.camelbedrock.component.options.GuardrailStreamMode;
import dev.camelbedrock.component.options.GuardrailTrace;
import dev.camelbedrock.component.options.ImageOutputFormat;
import dev.camelbedrock.component.options.ImageQuality;
import dev.camelbedrock.component.options.InferenceType;
import dev.camelbedrock.component.options.InvokeBodyFormat;
import dev.camelbedrock.component.options.OutputModality;
import dev.camelbedrock.component.options.PerformanceLatency;
import dev.camelbedrock.component.options.ProxyScheme;
import dev.camelbedrock.component.options.RateControl;
import dev.camelbedrock.component.options.RawResponseType;
import dev.camelbedrock.component.options.SearchType;
import dev.camelbedrock.component.options.RetryStrategyMode;
import dev.camelbedrock.component.options.ServiceTier;
import dev.camelbedrock.component.options.SortOrder;
import dev.camelbedrock.component.options.ThroughputStatus;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;

/**
 * The options of the {@code bedrock:} component and its endpoints. Set on the component, they are the defaults that
 * every endpoint copies; set on an endpoint URI, they apply to that endpoint only.
 */
@UriParams
@Configurer
public class BedrockConfiguration implements EndpointOptions, Cloneable {

    @UriPath(description = "The Bedrock operation to perform")
    @Metadata(required = true)
    private BedrockOperation operation;

    // ---- common ----

    @UriParam(description = "The model to use: a base model id (anthropic.claude-3-haiku-20240307-v1:0), a cross-region"
                            + " inference profile id (us.anthropic...), or an ARN (foundation model, inference profile,"
                            + " provisioned model). Overridden per message by the CamelBedrockModelId header.")
    private String modelId;

    @UriParam(description = "The model family, for a model id that hides it (a provisioned model, an application inference"
                            + " profile, an imported or custom model ARN): it picks the codec that builds and reads the"
                            + " native body of invokeModel, embed and image. Unset: the model catalog tells the family from"
                            + " the model id (an unknown id of a known provider gets the provider's family). Set, it wins over"
                            + " the catalog. Overridden per message by the CamelBedrockModelFamily header.")
    private ModelFamily modelFamily;

    @UriParam(description = "The AWS region, e.g. us-east-1. When unset, the SDK's default region chain decides"
                            + " (AWS_REGION, profile, instance metadata).")
    private String region;

    // ---- security ----

    @UriParam(label = "security", secret = true,
              description = "AWS access key id for static credentials (with secretKey). When no credentials option is set,"
                            + " the SDK's default credentials chain is used.")
    private String accessKey;

    @UriParam(label = "security", secret = true, description = "AWS secret access key for static credentials.")
    private String secretKey;

    @UriParam(label = "security", secret = true,
              description = "AWS session token, for temporary static credentials (with accessKey and secretKey).")
    private String sessionToken;

    @UriParam(label = "security", description = "Use this profile of the shared AWS config and credentials files.")
    private String profileName;

    @UriParam(label = "security",
              description = "Assume this IAM role through STS; the credentials above (or the default chain) sign the"
                            + " AssumeRole call. Refreshed automatically.")
    private String roleArn;

    @UriParam(label = "security", defaultValue = "camel-bedrock", description = "The session name used when assuming roleArn.")
    private String roleSessionName = "camel-bedrock";

    @UriParam(label = "security", secret = true, description = "The external id required by roleArn's trust policy, if any.")
    private String roleExternalId;

    @UriParam(label = "security", secret = true,
              description = "A Bedrock API key (bearer token). When set, bedrock-runtime and bedrock control-plane calls"
                            + " authenticate with 'Authorization: Bearer' instead of SigV4.")
    private String apiKey;

    @UriParam(label = "security",
              description = "Where converse, converseStream and countTokens may fetch images and documents given as http(s)"
                            + " URLs in the CamelBedrockImages and CamelBedrockDocuments headers: comma-separated URL prefixes,"
                            + " e.g. https://cdn.example.com/images/. A URL is fetched only when its scheme, host and port equal"
                            + " a prefix's and its path starts with the prefix's path at a segment boundary; URLs with user"
                            + " info, dot segments or encoded slashes are refused, and redirects are never followed. The bytes"
                            + " fetched pass the same checks as bytes given directly (size, image format). Unset (the"
                            + " default): nothing is ever fetched and a URL is refused before any network call. s3:// URIs"
                            + " need no entry: Bedrock reads them itself.")
    private String mediaUrlAllowList;

    @UriParam(label = "security", defaultValue = "30000", javaType = "java.time.Duration",
              description = "With mediaUrlAllowList: how long fetching one image or document may take, connecting included,"
                            + " before the exchange fails.")
    private long mediaUrlTimeout = 30_000;

    // ---- connection (advanced) ----

    @UriParam(label = "advanced",
              description = "One endpoint URI for every Bedrock service (runtime, agent runtime, control plane, agent),"
                            + " e.g. http://127.0.0.1:4566 for the bedrock-emulator. The per-service overrides win over it.")
    private String endpointOverride;

    @UriParam(label = "advanced", description = "Endpoint URI for bedrock-runtime only.")
    private String runtimeEndpointOverride;

    @UriParam(label = "advanced", description = "Endpoint URI for bedrock-agent-runtime (knowledge bases) only.")
    private String agentRuntimeEndpointOverride;

    @UriParam(label = "advanced", description = "Endpoint URI for the bedrock control plane (models, provisioned throughput) only.")
    private String controlPlaneEndpointOverride;

    @UriParam(label = "advanced", description = "Endpoint URI for bedrock-agent (ingestion jobs) only.")
    private String agentEndpointOverride;

    @UriParam(label = "advanced", description = "The HTTP protocol of the async clients. Unset: the SDK default (HTTP/2 for bedrock-runtime,"
                            + " HTTP/1.1 for the other services).")
    private HttpProtocolVersion httpProtocol;

    @UriParam(label = "advanced", defaultValue = "500",
              description = "Maximum concurrent HTTP requests (connections on HTTP/1.1, streams on HTTP/2) per client.")
    private int maxConcurrency = 500;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Timeout to establish a connection.")
    private long connectionTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "600000", javaType = "java.time.Duration",
              description = "Maximum time without receiving a byte. The default (10 minutes) fits long non-streamed generations.")
    private long readTimeout = 600_000;

    @UriParam(label = "advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "Timeout for a whole API call, retries included; 0 means none.")
    private long apiCallTimeout;

    @UriParam(label = "advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "Timeout for one attempt of an API call; 0 means none.")
    private long apiCallAttemptTimeout;

    @UriParam(label = "advanced", description = "The SDK retry mode. Unset: the SDK default (legacy: 4 attempts, throttling backoff).")
    private RetryStrategyMode retryMode;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Maximum attempts per call, retries included (1 disables SDK retries); 0 keeps the retry mode's default.")
    private int maxAttempts;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long a request may wait for a connection (HTTP/1.1) or stream (HTTP/2) of the pool once"
                            + " maxConcurrency are busy before it fails. Keep maxInFlight at or below maxConcurrency and"
                            + " requests wait in maxInFlight instead, without a timeout.")
    private long connectionAcquisitionTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Close a pooled connection after it was idle this long.")
    private long connectionMaxIdleTime = 60_000;

    @UriParam(label = "advanced", defaultValue = "false",
              description = "Send TCP keep-alive probes on pooled connections (helps long generations through NATs and"
                            + " load balancers that drop silent connections).")
    private boolean tcpKeepAlive;

    @UriParam(label = "advanced", defaultValue = "0",
              description = "HTTP/2 only: the most concurrent streams on one connection; more requests open more"
                            + " connections (up to maxConcurrency streams in all). 0 = what the server allows.")
    private long http2MaxStreams;

    // ---- observability ----

    @UriParam(label = "advanced", defaultValue = "true",
              description = "Record the OpenTelemetry GenAI client metrics (gen_ai.client.operation.duration,"
                            + " gen_ai.client.token.usage, gen_ai.client.operation.time_to_first_chunk) and the"
                            + " component's own (camel.bedrock.requests.in_flight, camel.bedrock.throttled,"
                            + " camel.bedrock.cost) when Micrometer is on the classpath and the registry has a"
                            + " MeterRegistry (camel-micrometer's metricsRegistry bean, else the only one). Without"
                            + " Micrometer nothing is recorded and nothing of it is loaded.")
    private boolean metrics = true;

    // ---- throughput ----

    @UriParam(label = "throughput", defaultValue = "500",
              description = "The most requests this endpoint keeps open at once (a stream counts until it ends); 0 ="
                            + " unbounded. Past it, the calling thread waits for a free slot (back-pressure); a thread"
                            + " that must not block (an SDK or Netty thread continuing a route) parks the exchange"
                            + " instead, at most maxInFlight of them. Keep it at or below maxConcurrency.")
    private int maxInFlight = 500;

    @UriParam(label = "throughput", defaultValue = "adaptive",
              description = "Client-side rate control per model. adaptive: after a throttle (429), requests are paced"
                            + " at a rate learnt from the throttles (AIMD: cut to 70% on a throttle, climbed back on"
                            + " success), so a route under a quota runs near the quota instead of burning retries;"
                            + " until the first throttle, and a minute after the last, nothing is paced. none: off.")
    private RateControl rateControl = RateControl.ADAPTIVE;

    @UriParam(label = "throughput", defaultValue = "0.1",
              description = "rateControl=adaptive: the lowest rate it may cut to, in requests per second.")
    private double rateControlMinRate = 0.1;

    @UriParam(label = "throughput", defaultValue = "0",
              description = "rateControl=adaptive: the highest rate, in requests per second (e.g. your quota per minute"
                            + " / 60); requests are then paced to it from the start. 0 = no ceiling.")
    private double rateControlMaxRate;

    @UriParam(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;

    @UriParam(label = "proxy", defaultValue = "http", description = "The scheme of the proxy.")
    private ProxyScheme proxyProtocol = ProxyScheme.HTTP;

    @UriParam(label = "proxy", secret = true, description = "Proxy user name.")
    private String proxyUsername;

    @UriParam(label = "proxy", secret = true, description = "Proxy password.")
    private String proxyPassword;

    @UriParam(label = "advanced", description = "A bedrock-runtime client to use instead of building one; never closed by Camel.")
    @Metadata(autowired = true)
    private BedrockRuntimeAsyncClient bedrockRuntimeClient;

    @UriParam(label = "advanced", description = "A bedrock-agent-runtime client to use instead of building one; never closed by Camel.")
    @Metadata(autowired = true)
    private BedrockAgentRuntimeAsyncClient bedrockAgentRuntimeClient;

    @UriParam(label = "advanced", description = "A bedrock control-plane client to use instead of building one; never closed by Camel.")
    @Metadata(autowired = true)
    private BedrockAsyncClient bedrockClient;

    @UriParam(label = "advanced", description = "A bedrock-agent client to use instead of building one; never closed by Camel.")
    @Metadata(autowired = true)
    private BedrockAgentAsyncClient bedrockAgentClient;

    // ---- converse ----

    @UriParam(label = "converse", description = "The system prompt. Header CamelBedrockSystemPrompt overrides it.")
    private String systemPrompt;

    @UriParam(label = "converse", description = "Maximum number of tokens to generate. Unset: the model's default.")
    private Integer maxTokens;

    @UriParam(label = "converse", description = "Sampling temperature, 0 to 1. Unset: the model's default.")
    private Float temperature;

    @UriParam(label = "converse", description = "Nucleus sampling, 0 to 1. Unset: the model's default.")
    private Float topP;

    @UriParam(label = "converse", description = "Comma-separated stop sequences.")
    private String stopSequences;

    @UriParam(label = "converse",
              description = "Model-specific request fields as a JSON object, e.g. {\"top_k\":50} or"
                            + " {\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}}.")
    private String additionalModelRequestFields;

    @UriParam(label = "converse",
              description = "Comma-separated JSON Pointers of model-specific response fields to return, e.g. /stop_sequence.")
    private String additionalModelResponseFieldPaths;

    @UriParam(label = "converse",
              description = "Tools the model may call, as a JSON array, inline or from a resource (classpath:tools.json,"
                            + " file:/path). Each element is a Converse tool ({\"toolSpec\":{...}}) or the short form"
                            + " {\"name\",\"description\",\"inputSchema\"} (input_schema and parameters are accepted too).")
    private String tools;

    @UriParam(label = "converse",
              description = "Tools as an SDK ToolConfiguration bean; wins over the tools option.")
    private ToolConfiguration toolConfiguration;

    @UriParam(label = "converse", description = "How the model chooses tools: auto, any, or tool:<name>.")
    private String toolChoice;

    // ---- tool loop and structured output (converse) ----

    @UriParam(label = "converse,tools",
              description = "Comma-separated tags: offer the bedrock-tool: routes that have any of them to the model, and"
                            + " run the tool loop. The component calls the tools the model asks for (as exchanges on their"
                            + " routes, concurrently when the model asks for several at once), sends the results back, and"
                            + " repeats until the model ends its turn. Static tools (the tools option) are offered too; a"
                            + " call of one of them ends the loop and is handed to the route as with plain converse.")
    private String toolTags;

    @UriParam(label = "converse,tools",
              description = "Comma-separated names of bedrock-tool: routes to offer (besides those toolTags selects); runs"
                            + " the tool loop like toolTags.")
    private String toolNames;

    @UriParam(label = "converse,tools", defaultValue = "10",
              description = "The most rounds of tool calls the tool loop runs for one exchange (each round runs the calls"
                            + " of one model turn, then calls the model again). When the model still asks for tools"
                            + " after this many rounds, the exchange fails with BedrockToolRoundsExceededException, which"
                            + " carries the transcript. At least 1.")
    private int maxToolRounds = 10;

    @UriParam(label = "converse,structured",
              description = "A JSON Schema the reply must match, inline or from a resource (classpath:ticket.schema.json,"
                            + " file:...). Where the model catalog says the model has native structured output, converse"
                            + " asks for it (outputConfig json_schema); elsewhere it forces a tool (structured_output)"
                            + " whose input schema is this schema. The reply is checked against the schema before the"
                            + " route sees it, and the body is the parsed JSON (a Map for an object). Not together with"
                            + " outputClass.")
    @Metadata(supportFileReference = true, largeInput = true, inputLanguage = "json")
    private String outputSchema;

    @UriParam(label = "converse,structured",
              description = "The class the reply becomes (fully qualified name): its JSON Schema is generated from its"
                            + " fields (all required, no other properties), and the checked reply is read into an"
                            + " instance with Jackson, which is the body. Not together with outputSchema.")
    private String outputClass;

    @UriParam(label = "converse,structured", defaultValue = "1",
              description = "With outputSchema or outputClass: how many times a reply that does not match the schema is"
                            + " sent back to the model with what is wrong, before the exchange fails with"
                            + " BedrockOutputValidationException (which carries the reply and the violations). 0: never.")
    private int outputRepairAttempts = 1;

    @UriParam(label = "converse,guardrail",
              description = "Guardrail identifier or ARN: applied to converse/converseStream, used by applyGuardrail, and"
                            + " by retrieveAndGenerate for the generation step.")
    private String guardrailIdentifier;

    @UriParam(label = "converse,guardrail", description = "Guardrail version: DRAFT or a number.")
    private String guardrailVersion;

    @UriParam(label = "converse", description = "Guardrail trace; when enabled its assessment reaches the CamelBedrockGuardrailTrace header.")
    private GuardrailTrace guardrailTrace;

    @UriParam(label = "converse", description = "converseStream only: whether the guardrail checks chunks before (sync) or while (async) they are sent.")
    private GuardrailStreamMode guardrailStreamProcessingMode;

    @UriParam(label = "converse",
              description = "Where to put prompt-cache points, comma-separated: system (after the system prompt), tools"
                            + " (after the tool list), messages (after the last user turn).")
    private String promptCachePoints;

    @UriParam(label = "converse", description = "Latency-optimized inference, where the model offers it.")
    private PerformanceLatency performanceLatency;

    @UriParam(label = "converse", description = "The service tier of the request.")
    private ServiceTier serviceTier;

    @UriParam(label = "converse",
              description = "Request metadata for invocation logs, as key=value pairs separated by commas. Header"
                            + " CamelBedrockRequestMetadata (a Map) is merged over it.")
    private String requestMetadata;

    @UriParam(label = "converse,invoke",
              description = "converseStream and invokeModelStream: send every delta (text, tool-input JSON, reasoning; for a"
                            + " raw invokeModelStream each chunk's JSON) as its own exchange to this endpoint URI, in order,"
                            + " while the model generates; the exchange itself then completes at the end of the stream with"
                            + " the whole text (raw: the List of chunk JSON Strings). Unset: the body is an Iterator of text"
                            + " deltas (raw: of chunk JSON Strings) for split(body()).streaming().")
    private String streamTo;

    @UriParam(label = "converse,invoke", defaultValue = "64",
              description = "converseStream and invokeModelStream: how many undelivered deltas may be buffered before the"
                            + " producer stops requesting more from the stream (back-pressure).")
    private int streamBufferSize = 64;

    /**
     * Whether an SDK retry of a stream may restart it after deltas already reached the route. Off (the default), such a
     * stream fails with the attempt's error rather than deliver the same text twice. On, the SDK's retry (within
     * maxAttempts) is let through and the text starts over: the route is told by the delta headers
     * CamelBedrockStreamAttempt and CamelBedrockStreamRestarted (streamTo), by ChatStream.getAttempt() and
     * ChatStream.isRestarted() (iterator body), and by the same two headers on the exchange at the end, whose text and
     * usage describe the attempt that succeeded only.
     */
    @UriParam(label = "converse,invoke", defaultValue = "false",
              description = "converseStream and invokeModelStream: let an SDK retry (within maxAttempts) restart a stream whose"
                            + " deltas already reached the route. false: the stream fails instead of delivering the same"
                            + " text twice. true: the text starts over; every delta sent to streamTo carries"
                            + " CamelBedrockStreamAttempt, the first delta of a restarted attempt"
                            + " CamelBedrockStreamRestarted=true, the iterator body tells the same through"
                            + " ChatStream.getAttempt() and isRestarted(), and the exchange at the end carries both headers;"
                            + " its text and usage describe the attempt that succeeded.")
    private boolean streamRestartAfterDeltas;

    // ---- managed prompts ----

    @UriParam(label = "prompt", prefix = "promptVariable.", multiValue = true,
              description = "converse/converseStream with a prompt ARN as modelId: the values of the prompt's variables,"
                            + " promptVariable.NAME=VALUE. The CamelBedrockPromptVariables header (a Map) adds to and"
                            + " overrides them. Refused for a model id that is not a prompt.")
    private Map<String, Object> promptVariables;
    @UriParam(label = "prompt", description = "getPrompt: the prompt's id or ARN. Header CamelBedrockPromptIdentifier overrides it.")
    private String promptIdentifier;
    @UriParam(label = "prompt", description = "getPrompt: the prompt version to read (a number); unset: the draft. Header"
                                              + " CamelBedrockPromptVersion overrides it.")
    private String promptVersion;

    // ---- agents ----

    @UriParam(label = "agent", description = "invokeAgent: the agent's id (10 characters). Header CamelBedrockAgentId overrides it.")
    private String agentId;
    @UriParam(label = "agent", defaultValue = "TSTALIASID",
              description = "invokeAgent: the agent alias to invoke; TSTALIASID is the working draft. Header"
                            + " CamelBedrockAgentAliasId overrides it.")
    private String agentAliasId = "TSTALIASID";
    @UriParam(label = "agent", description = "invokeAgent: asks the agent for its trace events (reasoning, function calls,"
                                             + " final response); they are in the CamelBedrockAgentTrace header. Header"
                                             + " CamelBedrockEnableTrace overrides it.")
    private boolean enableTrace;

    // ---- knowledge bases ----

    @UriParam(label = "knowledge", description = "The knowledge base id (10 characters) for retrieve, retrieveAndGenerate and"
                                                 + " ingestion jobs. Header CamelBedrockKnowledgeBaseId overrides it.")
    private String knowledgeBaseId;

    @UriParam(label = "knowledge", description = "How many results retrieve returns and retrieveAndGenerate grounds its answer"
                                                 + " on, 1 to 100. retrieve follows further pages until it has this many."
                                                 + " Unset: the service default (5).")
    private Integer numberOfResults;

    @UriParam(label = "knowledge", description = "The search type: SEMANTIC (vectors) or HYBRID (vectors and keywords). Unset: Bedrock decides.")
    private SearchType searchType;

    @UriParam(label = "knowledge",
              description = "A metadata filter in the Bedrock JSON shape, e.g. {\"andAll\":[{\"equals\":{\"key\":\"category\",\"value\":\"faq\"}},"
                            + "{\"greaterThan\":{\"key\":\"year\",\"value\":2020}}]}. Operators: equals, notEquals,"
                            + " greaterThan, greaterThanOrEquals, lessThan, lessThanOrEquals, in, notIn, startsWith,"
                            + " listContains, stringContains, andAll, orAll.")
    private String retrievalFilter;

    @UriParam(label = "knowledge",
              description = "The reranker model (amazon.rerank-v1:0, cohere.rerank-v3-5:0, or an ARN): retrieve reranks its"
                            + " vector search results with it; rerank orders the body's documents with it.")
    private String rerankingModelId;

    @UriParam(label = "knowledge", description = "With rerankingModelId: how many reranked results to keep (rerank: 1 to 1000). Unset: all.")
    private Integer numberOfRerankedResults;

    @UriParam(label = "knowledge",
              description = "retrieveAndGenerate: the generation prompt template. It must contain $search_results$ and may use"
                            + " $query$ and $output_format_instructions$ (needed for citations).")
    private String promptTemplate;

    @UriParam(label = "knowledge",
              description = "retrieveAndGenerate: answer from this S3 object (s3://bucket/key) instead of a knowledge base."
                            + " In-message documents (header CamelBedrockDocuments, a Map of file name to bytes) work the same way.")
    private String externalSourceUri;

    @UriParam(label = "knowledge",
              description = "The AWS account id, needed to turn a cross-region inference profile id (us.anthropic...) into the"
                            + " inference-profile ARN that retrieveAndGenerate requires. Alternatively give the ARN as modelId.")
    private String accountId;

    @UriParam(label = "knowledge", description = "The data source to sync (startIngestionJob) or whose job to read (getIngestionJob).")
    private String dataSourceId;

    // ---- waiting for long-running work ----

    @UriParam(label = "knowledge,throughput", defaultValue = "false",
              description = "startIngestionJob/getIngestionJob: wait until the job is COMPLETE, FAILED or STOPPED;"
                            + " createProvisionedThroughput/getProvisionedThroughput: wait until the throughput is InService"
                            + " or Failed. Polls without blocking a thread, logging progress at INFO.")
    private boolean waitForCompletion;

    @UriParam(label = "knowledge,throughput", defaultValue = "10000", javaType = "java.time.Duration",
              description = "With waitForCompletion: the time between two status checks.")
    private long pollInterval = 10_000;

    @UriParam(label = "knowledge,throughput", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "With waitForCompletion: how long to wait before failing with BedrockWaitTimeoutException.")
    private long waitTimeout = 1_800_000;

    // ---- guardrails ----

    @UriParam(label = "guardrail", defaultValue = "INPUT",
              description = "applyGuardrail: whether the content is user input (INPUT) or model output (OUTPUT).")
    private GuardrailSource guardrailSource = GuardrailSource.INPUT;

    @UriParam(label = "guardrail", defaultValue = "continue",
              description = "applyGuardrail: when the guardrail intervenes, continue (the body becomes the masked or blocked"
                            + " text and CamelBedrockGuardrailAction says GUARDRAIL_INTERVENED) or fail (the exchange fails"
                            + " with BedrockGuardrailInterventionException, for onException).")
    private GuardrailInterventionAction guardrailInterventionAction = GuardrailInterventionAction.CONTINUE;

    // ---- provisioned throughput ----

    @UriParam(label = "throughput", description = "The provisioned throughput to get, update or delete: its name or ARN.")
    private String provisionedModelId;

    @UriParam(label = "throughput",
              description = "createProvisionedThroughput: the name (1-63 characters: letters, digits, single - or _ between"
                            + " them); updateProvisionedThroughput: the new name.")
    private String provisionedModelName;

    @UriParam(label = "throughput", description = "createProvisionedThroughput: the number of model units, 1 or more.")
    private Integer modelUnits;

    @UriParam(label = "throughput", defaultValue = "none",
              description = "createProvisionedThroughput: the commitment term. none can be deleted any time; a commitment"
                            + " is cheaper and binds for its term.")
    private CommitmentDuration commitmentDuration = CommitmentDuration.NONE;

    @UriParam(label = "throughput",
              description = "createProvisionedThroughput: tags as key=value pairs separated by commas. Header CamelBedrockTags"
                            + " (a Map) is merged over them.")
    private String tags;

    @UriParam(label = "throughput",
              description = "updateProvisionedThroughput: the new model (only for throughput of a custom model).")
    private String desiredModelId;

    @UriParam(label = "throughput", description = "listProvisionedThroughputs: only those in this status.")
    private ThroughputStatus statusEquals;

    @UriParam(label = "throughput",
              description = "listProvisionedThroughputs: only those of this model (a model id or ARN; an id is turned into the"
                            + " foundation-model ARN).")
    private String modelArnEquals;

    @UriParam(label = "throughput", description = "listProvisionedThroughputs: only those whose name contains this text.")
    private String nameContains;

    @UriParam(label = "throughput", description = "listProvisionedThroughputs: order by creation time. Unset: the service's order.")
    private SortOrder sortOrder;

    @UriParam(label = "throughput",
              description = "listProvisionedThroughputs: the page size of each request (1-1000); every page is read either way.")
    private Integer pageSize;

    // ---- foundation models ----

    @UriParam(label = "models", description = "listFoundationModels: only this provider's models, e.g. Anthropic.")
    private String byProvider;

    @UriParam(label = "models", description = "listFoundationModels: only models with this output.")
    private OutputModality byOutputModality;

    @UriParam(label = "models", description = "listFoundationModels: only models offering this inference type.")
    private InferenceType byInferenceType;

    @UriParam(label = "models", description = "listFoundationModels: only models supporting this customization.")
    private CustomizationType byCustomizationType;
    // ---- invoke ----

    @UriParam(label = "invoke", defaultValue = "auto",
              description = "invokeModel/invokeModelStream: how to read the body. raw: the body is the model's native request,"
                            + " sent as it is (a JSON String, byte[], InputStream, Map or Jackson JsonNode). prompt: the body is"
                            + " a prompt (a String, or a List of SDK Message) and the model family's codec builds the native"
                            + " request. auto: Map, JsonNode, byte[], InputStream, and a String whose first non-blank character"
                            + " is '{' and that parses as a JSON object are raw; other Strings and Lists of Message are prompts.")
    private InvokeBodyFormat invokeBodyFormat = InvokeBodyFormat.AUTO;

    @UriParam(label = "invoke", defaultValue = "String",
              description = "invokeModel with a raw body: the type of the result body: the reply as a String, as byte[], or"
                            + " as a Jackson JsonNode.")
    private RawResponseType rawResponseType = RawResponseType.STRING;

    @UriParam(label = "invoke", defaultValue = "application/json",
              description = "invokeModel/invokeModelStream: the MIME type of the request body.")
    private String contentType = "application/json";

    @UriParam(label = "invoke", defaultValue = "application/json",
              description = "invokeModel/invokeModelStream: the MIME type wanted for the reply.")
    private String accept = "application/json";

    // ---- embed ----

    @UriParam(label = "embed",
              description = "embed: the vector size to ask for. Titan Text Embeddings V2: 256, 512, 1024; Titan Multimodal: 256,"
                            + " 384, 1024; Cohere Embed v4: 256, 512, 1024, 1536; Nova Multimodal Embeddings: 256, 384, 1024,"
                            + " 3072. Checked against the model catalog before the call. Unset: the model's default.")
    private Integer dimensions;

    @UriParam(label = "embed", description = "embed, Titan Text Embeddings V2: whether to normalize the vectors. Unset: the model's default (true).")
    private Boolean normalize;

    @UriParam(label = "embed",
              description = "embed: extra embedding types, comma-separated: int8, uint8, binary, ubinary (Cohere), binary (Titan"
                            + " V2). The body keeps the float vectors; the extra types go to the CamelBedrockEmbeddingsByType header.")
    private String embeddingTypes;

    @UriParam(label = "embed",
              description = "embed: what the vectors are for. Cohere input_type: search_document (default), search_query,"
                            + " classification, clustering. Nova embeddings map these to an embedding purpose, or take a purpose"
                            + " name (GENERIC_INDEX, GENERIC_RETRIEVAL, TEXT_RETRIEVAL, ...).")
    private String embeddingInputType;

    @UriParam(label = "embed",
              description = "embed: how to truncate input longer than the model takes: NONE, START, END (Cohere v3, Nova), LEFT,"
                            + " RIGHT (Cohere v4). Unset: the model's default.")
    private String truncate;

    @UriParam(label = "embed", defaultValue = "8",
              description = "embed: how many InvokeModel calls one exchange may have in flight when a list of texts needs several"
                            + " (models that take one text per call, or lists longer than the model's batch limit).")
    private int embedConcurrency = 8;

    @UriParam(label = "embed", defaultValue = "0", javaType = "java.time.Duration",
              description = "embed: coalesce single-text exchanges that arrive within this time of each other into one"
                            + " InvokeModel call (up to embedCoalesceMaxBatch texts), and hand each exchange its own vector."
                            + " A batch is sent when it is full or when this time has passed since its first text. Only a"
                            + " String body is coalesced, and only with exchanges of the same model and embed options; Lists"
                            + " and images go alone. Worth it for streams of one text per exchange sent concurrently (a"
                            + " seda or Kafka consumer with several threads, a split in parallel): each exchange waits up to"
                            + " this long more, and a batch of texts costs one call and one maxInFlight slot. 0 = off.")
    private long embedCoalesceWindow;

    @UriParam(label = "embed", defaultValue = "0",
              description = "embed with embedCoalesceWindow: the most texts one coalesced call carries, 1 up to the model's"
                            + " batch limit in the model catalog (Cohere Embed: 96; Titan and Nova take 1 text per call, so"
                            + " nothing is coalesced for them). 0 = the model's batch limit.")
    private int embedCoalesceMaxBatch;

    // ---- image ----

    @UriParam(label = "image",
              description = "image: the width in pixels (with height). Checked against the model's size rules before the call."
                            + " Stability SD3/Core/Ultra take a ratio: width and height are sent as their reduced ratio.")
    private Integer width;

    @UriParam(label = "image", description = "image: the height in pixels (with width).")
    private Integer height;

    @UriParam(label = "image",
              description = "image, Stability SD3/Core/Ultra: the aspect ratio, one of 16:9, 1:1, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21."
                            + " Other families take width and height.")
    private String aspectRatio;

    @UriParam(label = "image", description = "image: the seed, for repeatable images. Unset: the model picks one.")
    private Long seed;

    @UriParam(label = "image", description = "image: how strictly the image follows the prompt (Titan, Nova Canvas, SDXL).")
    private Float cfgScale;

    @UriParam(label = "image", description = "image, Titan and Nova Canvas: the quality.")
    private ImageQuality quality;

    @UriParam(label = "image",
              description = "image: how many images (Titan and Nova Canvas: up to 5). More than one makes the body a List of byte[].")
    private Integer numberOfImages;

    @UriParam(label = "image", description = "image: what the image must not show (negative prompt).")
    private String negativeText;

    @UriParam(label = "image",
              description = "image: the style: a Nova Canvas style (PHOTOREALISM, 3D_ANIMATED_FAMILY_FILM, ...) or an SDXL style"
                            + " preset (photographic, anime, ...).")
    private String style;

    @UriParam(label = "image", description = "image, Stability SD3/Core/Ultra: the output format. The other families produce PNG.")
    private ImageOutputFormat outputFormat;

    // ---- getters and setters ----

    public BedrockOperation getOperation() { return operation; }
    public void setOperation(BedrockOperation operation) { this.operation = operation; }
    public String getModelId() { return modelId; }
    public void setModelId(String modelId) { this.modelId = modelId; }
    public ModelFamily getModelFamily() { return modelFamily; }
    public void setModelFamily(ModelFamily modelFamily) { this.modelFamily = modelFamily; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getAccessKey() { return accessKey; }
    public void setAccessKey(String accessKey) { this.accessKey = accessKey; }
    public String getSecretKey() { return secretKey; }
    public void setSecretKey(String secretKey) { this.secretKey = secretKey; }
    public String getSessionToken() { return sessionToken; }
    public void setSessionToken(String sessionToken) { this.sessionToken = sessionToken; }
    public String getProfileName() { return profileName; }
    public void setProfileName(String profileName) { this.profileName = profileName; }
    public String getRoleArn() { return roleArn; }
    public void setRoleArn(String roleArn) { this.roleArn = roleArn; }
    public String getRoleSessionName() { return roleSessionName; }
    public void setRoleSessionName(String roleSessionName) { this.roleSessionName = roleSessionName; }
    public String getRoleExternalId() { return roleExternalId; }
    public void setRoleExternalId(String roleExternalId) { this.roleExternalId = roleExternalId; }
    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public String getMediaUrlAllowList() { return mediaUrlAllowList; }
    public void setMediaUrlAllowList(String mediaUrlAllowList) { this.mediaUrlAllowList = mediaUrlAllowList; }
    public long getMediaUrlTimeout() { return mediaUrlTimeout; }
    public void setMediaUrlTimeout(long mediaUrlTimeout) { this.mediaUrlTimeout = mediaUrlTimeout; }
    public String getEndpointOverride() { return endpointOverride; }
    public void setEndpointOverride(String endpointOverride) { this.endpointOverride = endpointOverride; }
    public String getRuntimeEndpointOverride() { return runtimeEndpointOverride; }
    public void setRuntimeEndpointOverride(String v) { this.runtimeEndpointOverride = v; }
    public String getAgentRuntimeEndpointOverride() { return agentRuntimeEndpointOverride; }
    public void setAgentRuntimeEndpointOverride(String v) { this.agentRuntimeEndpointOverride = v; }
    public String getControlPlaneEndpointOverride() { return controlPlaneEndpointOverride; }
    public void setControlPlaneEndpointOverride(String v) { this.controlPlaneEndpointOverride = v; }
    public String getAgentEndpointOverride() { return agentEndpointOverride; }
    public void setAgentEndpointOverride(String v) { this.agentEndpointOverride = v; }
    public HttpProtocolVersion getHttpProtocol() { return httpProtocol; }
    public void setHttpProtocol(HttpProtocolVersion httpProtocol) { this.httpProtocol = httpProtocol; }
    public int getMaxConcurrency() { return maxConcurrency; }
    public void setMaxConcurrency(int maxConcurrency) { this.maxConcurrency = maxConcurrency; }
    public long getConnectionTimeout() { return connectionTimeout; }
    public void setConnectionTimeout(long connectionTimeout) { this.connectionTimeout = connectionTimeout; }
    public long getReadTimeout() { return readTimeout; }
    public void setReadTimeout(long readTimeout) { this.readTimeout = readTimeout; }
    public long getApiCallTimeout() { return apiCallTimeout; }
    public void setApiCallTimeout(long apiCallTimeout) { this.apiCallTimeout = apiCallTimeout; }
    public long getApiCallAttemptTimeout() { return apiCallAttemptTimeout; }
    public void setApiCallAttemptTimeout(long apiCallAttemptTimeout) { this.apiCallAttemptTimeout = apiCallAttemptTimeout; }
    public RetryStrategyMode getRetryMode() { return retryMode; }
    public void setRetryMode(RetryStrategyMode retryMode) { this.retryMode = retryMode; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public long getConnectionAcquisitionTimeout() { return connectionAcquisitionTimeout; }
    public void setConnectionAcquisitionTimeout(long v) { this.connectionAcquisitionTimeout = v; }
    public long getConnectionMaxIdleTime() { return connectionMaxIdleTime; }
    public void setConnectionMaxIdleTime(long v) { this.connectionMaxIdleTime = v; }
    public boolean isTcpKeepAlive() { return tcpKeepAlive; }
    public void setTcpKeepAlive(boolean tcpKeepAlive) { this.tcpKeepAlive = tcpKeepAlive; }
    public long getHttp2MaxStreams() { return http2MaxStreams; }
    public void setHttp2MaxStreams(long http2MaxStreams) { this.http2MaxStreams = http2MaxStreams; }
    public boolean isMetrics() { return metrics; }
    public void setMetrics(boolean metrics) { this.metrics = metrics; }
    public int getMaxInFlight() { return maxInFlight; }
    public void setMaxInFlight(int maxInFlight) { this.maxInFlight = maxInFlight; }
    public RateControl getRateControl() { return rateControl; }
    public void setRateControl(RateControl rateControl) { this.rateControl = rateControl; }
    public double getRateControlMinRate() { return rateControlMinRate; }
    public void setRateControlMinRate(double v) { this.rateControlMinRate = v; }
    public double getRateControlMaxRate() { return rateControlMaxRate; }
    public void setRateControlMaxRate(double v) { this.rateControlMaxRate = v; }
    public String getProxyHost() { return proxyHost; }
    public void setProxyHost(String proxyHost) { this.proxyHost = proxyHost; }
    public Integer getProxyPort() { return proxyPort; }
    public void setProxyPort(Integer proxyPort) { this.proxyPort = proxyPort; }
    public ProxyScheme getProxyProtocol() { return proxyProtocol; }
    public void setProxyProtocol(ProxyScheme proxyProtocol) { this.proxyProtocol = proxyProtocol; }
    public String getProxyUsername() { return proxyUsername; }
    public void setProxyUsername(String proxyUsername) { this.proxyUsername = proxyUsername; }
    public String getProxyPassword() { return proxyPassword; }
    public void setProxyPassword(String proxyPassword) { this.proxyPassword = proxyPassword; }
    public BedrockRuntimeAsyncClient getBedrockRuntimeClient() { return bedrockRuntimeClient; }
    public void setBedrockRuntimeClient(BedrockRuntimeAsyncClient c) { this.bedrockRuntimeClient = c; }
    public BedrockAgentRuntimeAsyncClient getBedrockAgentRuntimeClient() { return bedrockAgentRuntimeClient; }
    public void setBedrockAgentRuntimeClient(BedrockAgentRuntimeAsyncClient c) { this.bedrockAgentRuntimeClient = c; }
    public BedrockAsyncClient getBedrockClient() { return bedrockClient; }
    public void setBedrockClient(BedrockAsyncClient c) { this.bedrockClient = c; }
    public BedrockAgentAsyncClient getBedrockAgentClient() { return bedrockAgentClient; }
    public void setBedrockAgentClient(BedrockAgentAsyncClient c) { this.bedrockAgentClient = c; }
    public String getSystemPrompt() { return systemPrompt; }
    public void setSystemPrompt(String systemPrompt) { this.systemPrompt = systemPrompt; }
    public Integer getMaxTokens() { return maxTokens; }
    public void setMaxTokens(Integer maxTokens) { this.maxTokens = maxTokens; }
    public Float getTemperature() { return temperature; }
    public void setTemperature(Float temperature) { this.temperature = temperature; }
    public Float getTopP() { return topP; }
    public void setTopP(Float topP) { this.topP = topP; }
    public String getStopSequences() { return stopSequences; }
    public void setStopSequences(String stopSequences) { this.stopSequences = stopSequences; }
    public String getAdditionalModelRequestFields() { return additionalModelRequestFields; }
    public void setAdditionalModelRequestFields(String v) { this.additionalModelRequestFields = v; }
    public String getAdditionalModelResponseFieldPaths() { return additionalModelResponseFieldPaths; }
    public void setAdditionalModelResponseFieldPaths(String v) { this.additionalModelResponseFieldPaths = v; }
    public String getTools() { return tools; }
    public void setTools(String tools) { this.tools = tools; }
    public ToolConfiguration getToolConfiguration() { return toolConfiguration; }
    public void setToolConfiguration(ToolConfiguration toolConfiguration) { this.toolConfiguration = toolConfiguration; }
    public String getToolChoice() { return toolChoice; }
    public void setToolChoice(String toolChoice) { this.toolChoice = toolChoice; }
    public String getToolTags() { return toolTags; }
    public void setToolTags(String toolTags) { this.toolTags = toolTags; }
    public String getToolNames() { return toolNames; }
    public void setToolNames(String toolNames) { this.toolNames = toolNames; }
    public int getMaxToolRounds() { return maxToolRounds; }
    public void setMaxToolRounds(int maxToolRounds) { this.maxToolRounds = maxToolRounds; }
    public String getOutputSchema() { return outputSchema; }
    public void setOutputSchema(String outputSchema) { this.outputSchema = outputSchema; }
    public String getOutputClass() { return outputClass; }
    public void setOutputClass(String outputClass) { this.outputClass = outputClass; }
    public int getOutputRepairAttempts() { return outputRepairAttempts; }
    public void setOutputRepairAttempts(int outputRepairAttempts) { this.outputRepairAttempts = outputRepairAttempts; }
    public String getGuardrailIdentifier() { return guardrailIdentifier; }
    public void setGuardrailIdentifier(String guardrailIdentifier) { this.guardrailIdentifier = guardrailIdentifier; }
    public String getGuardrailVersion() { return guardrailVersion; }
    public void setGuardrailVersion(String guardrailVersion) { this.guardrailVersion = guardrailVersion; }
    public GuardrailTrace getGuardrailTrace() { return guardrailTrace; }
    public void setGuardrailTrace(GuardrailTrace guardrailTrace) { this.guardrailTrace = guardrailTrace; }
    public GuardrailStreamMode getGuardrailStreamProcessingMode() { return guardrailStreamProcessingMode; }
    public void setGuardrailStreamProcessingMode(GuardrailStreamMode v) { this.guardrailStreamProcessingMode = v; }
    public String getPromptCachePoints() { return promptCachePoints; }
    public void setPromptCachePoints(String promptCachePoints) { this.promptCachePoints = promptCachePoints; }
    public PerformanceLatency getPerformanceLatency() { return performanceLatency; }
    public void setPerformanceLatency(PerformanceLatency performanceLatency) { this.performanceLatency = performanceLatency; }
    public ServiceTier getServiceTier() { return serviceTier; }
    public void setServiceTier(ServiceTier serviceTier) { this.serviceTier = serviceTier; }
    public String getRequestMetadata() { return requestMetadata; }
    public void setRequestMetadata(String requestMetadata) { this.requestMetadata = requestMetadata; }
    public String getStreamTo() { return streamTo; }
    public void setStreamTo(String streamTo) { this.streamTo = streamTo; }
    public int getStreamBufferSize() { return streamBufferSize; }
    public void setStreamBufferSize(int streamBufferSize) { this.streamBufferSize = streamBufferSize; }
    public boolean isStreamRestartAfterDeltas() { return streamRestartAfterDeltas; }
    public void setStreamRestartAfterDeltas(boolean streamRestartAfterDeltas) { this.streamRestartAfterDeltas = streamRestartAfterDeltas; }
    public Map<String, Object> getPromptVariables() { return promptVariables; }
    public void setPromptVariables(Map<String, Object> promptVariables) { this.promptVariables = promptVariables; }
    public String getPromptIdentifier() { return promptIdentifier; }
    public void setPromptIdentifier(String promptIdentifier) { this.promptIdentifier = promptIdentifier; }
    public String getPromptVersion() { return promptVersion; }
    public void setPromptVersion(String promptVersion) { this.promptVersion = promptVersion; }
    public String getAgentId() { return agentId; }
    public void setAgentId(String agentId) { this.agentId = agentId; }
    public String getAgentAliasId() { return agentAliasId; }
    public void setAgentAliasId(String agentAliasId) { this.agentAliasId = agentAliasId; }
    public boolean isEnableTrace() { return enableTrace; }
    public void setEnableTrace(boolean enableTrace) { this.enableTrace = enableTrace; }
    public String getKnowledgeBaseId() { return knowledgeBaseId; }
    public void setKnowledgeBaseId(String knowledgeBaseId) { this.knowledgeBaseId = knowledgeBaseId; }
    public Integer getNumberOfResults() { return numberOfResults; }
    public void setNumberOfResults(Integer numberOfResults) { this.numberOfResults = numberOfResults; }
    public SearchType getSearchType() { return searchType; }
    public void setSearchType(SearchType searchType) { this.searchType = searchType; }
    public String getRetrievalFilter() { return retrievalFilter; }
    public void setRetrievalFilter(String retrievalFilter) { this.retrievalFilter = retrievalFilter; }
    public String getRerankingModelId() { return rerankingModelId; }
    public void setRerankingModelId(String rerankingModelId) { this.rerankingModelId = rerankingModelId; }
    public Integer getNumberOfRerankedResults() { return numberOfRerankedResults; }
    public void setNumberOfRerankedResults(Integer numberOfRerankedResults) { this.numberOfRerankedResults = numberOfRerankedResults; }
    public String getPromptTemplate() { return promptTemplate; }
    public void setPromptTemplate(String promptTemplate) { this.promptTemplate = promptTemplate; }
    public String getExternalSourceUri() { return externalSourceUri; }
    public void setExternalSourceUri(String externalSourceUri) { this.externalSourceUri = externalSourceUri; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getDataSourceId() { return dataSourceId; }
    public void setDataSourceId(String dataSourceId) { this.dataSourceId = dataSourceId; }
    public boolean isWaitForCompletion() { return waitForCompletion; }
    public void setWaitForCompletion(boolean waitForCompletion) { this.waitForCompletion = waitForCompletion; }
    public long getPollInterval() { return pollInterval; }
    public void setPollInterval(long pollInterval) { this.pollInterval = pollInterval; }
    public long getWaitTimeout() { return waitTimeout; }
    public void setWaitTimeout(long waitTimeout) { this.waitTimeout = waitTimeout; }
    public GuardrailSource getGuardrailSource() { return guardrailSource; }
    public void setGuardrailSource(GuardrailSource guardrailSource) { this.guardrailSource = guardrailSource; }
    public GuardrailInterventionAction getGuardrailInterventionAction() { return guardrailInterventionAction; }
    public void setGuardrailInterventionAction(GuardrailInterventionAction guardrailInterventionAction) { this.guardrailInterventionAction = guardrailInterventionAction; }
    public String getProvisionedModelId() { return provisionedModelId; }
    public void setProvisionedModelId(String provisionedModelId) { this.provisionedModelId = provisionedModelId; }
    public String getProvisionedModelName() { return provisionedModelName; }
    public void setProvisionedModelName(String provisionedModelName) { this.provisionedModelName = provisionedModelName; }
    public Integer getModelUnits() { return modelUnits; }
    public void setModelUnits(Integer modelUnits) { this.modelUnits = modelUnits; }
    public CommitmentDuration getCommitmentDuration() { return commitmentDuration; }
    public void setCommitmentDuration(CommitmentDuration commitmentDuration) { this.commitmentDuration = commitmentDuration; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public String getDesiredModelId() { return desiredModelId; }
    public void setDesiredModelId(String desiredModelId) { this.desiredModelId = desiredModelId; }
    public ThroughputStatus getStatusEquals() { return statusEquals; }
    public void setStatusEquals(ThroughputStatus statusEquals) { this.statusEquals = statusEquals; }
    public String getModelArnEquals() { return modelArnEquals; }
    public void setModelArnEquals(String modelArnEquals) { this.modelArnEquals = modelArnEquals; }
    public String getNameContains() { return nameContains; }
    public void setNameContains(String nameContains) { this.nameContains = nameContains; }
    public SortOrder getSortOrder() { return sortOrder; }
    public void setSortOrder(SortOrder sortOrder) { this.sortOrder = sortOrder; }
    public Integer getPageSize() { return pageSize; }
    public void setPageSize(Integer pageSize) { this.pageSize = pageSize; }
    public String getByProvider() { return byProvider; }
    public void setByProvider(String byProvider) { this.byProvider = byProvider; }
    public OutputModality getByOutputModality() { return byOutputModality; }
    public void setByOutputModality(OutputModality byOutputModality) { this.byOutputModality = byOutputModality; }
    public InferenceType getByInferenceType() { return byInferenceType; }
    public void setByInferenceType(InferenceType byInferenceType) { this.byInferenceType = byInferenceType; }
    public CustomizationType getByCustomizationType() { return byCustomizationType; }
    public void setByCustomizationType(CustomizationType byCustomizationType) { this.byCustomizationType = byCustomizationType; }

    public InvokeBodyFormat getInvokeBodyFormat() { return invokeBodyFormat; }
    public void setInvokeBodyFormat(InvokeBodyFormat invokeBodyFormat) { this.invokeBodyFormat = invokeBodyFormat; }
    public RawResponseType getRawResponseType() { return rawResponseType; }
    public void setRawResponseType(RawResponseType rawResponseType) { this.rawResponseType = rawResponseType; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public String getAccept() { return accept; }
    public void setAccept(String accept) { this.accept = accept; }

    public Integer getDimensions() { return dimensions; }
    public void setDimensions(Integer dimensions) { this.dimensions = dimensions; }
    public Boolean getNormalize() { return normalize; }
    public void setNormalize(Boolean normalize) { this.normalize = normalize; }
    public String getEmbeddingTypes() { return embeddingTypes; }
    public void setEmbeddingTypes(String embeddingTypes) { this.embeddingTypes = embeddingTypes; }
    public String getEmbeddingInputType() { return embeddingInputType; }
    public void setEmbeddingInputType(String embeddingInputType) { this.embeddingInputType = embeddingInputType; }
    public String getTruncate() { return truncate; }
    public void setTruncate(String truncate) { this.truncate = truncate; }
    public int getEmbedConcurrency() { return embedConcurrency; }
    public void setEmbedConcurrency(int embedConcurrency) { this.embedConcurrency = embedConcurrency; }
    public long getEmbedCoalesceWindow() { return embedCoalesceWindow; }
    public void setEmbedCoalesceWindow(long embedCoalesceWindow) { this.embedCoalesceWindow = embedCoalesceWindow; }
    public int getEmbedCoalesceMaxBatch() { return embedCoalesceMaxBatch; }
    public void setEmbedCoalesceMaxBatch(int embedCoalesceMaxBatch) { this.embedCoalesceMaxBatch = embedCoalesceMaxBatch; }

    public Integer getWidth() { return width; }
    public void setWidth(Integer width) { this.width = width; }
    public Integer getHeight() { return height; }
    public void setHeight(Integer height) { this.height = height; }
    public String getAspectRatio() { return aspectRatio; }
    public void setAspectRatio(String aspectRatio) { this.aspectRatio = aspectRatio; }
    public Long getSeed() { return seed; }
    public void setSeed(Long seed) { this.seed = seed; }
    public Float getCfgScale() { return cfgScale; }
    public void setCfgScale(Float cfgScale) { this.cfgScale = cfgScale; }
    public ImageQuality getQuality() { return quality; }
    public void setQuality(ImageQuality quality) { this.quality = quality; }
    public Integer getNumberOfImages() { return numberOfImages; }
    public void setNumberOfImages(Integer numberOfImages) { this.numberOfImages = numberOfImages; }
    public String getNegativeText() { return negativeText; }
    public void setNegativeText(String negativeText) { this.negativeText = negativeText; }
    public String getStyle() { return style; }
    public void setStyle(String style) { this.style = style; }
    public ImageOutputFormat getOutputFormat() { return outputFormat; }
    public void setOutputFormat(ImageOutputFormat outputFormat) { this.outputFormat = outputFormat; }

    public BedrockConfiguration copy() {
        try {
            return (BedrockConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Lists which options are set, never their values: secrets must not reach logs through this. */
    @Override
    public String toString() {
        return "BedrockConfiguration[operation=" + operation + ", modelId=" + modelId + ", region=" + region
               + ", endpointOverride=" + endpointOverride + ", credentials=" + credentialsKind() + "]";
    }

    /** A description of the credentials in use that names the kind and never a value. */
    public String credentialsKind() {
        if (apiKey != null) {
            return "api-key";
        }
        String base = accessKey != null ? (sessionToken != null ? "static-session" : "static")
                : profileName != null ? "profile" : "default-chain";
        return roleArn != null ? "assume-role(" + base + ")" : base;
    }
}
