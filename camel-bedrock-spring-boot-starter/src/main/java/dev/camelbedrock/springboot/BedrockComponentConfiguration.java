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
     * Timeout to establish a connection. A duration: 10s, 500ms, or a number of milliseconds.
     */
    private Duration connectionTimeout = Duration.ofMillis(10000);

    /**
     * Endpoint URI for the bedrock control plane (models, provisioned throughput) only.
     */
    private String controlPlaneEndpointOverride;

    /**
     * One endpoint URI for every Bedrock service (runtime, agent runtime, control plane, agent), e.g.
     * http://127.0.0.1:4566 for the bedrock-emulator. The per-service overrides win over it.
     */
    private String endpointOverride;

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
     * Model-specific request fields as a JSON object, e.g. {top_k:50} or {thinking:{type:enabled,budget_tokens:2048}}.
     */
    private String additionalModelRequestFields;

    /**
     * Comma-separated JSON Pointers of model-specific response fields to return, e.g. /stop_sequence.
     */
    private String additionalModelResponseFieldPaths;

    /**
     * Guardrail identifier or ARN applied to the conversation.
     */
    private String guardrailIdentifier;

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
     * Guardrail version: DRAFT or a number.
     */
    private String guardrailVersion;

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
     * converseStream: how many undelivered deltas may be buffered before the producer stops requesting more from the
     * stream (back-pressure).
     */
    private Integer streamBufferSize = 64;

    /**
     * converseStream: send every delta (text, tool-input JSON, reasoning) as its own exchange to this endpoint URI, in
     * order, while the model generates; the exchange itself then completes at the end of the stream with the whole
     * text. Unset: the body is an Iterator of text deltas for split(body()).streaming().
     */
    private String streamTo;

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

    public String getEndpointOverride() {
        return endpointOverride;
    }

    public void setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
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

    public String getGuardrailIdentifier() {
        return guardrailIdentifier;
    }

    public void setGuardrailIdentifier(String guardrailIdentifier) {
        this.guardrailIdentifier = guardrailIdentifier;
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

    public String getGuardrailVersion() {
        return guardrailVersion;
    }

    public void setGuardrailVersion(String guardrailVersion) {
        this.guardrailVersion = guardrailVersion;
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

    public Integer getStreamBufferSize() {
        return streamBufferSize;
    }

    public void setStreamBufferSize(Integer streamBufferSize) {
        this.streamBufferSize = streamBufferSize;
    }

    public String getStreamTo() {
        return streamTo;
    }

    public void setStreamTo(String streamTo) {
        this.streamTo = streamTo;
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

    /** The options that are set (not null), by their component option name, in the descriptor's order. */
    public Map<String, Object> toComponentProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (configuration != null) {
            properties.put("configuration", configuration);
        }
        if (lazyStartProducer != null) {
            properties.put("lazyStartProducer", lazyStartProducer);
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
        if (connectionTimeout != null) {
            properties.put("connectionTimeout", connectionTimeout);
        }
        if (controlPlaneEndpointOverride != null) {
            properties.put("controlPlaneEndpointOverride", controlPlaneEndpointOverride);
        }
        if (endpointOverride != null) {
            properties.put("endpointOverride", endpointOverride);
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
        if (readTimeout != null) {
            properties.put("readTimeout", readTimeout);
        }
        if (retryMode != null) {
            properties.put("retryMode", retryMode);
        }
        if (runtimeEndpointOverride != null) {
            properties.put("runtimeEndpointOverride", runtimeEndpointOverride);
        }
        if (additionalModelRequestFields != null) {
            properties.put("additionalModelRequestFields", additionalModelRequestFields);
        }
        if (additionalModelResponseFieldPaths != null) {
            properties.put("additionalModelResponseFieldPaths", additionalModelResponseFieldPaths);
        }
        if (guardrailIdentifier != null) {
            properties.put("guardrailIdentifier", guardrailIdentifier);
        }
        if (guardrailStreamProcessingMode != null) {
            properties.put("guardrailStreamProcessingMode", guardrailStreamProcessingMode);
        }
        if (guardrailTrace != null) {
            properties.put("guardrailTrace", guardrailTrace);
        }
        if (guardrailVersion != null) {
            properties.put("guardrailVersion", guardrailVersion);
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
        if (streamBufferSize != null) {
            properties.put("streamBufferSize", streamBufferSize);
        }
        if (streamTo != null) {
            properties.put("streamTo", streamTo);
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
