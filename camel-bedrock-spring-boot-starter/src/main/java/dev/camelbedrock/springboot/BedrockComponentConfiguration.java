/* Generated from the bedrock component's descriptor (bedrock.json) by ConfigurationSourceTest: do not edit.
 * To regenerate: ./mvnw -pl camel-bedrock-spring-boot-starter -am test -Dtest=ConfigurationSourceTest -Dsurefire.failIfNoSpecifiedTests=false -Dstarter.update=true */
package dev.camelbedrock.springboot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.bedrock.*} properties: one per option of the {@code bedrock:} component, bound by
 * Spring Boot and applied to the component by name through Camel's generated configurer.
 */
@ConfigurationProperties(prefix = "camel.component.bedrock")
public class BedrockComponentConfiguration {

    /** The secret options: {@link #toString()} masks their values. */
    static final Set<String> SECRETS = Set.of(
            "proxyPassword", "proxyUsername", "accessKey", "apiKey", "roleExternalId", "secretKey",
            "sessionToken");

    /**
     * Whether to enable the auto configuration of the bedrock component. This is enabled by default.
     */
    private Boolean enabled = true;

    /**
     * The component configuration: the defaults of every endpoint. Set it to a reference to a bean of type
     * dev.camelbedrock.component.BedrockConfiguration, e.g. #bean:myBean.
     */
    private String configuration;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The model family, for a model id that hides it (a provisioned model, an application inference profile, an
     * imported or custom model ARN): it picks the codec that builds and reads the native body of invokeModel, embed
     * and image. Unset: the model catalog tells the family from the model id (an unknown id of a known provider gets
     * the provider's family). Set, it wins over the catalog. Overridden per message by the CamelBedrockModelFamily
     * header. One of: ANTHROPIC_MESSAGES, TITAN_TEXT, NOVA, LLAMA, MISTRAL_TEXT, MISTRAL_CHAT, COHERE_COMMAND_R,
     * COHERE_COMMAND, AI21_JAMBA, AI21_JURASSIC, DEEPSEEK, OPENAI_CHAT, TITAN_EMBED_TEXT, TITAN_EMBED_IMAGE,
     * COHERE_EMBED, NOVA_EMBED, TWELVELABS_MARENGO, TITAN_IMAGE, STABILITY, STABILITY_SDXL, STABILITY_IMAGE_SERVICES,
     * NOVA_REEL, LUMA_RAY, NOVA_SONIC, TWELVELABS_PEGASUS, RERANK.
     */
    private String modelFamily;

    /**
     * The model to use: a base model id (anthropic.claude-3-haiku-20240307-v1:0), a cross-region inference profile id
     * (us.anthropic...), or an ARN (foundation model, inference profile, provisioned model). Overridden per message by
     * the CamelBedrockModelId header.
     */
    private String modelId;

    /**
     * The AWS region, e.g. us-east-1. When unset, the SDK's default region chain decides (AWS_REGION, profile,
     * instance metadata).
     */
    private String region;

    /**
     * Endpoint URI for bedrock-agent (ingestion jobs) only.
     */
    private String agentEndpointOverride;

    /**
     * Endpoint URI for bedrock-agent-runtime (knowledge bases) only.
     */
    private String agentRuntimeEndpointOverride;

    /**
     * Timeout for one attempt of an API call; 0 means none. A duration: 10s, 500ms, or a number of milliseconds.
     */
    private Duration apiCallAttemptTimeout = Duration.ofMillis(0);

    /**
     * Timeout for a whole API call, retries included; 0 means none. A duration: 10s, 500ms, or a number of
     * milliseconds.
     */
    private Duration apiCallTimeout = Duration.ofMillis(0);

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * A bedrock-agent client to use instead of building one; never closed by Camel. Set it to a reference to a bean of
     * type software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient, e.g. #bean:myBean.
     */
    private String bedrockAgentClient;

    /**
     * A bedrock-agent-runtime client to use instead of building one; never closed by Camel. Set it to a reference to a
     * bean of type software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient, e.g.
     * #bean:myBean.
     */
    private String bedrockAgentRuntimeClient;

    /**
     * A bedrock control-plane client to use instead of building one; never closed by Camel. Set it to a reference to a
     * bean of type software.amazon.awssdk.services.bedrock.BedrockAsyncClient, e.g. #bean:myBean.
     */
    private String bedrockClient;

    /**
     * A bedrock-runtime client to use instead of building one; never closed by Camel. Set it to a reference to a bean
     * of type software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient, e.g. #bean:myBean.
     */
    private String bedrockRuntimeClient;

    /**
     * How long a request may wait for a connection (HTTP/1.1) or stream (HTTP/2) of the pool once maxConcurrency are
     * busy before it fails. Keep maxInFlight at or below maxConcurrency and requests wait in maxInFlight instead,
     * without a timeout. A duration: 10s, 500ms, or a number of milliseconds.
     */
    private Duration connectionAcquisitionTimeout = Duration.ofMillis(10000);

    /**
     * Close a pooled connection after it was idle this long. A duration: 10s, 500ms, or a number of milliseconds.
     */
    private Duration connectionMaxIdleTime = Duration.ofMillis(60000);

    /**
     * Timeout to establish a connection. A duration: 10s, 500ms, or a number of milliseconds.
     */
    private Duration connectionTimeout = Duration.ofMillis(10000);

    /**
     * Endpoint URI for the bedrock control plane (models, provisioned throughput) only.
     */
    private String controlPlaneEndpointOverride;

    /**
     * Where every bedrock: endpoint sends its calls. off: Amazon Bedrock. embedded: a Bedrock emulator started in this
     * JVM on the first endpoint, on loopback with a free port, dummy credentials and region us-east-1; every
     * endpoint's endpoint override points at it and a startup log line says so. For development and tests without an
     * AWS account; needs the dependency dev.camelbedrock:camel-bedrock-dev-services. Refused when credentials
     * (accessKey, secretKey, sessionToken, profileName, roleArn, apiKey) are also configured, on the component or an
     * endpoint. One of: off, embedded.
     */
    private String emulator = "off";

    /**
     * With emulator=embedded: also create the example knowledge base KBEXAMPLE1 (three short documents on returns,
     * shipping and warranty) and the guardrail exampleguard (version DRAFT, anonymizes e-mail addresses and phone
     * numbers) in the emulator.
     */
    private Boolean emulatorExamples = false;

    /**
     * One endpoint URI for every Bedrock service (runtime, agent runtime, control plane, agent), e.g.
     * http://127.0.0.1:4566 for the bedrock-emulator. The per-service overrides win over it.
     */
    private String endpointOverride;

    /**
     * HTTP/2 only: the most concurrent streams on one connection; more requests open more connections (up to
     * maxConcurrency streams in all). 0 = what the server allows.
     */
    private Long http2MaxStreams = 0L;

    /**
     * The HTTP protocol of the async clients. Unset: the SDK default (HTTP/2 for bedrock-runtime, HTTP/1.1 for the
     * other services). One of: HTTP1_1, HTTP2.
     */
    private String httpProtocol;

    /**
     * Maximum attempts per call, retries included (1 disables SDK retries); 0 keeps the retry mode's default.
     */
    private Integer maxAttempts = 0;

    /**
     * Maximum concurrent HTTP requests (connections on HTTP/1.1, streams on HTTP/2) per client.
     */
    private Integer maxConcurrency = 500;

    /**
     * Record the OpenTelemetry GenAI client metrics (gen_ai.client.operation.duration, gen_ai.client.token.usage,
     * gen_ai.client.operation.time_to_first_chunk) and the component's own (camel.bedrock.requests.in_flight,
     * camel.bedrock.throttled, camel.bedrock.cost) when Micrometer is on the classpath and the registry has a
     * MeterRegistry (camel-micrometer's metricsRegistry bean, else the only one). Without Micrometer nothing is
     * recorded and nothing of it is loaded.
     */
    private Boolean metrics = true;

    /**
     * Maximum time without receiving a byte. The default (10 minutes) fits long non-streamed generations. A duration:
     * 10s, 500ms, or a number of milliseconds.
     */
    private Duration readTimeout = Duration.ofMillis(600000);

    /**
     * The SDK retry mode. Unset: the SDK default (legacy: 4 attempts, throttling backoff). One of: legacy, standard,
     * adaptive_v2.
     */
    private String retryMode;

    /**
     * Endpoint URI for bedrock-runtime only.
     */
    private String runtimeEndpointOverride;

    /**
     * Send TCP keep-alive probes on pooled connections (helps long generations through NATs and load balancers that
     * drop silent connections).
     */
    private Boolean tcpKeepAlive = false;

    /**
     * invokeAgent: the agent alias to invoke; TSTALIASID is the working draft. Header CamelBedrockAgentAliasId
     * overrides it.
     */
    private String agentAliasId = "TSTALIASID";

    /**
     * invokeAgent: the agent's id (10 characters). Header CamelBedrockAgentId overrides it.
     */
    private String agentId;

    /**
     * invokeAgent: asks the agent for its trace events (reasoning, function calls, final response); they are in the
     * CamelBedrockAgentTrace header. Header CamelBedrockEnableTrace overrides it.
     */
    private Boolean enableTrace = false;

    /**
     * Model-specific request fields as a JSON object, e.g. {top_k:50} or {thinking:{type:enabled,budget_tokens:2048}}.
     */
    private String additionalModelRequestFields;

    /**
     * Comma-separated JSON Pointers of model-specific response fields to return, e.g. /stop_sequence.
     */
    private String additionalModelResponseFieldPaths;

    /**
     * converseStream only: whether the guardrail checks chunks before (sync) or while (async) they are sent. One of:
     * sync, async.
     */
    private String guardrailStreamProcessingMode;

    /**
     * Guardrail trace; when enabled its assessment reaches the CamelBedrockGuardrailTrace header. One of: enabled,
     * disabled, enabled_full.
     */
    private String guardrailTrace;

    /**
     * Maximum number of tokens to generate. Unset: the model's default.
     */
    private Integer maxTokens;

    /**
     * Latency-optimized inference, where the model offers it. One of: standard, optimized.
     */
    private String performanceLatency;

    /**
     * Where to put prompt-cache points, comma-separated: system (after the system prompt), tools (after the tool
     * list), messages (after the last user turn).
     */
    private String promptCachePoints;

    /**
     * Request metadata for invocation logs, as key=value pairs separated by commas. Header CamelBedrockRequestMetadata
     * (a Map) is merged over it.
     */
    private String requestMetadata;

    /**
     * The service tier of the request. One of: priority, default, flex, reserved.
     */
    private String serviceTier;

    /**
     * Comma-separated stop sequences.
     */
    private String stopSequences;

    /**
     * The system prompt. Header CamelBedrockSystemPrompt overrides it.
     */
    private String systemPrompt;

    /**
     * Sampling temperature, 0 to 1. Unset: the model's default.
     */
    private Float temperature;

    /**
     * How the model chooses tools: auto, any, or tool:.
     */
    private String toolChoice;

    /**
     * Tools as an SDK ToolConfiguration bean; wins over the tools option. Set it to a reference to a bean of type
     * software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration, e.g. #bean:myBean.
     */
    private String toolConfiguration;

    /**
     * Tools the model may call, as a JSON array, inline or from a resource (classpath:tools.json, file:/path). Each
     * element is a Converse tool ({toolSpec:{...}}) or the short form {name,description,inputSchema} (input_schema and
     * parameters are accepted too).
     */
    private String tools;

    /**
     * Nucleus sampling, 0 to 1. Unset: the model's default.
     */
    private Float topP;

    /**
     * embed: the vector size to ask for. Titan Text Embeddings V2: 256, 512, 1024; Titan Multimodal: 256, 384, 1024;
     * Cohere Embed v4: 256, 512, 1024, 1536; Nova Multimodal Embeddings: 256, 384, 1024, 3072. Checked against the
     * model catalog before the call. Unset: the model's default.
     */
    private Integer dimensions;

    /**
     * embed with embedCoalesceWindow: the most texts one coalesced call carries, 1 up to the model's batch limit in
     * the model catalog (Cohere Embed: 96; Titan and Nova take 1 text per call, so nothing is coalesced for them). 0 =
     * the model's batch limit.
     */
    private Integer embedCoalesceMaxBatch = 0;

    /**
     * embed: coalesce single-text exchanges that arrive within this time of each other into one InvokeModel call (up
     * to embedCoalesceMaxBatch texts), and hand each exchange its own vector. A batch is sent when it is full or when
     * this time has passed since its first text. Only a String body is coalesced, and only with exchanges of the same
     * model and embed options; Lists and images go alone. Worth it for streams of one text per exchange sent
     * concurrently (a seda or Kafka consumer with several threads, a split in parallel): each exchange waits up to
     * this long more, and a batch of texts costs one call and one maxInFlight slot. 0 = off. A duration: 10s, 500ms,
     * or a number of milliseconds.
     */
    private Duration embedCoalesceWindow = Duration.ofMillis(0);

    /**
     * embed: how many InvokeModel calls one exchange may have in flight when a list of texts needs several (models
     * that take one text per call, or lists longer than the model's batch limit).
     */
    private Integer embedConcurrency = 8;

    /**
     * embed: what the vectors are for. Cohere input_type: search_document (default), search_query, classification,
     * clustering. Nova embeddings map these to an embedding purpose, or take a purpose name (GENERIC_INDEX,
     * GENERIC_RETRIEVAL, TEXT_RETRIEVAL, ...).
     */
    private String embeddingInputType;

    /**
     * embed: extra embedding types, comma-separated: int8, uint8, binary, ubinary (Cohere), binary (Titan V2). The
     * body keeps the float vectors; the extra types go to the CamelBedrockEmbeddingsByType header.
     */
    private String embeddingTypes;

    /**
     * embed, Titan Text Embeddings V2: whether to normalize the vectors. Unset: the model's default (true).
     */
    private Boolean normalize = false;

    /**
     * embed: how to truncate input longer than the model takes: NONE, START, END (Cohere v3, Nova), LEFT, RIGHT
     * (Cohere v4). Unset: the model's default.
     */
    private String truncate;

    /**
     * Guardrail identifier or ARN: applied to converse/converseStream, used by applyGuardrail, and by
     * retrieveAndGenerate for the generation step.
     */
    private String guardrailIdentifier;

    /**
     * applyGuardrail: when the guardrail intervenes, continue (the body becomes the masked or blocked text and
     * CamelBedrockGuardrailAction says GUARDRAIL_INTERVENED) or fail (the exchange fails with
     * BedrockGuardrailInterventionException, for onException). One of: continue, fail.
     */
    private String guardrailInterventionAction = "continue";

    /**
     * applyGuardrail: whether the content is user input (INPUT) or model output (OUTPUT). One of: INPUT, OUTPUT.
     */
    private String guardrailSource = "INPUT";

    /**
     * Guardrail version: DRAFT or a number.
     */
    private String guardrailVersion;

    /**
     * image, Stability SD3/Core/Ultra: the aspect ratio, one of 16:9, 1:1, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21. Other
     * families take width and height.
     */
    private String aspectRatio;

    /**
     * image: how strictly the image follows the prompt (Titan, Nova Canvas, SDXL).
     */
    private Float cfgScale;

    /**
     * image: the height in pixels (with width).
     */
    private Integer height;

    /**
     * image: what the image must not show (negative prompt).
     */
    private String negativeText;

    /**
     * image: how many images (Titan and Nova Canvas: up to 5). More than one makes the body a List of byte.
     */
    private Integer numberOfImages;

    /**
     * image, Stability SD3/Core/Ultra: the output format. The other families produce PNG. One of: png, jpeg, webp.
     */
    private String outputFormat;

    /**
     * image, Titan and Nova Canvas: the quality. One of: standard, premium.
     */
    private String quality;

    /**
     * image: the seed, for repeatable images. Unset: the model picks one.
     */
    private Long seed;

    /**
     * image: the style: a Nova Canvas style (PHOTOREALISM, 3D_ANIMATED_FAMILY_FILM, ...) or an SDXL style preset
     * (photographic, anime, ...).
     */
    private String style;

    /**
     * image: the width in pixels (with height). Checked against the model's size rules before the call. Stability
     * SD3/Core/Ultra take a ratio: width and height are sent as their reduced ratio.
     */
    private Integer width;

    /**
     * invokeModel/invokeModelStream: the MIME type wanted for the reply.
     */
    private String accept = "application/json";

    /**
     * invokeModel/invokeModelStream: the MIME type of the request body.
     */
    private String contentType = "application/json";

    /**
     * invokeModel/invokeModelStream: how to read the body. raw: the body is the model's native request, sent as it is
     * (a JSON String, byte, InputStream, Map or Jackson JsonNode). prompt: the body is a prompt (a String, or a List
     * of SDK Message) and the model family's codec builds the native request. auto: Map, JsonNode, byte, InputStream,
     * and a String whose first non-blank character is '{' and that parses as a JSON object are raw; other Strings and
     * Lists of Message are prompts. One of: auto, raw, prompt.
     */
    private String invokeBodyFormat = "auto";

    /**
     * invokeModel with a raw body: the type of the result body: the reply as a String, as byte, or as a Jackson
     * JsonNode. One of: String, bytes, JsonNode.
     */
    private String rawResponseType = "String";

    /**
     * converseStream and invokeModelStream: how many undelivered deltas may be buffered before the producer stops
     * requesting more from the stream (back-pressure).
     */
    private Integer streamBufferSize = 64;

    /**
     * converseStream and invokeModelStream: let an SDK retry (within maxAttempts) restart a stream whose deltas
     * already reached the route. false: the stream fails instead of delivering the same text twice. true: the text
     * starts over; every delta sent to streamTo carries CamelBedrockStreamAttempt, the first delta of a restarted
     * attempt CamelBedrockStreamRestarted=true, the iterator body tells the same through ChatStream.getAttempt() and
     * isRestarted(), and the exchange at the end carries both headers; its text and usage describe the attempt that
     * succeeded.
     */
    private Boolean streamRestartAfterDeltas = false;

    /**
     * converseStream and invokeModelStream: send every delta (text, tool-input JSON, reasoning; for a raw
     * invokeModelStream each chunk's JSON) as its own exchange to this endpoint URI, in order, while the model
     * generates; the exchange itself then completes at the end of the stream with the whole text (raw: the List of
     * chunk JSON Strings). Unset: the body is an Iterator of text deltas (raw: of chunk JSON Strings) for
     * split(body()).streaming().
     */
    private String streamTo;

    /**
     * The AWS account id, needed to turn a cross-region inference profile id (us.anthropic...) into the
     * inference-profile ARN that retrieveAndGenerate requires. Alternatively give the ARN as modelId.
     */
    private String accountId;

    /**
     * The data source to sync (startIngestionJob) or whose job to read (getIngestionJob).
     */
    private String dataSourceId;

    /**
     * retrieveAndGenerate: answer from this S3 object (s3://bucket/key) instead of a knowledge base. In-message
     * documents (header CamelBedrockDocuments, a Map of file name to bytes) work the same way.
     */
    private String externalSourceUri;

    /**
     * The knowledge base id (10 characters) for retrieve, retrieveAndGenerate and ingestion jobs. Header
     * CamelBedrockKnowledgeBaseId overrides it.
     */
    private String knowledgeBaseId;

    /**
     * With rerankingModelId: how many reranked results to keep (rerank: 1 to 1000). Unset: all.
     */
    private Integer numberOfRerankedResults;

    /**
     * How many results retrieve returns and retrieveAndGenerate grounds its answer on, 1 to 100. retrieve follows
     * further pages until it has this many. Unset: the service default (5).
     */
    private Integer numberOfResults;

    /**
     * retrieveAndGenerate: the generation prompt template. It must contain $search_results$ and may use $query$ and
     * $output_format_instructions$ (needed for citations).
     */
    private String promptTemplate;

    /**
     * The reranker model (amazon.rerank-v1:0, cohere.rerank-v3-5:0, or an ARN): retrieve reranks its vector search
     * results with it; rerank orders the body's documents with it.
     */
    private String rerankingModelId;

    /**
     * A metadata filter in the Bedrock JSON shape, e.g.
     * {andAll:{equals:{key:category,value:faq}},{greaterThan:{key:year,value:2020}}}. Operators: equals, notEquals,
     * greaterThan, greaterThanOrEquals, lessThan, lessThanOrEquals, in, notIn, startsWith, listContains,
     * stringContains, andAll, orAll.
     */
    private String retrievalFilter;

    /**
     * The search type: SEMANTIC (vectors) or HYBRID (vectors and keywords). Unset: Bedrock decides. One of: SEMANTIC,
     * HYBRID.
     */
    private String searchType;

    /**
     * listFoundationModels: only models supporting this customization. One of: FINE_TUNING, CONTINUED_PRE_TRAINING,
     * DISTILLATION.
     */
    private String byCustomizationType;

    /**
     * listFoundationModels: only models offering this inference type. One of: ON_DEMAND, PROVISIONED.
     */
    private String byInferenceType;

    /**
     * listFoundationModels: only models with this output. One of: TEXT, IMAGE, EMBEDDING.
     */
    private String byOutputModality;

    /**
     * listFoundationModels: only this provider's models, e.g. Anthropic.
     */
    private String byProvider;

    /**
     * getPrompt: the prompt's id or ARN. Header CamelBedrockPromptIdentifier overrides it.
     */
    private String promptIdentifier;

    /**
     * converse/converseStream with a prompt ARN as modelId: the values of the prompt's variables,
     * promptVariable.NAME=VALUE. The CamelBedrockPromptVariables header (a Map) adds to and overrides them. Refused
     * for a model id that is not a prompt. This is a multi-value option with prefix: promptVariable. Set it to a
     * reference to a bean of type java.util.Map<java.lang.String, java.lang.Object>, e.g. #bean:myBean.
     */
    private String promptVariables;

    /**
     * getPrompt: the prompt version to read (a number); unset: the draft. Header CamelBedrockPromptVersion overrides
     * it.
     */
    private String promptVersion;

    /**
     * HTTP proxy host.
     */
    private String proxyHost;

    /**
     * Proxy password. This is a secret: toString() masks it.
     */
    private String proxyPassword;

    /**
     * HTTP proxy port.
     */
    private Integer proxyPort;

    /**
     * The scheme of the proxy. One of: http, https.
     */
    private String proxyProtocol = "http";

    /**
     * Proxy user name. This is a secret: toString() masks it.
     */
    private String proxyUsername;

    /**
     * AWS access key id for static credentials (with secretKey). When no credentials option is set, the SDK's default
     * credentials chain is used. This is a secret: toString() masks it.
     */
    private String accessKey;

    /**
     * A Bedrock API key (bearer token). When set, bedrock-runtime and bedrock control-plane calls authenticate with
     * 'Authorization: Bearer' instead of SigV4. This is a secret: toString() masks it.
     */
    private String apiKey;

    /**
     * Where converse, converseStream and countTokens may fetch images and documents given as http(s) URLs in the
     * CamelBedrockImages and CamelBedrockDocuments headers: comma-separated URL prefixes, e.g.
     * https://cdn.example.com/images/. A URL is fetched only when its scheme, host and port equal a prefix's and its
     * path starts with the prefix's path at a segment boundary; URLs with user info, dot segments or encoded slashes
     * are refused, and redirects are never followed. The bytes fetched pass the same checks as bytes given directly
     * (size, image format). Unset (the default): nothing is ever fetched and a URL is refused before any network call.
     * s3:// URIs need no entry: Bedrock reads them itself.
     */
    private String mediaUrlAllowList;

    /**
     * With mediaUrlAllowList: how long fetching one image or document may take, connecting included, before the
     * exchange fails. A duration: 10s, 500ms, or a number of milliseconds.
     */
    private Duration mediaUrlTimeout = Duration.ofMillis(30000);

    /**
     * Use this profile of the shared AWS config and credentials files.
     */
    private String profileName;

    /**
     * Assume this IAM role through STS; the credentials above (or the default chain) sign the AssumeRole call.
     * Refreshed automatically.
     */
    private String roleArn;

    /**
     * The external id required by roleArn's trust policy, if any. This is a secret: toString() masks it.
     */
    private String roleExternalId;

    /**
     * The session name used when assuming roleArn.
     */
    private String roleSessionName = "camel-bedrock";

    /**
     * AWS secret access key for static credentials. This is a secret: toString() masks it.
     */
    private String secretKey;

    /**
     * AWS session token, for temporary static credentials (with accessKey and secretKey). This is a secret: toString()
     * masks it.
     */
    private String sessionToken;

    /**
     * The class the reply becomes (fully qualified name): its JSON Schema is generated from its fields (all required,
     * no other properties), and the checked reply is read into an instance with Jackson, which is the body. Not
     * together with outputSchema.
     */
    private String outputClass;

    /**
     * With outputSchema or outputClass: how many times a reply that does not match the schema is sent back to the
     * model with what is wrong, before the exchange fails with BedrockOutputValidationException (which carries the
     * reply and the violations). 0: never.
     */
    private Integer outputRepairAttempts = 1;

    /**
     * A JSON Schema the reply must match, inline or from a resource (classpath:ticket.schema.json, file:...). Where
     * the model catalog says the model has native structured output, converse asks for it (outputConfig json_schema);
     * elsewhere it forces a tool (structured_output) whose input schema is this schema. The reply is checked against
     * the schema before the route sees it, and the body is the parsed JSON (a Map for an object). Not together with
     * outputClass.
     */
    private String outputSchema;

    /**
     * createProvisionedThroughput: the commitment term. none can be deleted any time; a commitment is cheaper and
     * binds for its term. One of: none, OneMonth, SixMonths.
     */
    private String commitmentDuration = "none";

    /**
     * updateProvisionedThroughput: the new model (only for throughput of a custom model).
     */
    private String desiredModelId;

    /**
     * The most requests this endpoint keeps open at once (a stream counts until it ends); 0 = unbounded. Past it, the
     * calling thread waits for a free slot (back-pressure); a thread that must not block (an SDK or Netty thread
     * continuing a route) parks the exchange instead, at most maxInFlight of them. Keep it at or below maxConcurrency.
     */
    private Integer maxInFlight = 500;

    /**
     * listProvisionedThroughputs: only those of this model (a model id or ARN; an id is turned into the
     * foundation-model ARN).
     */
    private String modelArnEquals;

    /**
     * createProvisionedThroughput: the number of model units, 1 or more.
     */
    private Integer modelUnits;

    /**
     * listProvisionedThroughputs: only those whose name contains this text.
     */
    private String nameContains;

    /**
     * listProvisionedThroughputs: the page size of each request (1-1000); every page is read either way.
     */
    private Integer pageSize;

    /**
     * With waitForCompletion: the time between two status checks. A duration: 10s, 500ms, or a number of milliseconds.
     */
    private Duration pollInterval = Duration.ofMillis(10000);

    /**
     * The provisioned throughput to get, update or delete: its name or ARN.
     */
    private String provisionedModelId;

    /**
     * createProvisionedThroughput: the name (1-63 characters: letters, digits, single - or _ between them);
     * updateProvisionedThroughput: the new name.
     */
    private String provisionedModelName;

    /**
     * Client-side rate control per model. adaptive: after a throttle (429), requests are paced at a rate learnt from
     * the throttles (AIMD: cut to 70% on a throttle, climbed back on success), so a route under a quota runs near the
     * quota instead of burning retries; until the first throttle, and a minute after the last, nothing is paced. none:
     * off. One of: none, adaptive.
     */
    private String rateControl = "adaptive";

    /**
     * rateControl=adaptive: the highest rate, in requests per second (e.g. your quota per minute / 60); requests are
     * then paced to it from the start. 0 = no ceiling.
     */
    private Double rateControlMaxRate = 0.0;

    /**
     * rateControl=adaptive: the lowest rate it may cut to, in requests per second.
     */
    private Double rateControlMinRate = 0.1;

    /**
     * listProvisionedThroughputs: order by creation time. Unset: the service's order. One of: Ascending, Descending.
     */
    private String sortOrder;

    /**
     * listProvisionedThroughputs: only those in this status. One of: Creating, InService, Updating, Failed.
     */
    private String statusEquals;

    /**
     * createProvisionedThroughput: tags as key=value pairs separated by commas. Header CamelBedrockTags (a Map) is
     * merged over them.
     */
    private String tags;

    /**
     * startIngestionJob/getIngestionJob: wait until the job is COMPLETE, FAILED or STOPPED;
     * createProvisionedThroughput/getProvisionedThroughput: wait until the throughput is InService or Failed. Polls
     * without blocking a thread, logging progress at INFO.
     */
    private Boolean waitForCompletion = false;

    /**
     * With waitForCompletion: how long to wait before failing with BedrockWaitTimeoutException. A duration: 10s,
     * 500ms, or a number of milliseconds.
     */
    private Duration waitTimeout = Duration.ofMillis(1800000);

    /**
     * The most rounds of tool calls the tool loop runs for one exchange (each round runs the calls of one model turn,
     * then calls the model again). When the model still asks for tools after this many rounds, the exchange fails with
     * BedrockToolRoundsExceededException, which carries the transcript. At least 1.
     */
    private Integer maxToolRounds = 10;

    /**
     * Comma-separated names of bedrock-tool: routes to offer (besides those toolTags selects); runs the tool loop like
     * toolTags.
     */
    private String toolNames;

    /**
     * Comma-separated tags: offer the bedrock-tool: routes that have any of them to the model, and run the tool loop.
     * The component calls the tools the model asks for (as exchanges on their routes, concurrently when the model asks
     * for several at once), sends the results back, and repeats until the model ends its turn. Static tools (the tools
     * option) are offered too; a call of one of them ends the loop and is handed to the route as with plain converse.
     */
    private String toolTags;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getConfiguration() {
        return configuration;
    }

    public void setConfiguration(String configuration) {
        this.configuration = configuration;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getModelFamily() {
        return modelFamily;
    }

    public void setModelFamily(String modelFamily) {
        this.modelFamily = modelFamily;
    }

    public String getModelId() {
        return modelId;
    }

    public void setModelId(String modelId) {
        this.modelId = modelId;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getAgentEndpointOverride() {
        return agentEndpointOverride;
    }

    public void setAgentEndpointOverride(String agentEndpointOverride) {
        this.agentEndpointOverride = agentEndpointOverride;
    }

    public String getAgentRuntimeEndpointOverride() {
        return agentRuntimeEndpointOverride;
    }

    public void setAgentRuntimeEndpointOverride(String agentRuntimeEndpointOverride) {
        this.agentRuntimeEndpointOverride = agentRuntimeEndpointOverride;
    }

    public Duration getApiCallAttemptTimeout() {
        return apiCallAttemptTimeout;
    }

    public void setApiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
        this.apiCallAttemptTimeout = apiCallAttemptTimeout;
    }

    public Duration getApiCallTimeout() {
        return apiCallTimeout;
    }

    public void setApiCallTimeout(Duration apiCallTimeout) {
        this.apiCallTimeout = apiCallTimeout;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBedrockAgentClient() {
        return bedrockAgentClient;
    }

    public void setBedrockAgentClient(String bedrockAgentClient) {
        this.bedrockAgentClient = bedrockAgentClient;
    }

    public String getBedrockAgentRuntimeClient() {
        return bedrockAgentRuntimeClient;
    }

    public void setBedrockAgentRuntimeClient(String bedrockAgentRuntimeClient) {
        this.bedrockAgentRuntimeClient = bedrockAgentRuntimeClient;
    }

    public String getBedrockClient() {
        return bedrockClient;
    }

    public void setBedrockClient(String bedrockClient) {
        this.bedrockClient = bedrockClient;
    }

    public String getBedrockRuntimeClient() {
        return bedrockRuntimeClient;
    }

    public void setBedrockRuntimeClient(String bedrockRuntimeClient) {
        this.bedrockRuntimeClient = bedrockRuntimeClient;
    }

    public Duration getConnectionAcquisitionTimeout() {
        return connectionAcquisitionTimeout;
    }

    public void setConnectionAcquisitionTimeout(Duration connectionAcquisitionTimeout) {
        this.connectionAcquisitionTimeout = connectionAcquisitionTimeout;
    }

    public Duration getConnectionMaxIdleTime() {
        return connectionMaxIdleTime;
    }

    public void setConnectionMaxIdleTime(Duration connectionMaxIdleTime) {
        this.connectionMaxIdleTime = connectionMaxIdleTime;
    }

    public Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public String getControlPlaneEndpointOverride() {
        return controlPlaneEndpointOverride;
    }

    public void setControlPlaneEndpointOverride(String controlPlaneEndpointOverride) {
        this.controlPlaneEndpointOverride = controlPlaneEndpointOverride;
    }

    public String getEmulator() {
        return emulator;
    }

    public void setEmulator(String emulator) {
        this.emulator = emulator;
    }

    public Boolean getEmulatorExamples() {
        return emulatorExamples;
    }

    public void setEmulatorExamples(Boolean emulatorExamples) {
        this.emulatorExamples = emulatorExamples;
    }

    public String getEndpointOverride() {
        return endpointOverride;
    }

    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
    }

    public Long getHttp2MaxStreams() {
        return http2MaxStreams;
    }

    public void setHttp2MaxStreams(Long http2MaxStreams) {
        this.http2MaxStreams = http2MaxStreams;
    }

    public String getHttpProtocol() {
        return httpProtocol;
    }

    public void setHttpProtocol(String httpProtocol) {
        this.httpProtocol = httpProtocol;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public Boolean getMetrics() {
        return metrics;
    }

    public void setMetrics(Boolean metrics) {
        this.metrics = metrics;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getRetryMode() {
        return retryMode;
    }

    public void setRetryMode(String retryMode) {
        this.retryMode = retryMode;
    }

    public String getRuntimeEndpointOverride() {
        return runtimeEndpointOverride;
    }

    public void setRuntimeEndpointOverride(String runtimeEndpointOverride) {
        this.runtimeEndpointOverride = runtimeEndpointOverride;
    }

    public Boolean getTcpKeepAlive() {
        return tcpKeepAlive;
    }

    public void setTcpKeepAlive(Boolean tcpKeepAlive) {
        this.tcpKeepAlive = tcpKeepAlive;
    }

    public String getAgentAliasId() {
        return agentAliasId;
    }

    public void setAgentAliasId(String agentAliasId) {
        this.agentAliasId = agentAliasId;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public Boolean getEnableTrace() {
        return enableTrace;
    }

    public void setEnableTrace(Boolean enableTrace) {
        this.enableTrace = enableTrace;
    }

    public String getAdditionalModelRequestFields() {
        return additionalModelRequestFields;
    }

    public void setAdditionalModelRequestFields(String additionalModelRequestFields) {
        this.additionalModelRequestFields = additionalModelRequestFields;
    }

    public String getAdditionalModelResponseFieldPaths() {
        return additionalModelResponseFieldPaths;
    }

    public void setAdditionalModelResponseFieldPaths(String additionalModelResponseFieldPaths) {
        this.additionalModelResponseFieldPaths = additionalModelResponseFieldPaths;
    }

    public String getGuardrailStreamProcessingMode() {
        return guardrailStreamProcessingMode;
    }

    public void setGuardrailStreamProcessingMode(String guardrailStreamProcessingMode) {
        this.guardrailStreamProcessingMode = guardrailStreamProcessingMode;
    }

    public String getGuardrailTrace() {
        return guardrailTrace;
    }

    public void setGuardrailTrace(String guardrailTrace) {
        this.guardrailTrace = guardrailTrace;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public String getPerformanceLatency() {
        return performanceLatency;
    }

    public void setPerformanceLatency(String performanceLatency) {
        this.performanceLatency = performanceLatency;
    }

    public String getPromptCachePoints() {
        return promptCachePoints;
    }

    public void setPromptCachePoints(String promptCachePoints) {
        this.promptCachePoints = promptCachePoints;
    }

    public String getRequestMetadata() {
        return requestMetadata;
    }

    public void setRequestMetadata(String requestMetadata) {
        this.requestMetadata = requestMetadata;
    }

    public String getServiceTier() {
        return serviceTier;
    }

    public void setServiceTier(String serviceTier) {
        this.serviceTier = serviceTier;
    }

    public String getStopSequences() {
        return stopSequences;
    }

    public void setStopSequences(String stopSequences) {
        this.stopSequences = stopSequences;
    }

    public String getSystemPrompt() {
        return systemPrompt;
    }

    public void setSystemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    public Float getTemperature() {
        return temperature;
    }

    public void setTemperature(Float temperature) {
        this.temperature = temperature;
    }

    public String getToolChoice() {
        return toolChoice;
    }

    public void setToolChoice(String toolChoice) {
        this.toolChoice = toolChoice;
    }

    public String getToolConfiguration() {
        return toolConfiguration;
    }

    public void setToolConfiguration(String toolConfiguration) {
        this.toolConfiguration = toolConfiguration;
    }

    public String getTools() {
        return tools;
    }

    public void setTools(String tools) {
        this.tools = tools;
    }

    public Float getTopP() {
        return topP;
    }

    public void setTopP(Float topP) {
        this.topP = topP;
    }

    public Integer getDimensions() {
        return dimensions;
    }

    public void setDimensions(Integer dimensions) {
        this.dimensions = dimensions;
    }

    public Integer getEmbedCoalesceMaxBatch() {
        return embedCoalesceMaxBatch;
    }

    public void setEmbedCoalesceMaxBatch(Integer embedCoalesceMaxBatch) {
        this.embedCoalesceMaxBatch = embedCoalesceMaxBatch;
    }

    public Duration getEmbedCoalesceWindow() {
        return embedCoalesceWindow;
    }

    public void setEmbedCoalesceWindow(Duration embedCoalesceWindow) {
        this.embedCoalesceWindow = embedCoalesceWindow;
    }

    public Integer getEmbedConcurrency() {
        return embedConcurrency;
    }

    public void setEmbedConcurrency(Integer embedConcurrency) {
        this.embedConcurrency = embedConcurrency;
    }

    public String getEmbeddingInputType() {
        return embeddingInputType;
    }

    public void setEmbeddingInputType(String embeddingInputType) {
        this.embeddingInputType = embeddingInputType;
    }

    public String getEmbeddingTypes() {
        return embeddingTypes;
    }

    public void setEmbeddingTypes(String embeddingTypes) {
        this.embeddingTypes = embeddingTypes;
    }

    public Boolean getNormalize() {
        return normalize;
    }

    public void setNormalize(Boolean normalize) {
        this.normalize = normalize;
    }

    public String getTruncate() {
        return truncate;
    }

    public void setTruncate(String truncate) {
        this.truncate = truncate;
    }

    public String getGuardrailIdentifier() {
        return guardrailIdentifier;
    }

    public void setGuardrailIdentifier(String guardrailIdentifier) {
        this.guardrailIdentifier = guardrailIdentifier;
    }

    public String getGuardrailInterventionAction() {
        return guardrailInterventionAction;
    }

    public void setGuardrailInterventionAction(String guardrailInterventionAction) {
        this.guardrailInterventionAction = guardrailInterventionAction;
    }

    public String getGuardrailSource() {
        return guardrailSource;
    }

    public void setGuardrailSource(String guardrailSource) {
        this.guardrailSource = guardrailSource;
    }

    public String getGuardrailVersion() {
        return guardrailVersion;
    }

    public void setGuardrailVersion(String guardrailVersion) {
        this.guardrailVersion = guardrailVersion;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public Float getCfgScale() {
        return cfgScale;
    }

    public void setCfgScale(Float cfgScale) {
        this.cfgScale = cfgScale;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    public String getNegativeText() {
        return negativeText;
    }

    public void setNegativeText(String negativeText) {
        this.negativeText = negativeText;
    }

    public Integer getNumberOfImages() {
        return numberOfImages;
    }

    public void setNumberOfImages(Integer numberOfImages) {
        this.numberOfImages = numberOfImages;
    }

    public String getOutputFormat() {
        return outputFormat;
    }

    public void setOutputFormat(String outputFormat) {
        this.outputFormat = outputFormat;
    }

    public String getQuality() {
        return quality;
    }

    public void setQuality(String quality) {
        this.quality = quality;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getStyle() {
        return style;
    }

    public void setStyle(String style) {
        this.style = style;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public String getAccept() {
        return accept;
    }

    public void setAccept(String accept) {
        this.accept = accept;
    }

    public String getContentType() {
        return contentType;
    }

    public void setContentType(String contentType) {
        this.contentType = contentType;
    }

    public String getInvokeBodyFormat() {
        return invokeBodyFormat;
    }

    public void setInvokeBodyFormat(String invokeBodyFormat) {
        this.invokeBodyFormat = invokeBodyFormat;
    }

    public String getRawResponseType() {
        return rawResponseType;
    }

    public void setRawResponseType(String rawResponseType) {
        this.rawResponseType = rawResponseType;
    }

    public Integer getStreamBufferSize() {
        return streamBufferSize;
    }

    public void setStreamBufferSize(Integer streamBufferSize) {
        this.streamBufferSize = streamBufferSize;
    }

    public Boolean getStreamRestartAfterDeltas() {
        return streamRestartAfterDeltas;
    }

    public void setStreamRestartAfterDeltas(Boolean streamRestartAfterDeltas) {
        this.streamRestartAfterDeltas = streamRestartAfterDeltas;
    }

    public String getStreamTo() {
        return streamTo;
    }

    public void setStreamTo(String streamTo) {
        this.streamTo = streamTo;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getDataSourceId() {
        return dataSourceId;
    }

    public void setDataSourceId(String dataSourceId) {
        this.dataSourceId = dataSourceId;
    }

    public String getExternalSourceUri() {
        return externalSourceUri;
    }

    public void setExternalSourceUri(String externalSourceUri) {
        this.externalSourceUri = externalSourceUri;
    }

    public String getKnowledgeBaseId() {
        return knowledgeBaseId;
    }

    public void setKnowledgeBaseId(String knowledgeBaseId) {
        this.knowledgeBaseId = knowledgeBaseId;
    }

    public Integer getNumberOfRerankedResults() {
        return numberOfRerankedResults;
    }

    public void setNumberOfRerankedResults(Integer numberOfRerankedResults) {
        this.numberOfRerankedResults = numberOfRerankedResults;
    }

    public Integer getNumberOfResults() {
        return numberOfResults;
    }

    public void setNumberOfResults(Integer numberOfResults) {
        this.numberOfResults = numberOfResults;
    }

    public String getPromptTemplate() {
        return promptTemplate;
    }

    public void setPromptTemplate(String promptTemplate) {
        this.promptTemplate = promptTemplate;
    }

    public String getRerankingModelId() {
        return rerankingModelId;
    }

    public void setRerankingModelId(String rerankingModelId) {
        this.rerankingModelId = rerankingModelId;
    }

    public String getRetrievalFilter() {
        return retrievalFilter;
    }

    public void setRetrievalFilter(String retrievalFilter) {
        this.retrievalFilter = retrievalFilter;
    }

    public String getSearchType() {
        return searchType;
    }

    public void setSearchType(String searchType) {
        this.searchType = searchType;
    }

    public String getByCustomizationType() {
        return byCustomizationType;
    }

    public void setByCustomizationType(String byCustomizationType) {
        this.byCustomizationType = byCustomizationType;
    }

    public String getByInferenceType() {
        return byInferenceType;
    }

    public void setByInferenceType(String byInferenceType) {
        this.byInferenceType = byInferenceType;
    }

    public String getByOutputModality() {
        return byOutputModality;
    }

    public void setByOutputModality(String byOutputModality) {
        this.byOutputModality = byOutputModality;
    }

    public String getByProvider() {
        return byProvider;
    }

    public void setByProvider(String byProvider) {
        this.byProvider = byProvider;
    }

    public String getPromptIdentifier() {
        return promptIdentifier;
    }

    public void setPromptIdentifier(String promptIdentifier) {
        this.promptIdentifier = promptIdentifier;
    }

    public String getPromptVariables() {
        return promptVariables;
    }

    public void setPromptVariables(String promptVariables) {
        this.promptVariables = promptVariables;
    }

    public String getPromptVersion() {
        return promptVersion;
    }

    public void setPromptVersion(String promptVersion) {
        this.promptVersion = promptVersion;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(String proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getMediaUrlAllowList() {
        return mediaUrlAllowList;
    }

    public void setMediaUrlAllowList(String mediaUrlAllowList) {
        this.mediaUrlAllowList = mediaUrlAllowList;
    }

    public Duration getMediaUrlTimeout() {
        return mediaUrlTimeout;
    }

    public void setMediaUrlTimeout(Duration mediaUrlTimeout) {
        this.mediaUrlTimeout = mediaUrlTimeout;
    }

    public String getProfileName() {
        return profileName;
    }

    public void setProfileName(String profileName) {
        this.profileName = profileName;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getRoleExternalId() {
        return roleExternalId;
    }

    public void setRoleExternalId(String roleExternalId) {
        this.roleExternalId = roleExternalId;
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    public void setRoleSessionName(String roleSessionName) {
        this.roleSessionName = roleSessionName;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSessionToken() {
        return sessionToken;
    }

    public void setSessionToken(String sessionToken) {
        this.sessionToken = sessionToken;
    }

    public String getOutputClass() {
        return outputClass;
    }

    public void setOutputClass(String outputClass) {
        this.outputClass = outputClass;
    }

    public Integer getOutputRepairAttempts() {
        return outputRepairAttempts;
    }

    public void setOutputRepairAttempts(Integer outputRepairAttempts) {
        this.outputRepairAttempts = outputRepairAttempts;
    }

    public String getOutputSchema() {
        return outputSchema;
    }

    public void setOutputSchema(String outputSchema) {
        this.outputSchema = outputSchema;
    }

    public String getCommitmentDuration() {
        return commitmentDuration;
    }

    public void setCommitmentDuration(String commitmentDuration) {
        this.commitmentDuration = commitmentDuration;
    }

    public String getDesiredModelId() {
        return desiredModelId;
    }

    public void setDesiredModelId(String desiredModelId) {
        this.desiredModelId = desiredModelId;
    }

    public Integer getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public String getModelArnEquals() {
        return modelArnEquals;
    }

    public void setModelArnEquals(String modelArnEquals) {
        this.modelArnEquals = modelArnEquals;
    }

    public Integer getModelUnits() {
        return modelUnits;
    }

    public void setModelUnits(Integer modelUnits) {
        this.modelUnits = modelUnits;
    }

    public String getNameContains() {
        return nameContains;
    }

    public void setNameContains(String nameContains) {
        this.nameContains = nameContains;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public String getProvisionedModelId() {
        return provisionedModelId;
    }

    public void setProvisionedModelId(String provisionedModelId) {
        this.provisionedModelId = provisionedModelId;
    }

    public String getProvisionedModelName() {
        return provisionedModelName;
    }

    public void setProvisionedModelName(String provisionedModelName) {
        this.provisionedModelName = provisionedModelName;
    }

    public String getRateControl() {
        return rateControl;
    }

    public void setRateControl(String rateControl) {
        this.rateControl = rateControl;
    }

    public Double getRateControlMaxRate() {
        return rateControlMaxRate;
    }

    public void setRateControlMaxRate(Double rateControlMaxRate) {
        this.rateControlMaxRate = rateControlMaxRate;
    }

    public Double getRateControlMinRate() {
        return rateControlMinRate;
    }

    public void setRateControlMinRate(Double rateControlMinRate) {
        this.rateControlMinRate = rateControlMinRate;
    }

    public String getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(String sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getStatusEquals() {
        return statusEquals;
    }

    public void setStatusEquals(String statusEquals) {
        this.statusEquals = statusEquals;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Duration getWaitTimeout() {
        return waitTimeout;
    }

    public void setWaitTimeout(Duration waitTimeout) {
        this.waitTimeout = waitTimeout;
    }

    public Integer getMaxToolRounds() {
        return maxToolRounds;
    }

    public void setMaxToolRounds(Integer maxToolRounds) {
        this.maxToolRounds = maxToolRounds;
    }

    public String getToolNames() {
        return toolNames;
    }

    public void setToolNames(String toolNames) {
        this.toolNames = toolNames;
    }

    public String getToolTags() {
        return toolTags;
    }

    public void setToolTags(String toolTags) {
        this.toolTags = toolTags;
    }

    /** The options that are set (not null), by their component option name, in the descriptor's order. */
    public Map<String, Object> toComponentProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (configuration != null) {
            properties.put("configuration", configuration);
        }
        if (lazyStartProducer != null) {
            properties.put("lazyStartProducer", lazyStartProducer);
        }
        if (modelFamily != null) {
            properties.put("modelFamily", modelFamily);
        }
        if (modelId != null) {
            properties.put("modelId", modelId);
        }
        if (region != null) {
            properties.put("region", region);
        }
        if (agentEndpointOverride != null) {
            properties.put("agentEndpointOverride", agentEndpointOverride);
        }
        if (agentRuntimeEndpointOverride != null) {
            properties.put("agentRuntimeEndpointOverride", agentRuntimeEndpointOverride);
        }
        if (apiCallAttemptTimeout != null) {
            properties.put("apiCallAttemptTimeout", apiCallAttemptTimeout);
        }
        if (apiCallTimeout != null) {
            properties.put("apiCallTimeout", apiCallTimeout);
        }
        if (autowiredEnabled != null) {
            properties.put("autowiredEnabled", autowiredEnabled);
        }
        if (bedrockAgentClient != null) {
            properties.put("bedrockAgentClient", bedrockAgentClient);
        }
        if (bedrockAgentRuntimeClient != null) {
            properties.put("bedrockAgentRuntimeClient", bedrockAgentRuntimeClient);
        }
        if (bedrockClient != null) {
            properties.put("bedrockClient", bedrockClient);
        }
        if (bedrockRuntimeClient != null) {
            properties.put("bedrockRuntimeClient", bedrockRuntimeClient);
        }
        if (connectionAcquisitionTimeout != null) {
            properties.put("connectionAcquisitionTimeout", connectionAcquisitionTimeout);
        }
        if (connectionMaxIdleTime != null) {
            properties.put("connectionMaxIdleTime", connectionMaxIdleTime);
        }
        if (connectionTimeout != null) {
            properties.put("connectionTimeout", connectionTimeout);
        }
        if (controlPlaneEndpointOverride != null) {
            properties.put("controlPlaneEndpointOverride", controlPlaneEndpointOverride);
        }
        if (emulator != null) {
            properties.put("emulator", emulator);
        }
        if (emulatorExamples != null) {
            properties.put("emulatorExamples", emulatorExamples);
        }
        if (endpointOverride != null) {
            properties.put("endpointOverride", endpointOverride);
        }
        if (http2MaxStreams != null) {
            properties.put("http2MaxStreams", http2MaxStreams);
        }
        if (httpProtocol != null) {
            properties.put("httpProtocol", httpProtocol);
        }
        if (maxAttempts != null) {
            properties.put("maxAttempts", maxAttempts);
        }
        if (maxConcurrency != null) {
            properties.put("maxConcurrency", maxConcurrency);
        }
        if (metrics != null) {
            properties.put("metrics", metrics);
        }
        if (readTimeout != null) {
            properties.put("readTimeout", readTimeout);
        }
        if (retryMode != null) {
            properties.put("retryMode", retryMode);
        }
        if (runtimeEndpointOverride != null) {
            properties.put("runtimeEndpointOverride", runtimeEndpointOverride);
        }
        if (tcpKeepAlive != null) {
            properties.put("tcpKeepAlive", tcpKeepAlive);
        }
        if (agentAliasId != null) {
            properties.put("agentAliasId", agentAliasId);
        }
        if (agentId != null) {
            properties.put("agentId", agentId);
        }
        if (enableTrace != null) {
            properties.put("enableTrace", enableTrace);
        }
        if (additionalModelRequestFields != null) {
            properties.put("additionalModelRequestFields", additionalModelRequestFields);
        }
        if (additionalModelResponseFieldPaths != null) {
            properties.put("additionalModelResponseFieldPaths", additionalModelResponseFieldPaths);
        }
        if (guardrailStreamProcessingMode != null) {
            properties.put("guardrailStreamProcessingMode", guardrailStreamProcessingMode);
        }
        if (guardrailTrace != null) {
            properties.put("guardrailTrace", guardrailTrace);
        }
        if (maxTokens != null) {
            properties.put("maxTokens", maxTokens);
        }
        if (performanceLatency != null) {
            properties.put("performanceLatency", performanceLatency);
        }
        if (promptCachePoints != null) {
            properties.put("promptCachePoints", promptCachePoints);
        }
        if (requestMetadata != null) {
            properties.put("requestMetadata", requestMetadata);
        }
        if (serviceTier != null) {
            properties.put("serviceTier", serviceTier);
        }
        if (stopSequences != null) {
            properties.put("stopSequences", stopSequences);
        }
        if (systemPrompt != null) {
            properties.put("systemPrompt", systemPrompt);
        }
        if (temperature != null) {
            properties.put("temperature", temperature);
        }
        if (toolChoice != null) {
            properties.put("toolChoice", toolChoice);
        }
        if (toolConfiguration != null) {
            properties.put("toolConfiguration", toolConfiguration);
        }
        if (tools != null) {
            properties.put("tools", tools);
        }
        if (topP != null) {
            properties.put("topP", topP);
        }
        if (dimensions != null) {
            properties.put("dimensions", dimensions);
        }
        if (embedCoalesceMaxBatch != null) {
            properties.put("embedCoalesceMaxBatch", embedCoalesceMaxBatch);
        }
        if (embedCoalesceWindow != null) {
            properties.put("embedCoalesceWindow", embedCoalesceWindow);
        }
        if (embedConcurrency != null) {
            properties.put("embedConcurrency", embedConcurrency);
        }
        if (embeddingInputType != null) {
            properties.put("embeddingInputType", embeddingInputType);
        }
        if (embeddingTypes != null) {
            properties.put("embeddingTypes", embeddingTypes);
        }
        if (normalize != null) {
            properties.put("normalize", normalize);
        }
        if (truncate != null) {
            properties.put("truncate", truncate);
        }
        if (guardrailIdentifier != null) {
            properties.put("guardrailIdentifier", guardrailIdentifier);
        }
        if (guardrailInterventionAction != null) {
            properties.put("guardrailInterventionAction", guardrailInterventionAction);
        }
        if (guardrailSource != null) {
            properties.put("guardrailSource", guardrailSource);
        }
        if (guardrailVersion != null) {
            properties.put("guardrailVersion", guardrailVersion);
        }
        if (aspectRatio != null) {
            properties.put("aspectRatio", aspectRatio);
        }
        if (cfgScale != null) {
            properties.put("cfgScale", cfgScale);
        }
        if (height != null) {
            properties.put("height", height);
        }
        if (negativeText != null) {
            properties.put("negativeText", negativeText);
        }
        if (numberOfImages != null) {
            properties.put("numberOfImages", numberOfImages);
        }
        if (outputFormat != null) {
            properties.put("outputFormat", outputFormat);
        }
        if (quality != null) {
            properties.put("quality", quality);
        }
        if (seed != null) {
            properties.put("seed", seed);
        }
        if (style != null) {
            properties.put("style", style);
        }
        if (width != null) {
            properties.put("width", width);
        }
        if (accept != null) {
            properties.put("accept", accept);
        }
        if (contentType != null) {
            properties.put("contentType", contentType);
        }
        if (invokeBodyFormat != null) {
            properties.put("invokeBodyFormat", invokeBodyFormat);
        }
        if (rawResponseType != null) {
            properties.put("rawResponseType", rawResponseType);
        }
        if (streamBufferSize != null) {
            properties.put("streamBufferSize", streamBufferSize);
        }
        if (streamRestartAfterDeltas != null) {
            properties.put("streamRestartAfterDeltas", streamRestartAfterDeltas);
        }
        if (streamTo != null) {
            properties.put("streamTo", streamTo);
        }
        if (accountId != null) {
            properties.put("accountId", accountId);
        }
        if (dataSourceId != null) {
            properties.put("dataSourceId", dataSourceId);
        }
        if (externalSourceUri != null) {
            properties.put("externalSourceUri", externalSourceUri);
        }
        if (knowledgeBaseId != null) {
            properties.put("knowledgeBaseId", knowledgeBaseId);
        }
        if (numberOfRerankedResults != null) {
            properties.put("numberOfRerankedResults", numberOfRerankedResults);
        }
        if (numberOfResults != null) {
            properties.put("numberOfResults", numberOfResults);
        }
        if (promptTemplate != null) {
            properties.put("promptTemplate", promptTemplate);
        }
        if (rerankingModelId != null) {
            properties.put("rerankingModelId", rerankingModelId);
        }
        if (retrievalFilter != null) {
            properties.put("retrievalFilter", retrievalFilter);
        }
        if (searchType != null) {
            properties.put("searchType", searchType);
        }
        if (byCustomizationType != null) {
            properties.put("byCustomizationType", byCustomizationType);
        }
        if (byInferenceType != null) {
            properties.put("byInferenceType", byInferenceType);
        }
        if (byOutputModality != null) {
            properties.put("byOutputModality", byOutputModality);
        }
        if (byProvider != null) {
            properties.put("byProvider", byProvider);
        }
        if (promptIdentifier != null) {
            properties.put("promptIdentifier", promptIdentifier);
        }
        if (promptVariables != null) {
            properties.put("promptVariables", promptVariables);
        }
        if (promptVersion != null) {
            properties.put("promptVersion", promptVersion);
        }
        if (proxyHost != null) {
            properties.put("proxyHost", proxyHost);
        }
        if (proxyPassword != null) {
            properties.put("proxyPassword", proxyPassword);
        }
        if (proxyPort != null) {
            properties.put("proxyPort", proxyPort);
        }
        if (proxyProtocol != null) {
            properties.put("proxyProtocol", proxyProtocol);
        }
        if (proxyUsername != null) {
            properties.put("proxyUsername", proxyUsername);
        }
        if (accessKey != null) {
            properties.put("accessKey", accessKey);
        }
        if (apiKey != null) {
            properties.put("apiKey", apiKey);
        }
        if (mediaUrlAllowList != null) {
            properties.put("mediaUrlAllowList", mediaUrlAllowList);
        }
        if (mediaUrlTimeout != null) {
            properties.put("mediaUrlTimeout", mediaUrlTimeout);
        }
        if (profileName != null) {
            properties.put("profileName", profileName);
        }
        if (roleArn != null) {
            properties.put("roleArn", roleArn);
        }
        if (roleExternalId != null) {
            properties.put("roleExternalId", roleExternalId);
        }
        if (roleSessionName != null) {
            properties.put("roleSessionName", roleSessionName);
        }
        if (secretKey != null) {
            properties.put("secretKey", secretKey);
        }
        if (sessionToken != null) {
            properties.put("sessionToken", sessionToken);
        }
        if (outputClass != null) {
            properties.put("outputClass", outputClass);
        }
        if (outputRepairAttempts != null) {
            properties.put("outputRepairAttempts", outputRepairAttempts);
        }
        if (outputSchema != null) {
            properties.put("outputSchema", outputSchema);
        }
        if (commitmentDuration != null) {
            properties.put("commitmentDuration", commitmentDuration);
        }
        if (desiredModelId != null) {
            properties.put("desiredModelId", desiredModelId);
        }
        if (maxInFlight != null) {
            properties.put("maxInFlight", maxInFlight);
        }
        if (modelArnEquals != null) {
            properties.put("modelArnEquals", modelArnEquals);
        }
        if (modelUnits != null) {
            properties.put("modelUnits", modelUnits);
        }
        if (nameContains != null) {
            properties.put("nameContains", nameContains);
        }
        if (pageSize != null) {
            properties.put("pageSize", pageSize);
        }
        if (pollInterval != null) {
            properties.put("pollInterval", pollInterval);
        }
        if (provisionedModelId != null) {
            properties.put("provisionedModelId", provisionedModelId);
        }
        if (provisionedModelName != null) {
            properties.put("provisionedModelName", provisionedModelName);
        }
        if (rateControl != null) {
            properties.put("rateControl", rateControl);
        }
        if (rateControlMaxRate != null) {
            properties.put("rateControlMaxRate", rateControlMaxRate);
        }
        if (rateControlMinRate != null) {
            properties.put("rateControlMinRate", rateControlMinRate);
        }
        if (sortOrder != null) {
            properties.put("sortOrder", sortOrder);
        }
        if (statusEquals != null) {
            properties.put("statusEquals", statusEquals);
        }
        if (tags != null) {
            properties.put("tags", tags);
        }
        if (waitForCompletion != null) {
            properties.put("waitForCompletion", waitForCompletion);
        }
        if (waitTimeout != null) {
            properties.put("waitTimeout", waitTimeout);
        }
        if (maxToolRounds != null) {
            properties.put("maxToolRounds", maxToolRounds);
        }
        if (toolNames != null) {
            properties.put("toolNames", toolNames);
        }
        if (toolTags != null) {
            properties.put("toolTags", toolTags);
        }
        return properties;
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "BedrockComponentConfiguration{", "}");
        text.add("enabled=" + enabled);
        toComponentProperties().forEach((name, value) -> text.add(name + "=" + (SECRETS.contains(name) ? "******" : value)));
        return text.toString();
    }
}
