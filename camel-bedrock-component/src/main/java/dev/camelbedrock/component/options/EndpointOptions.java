package dev.camelbedrock.component.options;

import dev.camelbedrock.catalog.ModelFamily;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;

/**
 * The options of an endpoint as the handlers, codecs and client builders read them: read-only, and below the Camel-facing
 * classes, so that nothing under the root package depends on it. {@code BedrockConfiguration} implements it; each
 * option is documented there, where the generator reads it.
 */
public interface EndpointOptions {

    String getModelId();
    ModelFamily getModelFamily();
    String getRegion();
    String getAccessKey();
    String getSecretKey();
    String getSessionToken();
    String getProfileName();
    String getRoleArn();
    String getRoleSessionName();
    String getRoleExternalId();
    String getApiKey();
    String getMediaUrlAllowList();
    long getMediaUrlTimeout();
    String getEndpointOverride();
    String getRuntimeEndpointOverride();
    String getAgentRuntimeEndpointOverride();
    String getControlPlaneEndpointOverride();
    String getAgentEndpointOverride();
    HttpProtocolVersion getHttpProtocol();
    int getMaxConcurrency();
    long getConnectionTimeout();
    long getReadTimeout();
    long getApiCallTimeout();
    long getApiCallAttemptTimeout();
    RetryStrategyMode getRetryMode();
    int getMaxAttempts();
    long getConnectionAcquisitionTimeout();
    long getConnectionMaxIdleTime();
    boolean isTcpKeepAlive();
    long getHttp2MaxStreams();
    int getMaxInFlight();
    RateControl getRateControl();
    double getRateControlMinRate();
    double getRateControlMaxRate();
    String getProxyHost();
    Integer getProxyPort();
    ProxyScheme getProxyProtocol();
    String getProxyUsername();
    String getProxyPassword();
    BedrockRuntimeAsyncClient getBedrockRuntimeClient();
    BedrockAgentRuntimeAsyncClient getBedrockAgentRuntimeClient();
    BedrockAsyncClient getBedrockClient();
    BedrockAgentAsyncClient getBedrockAgentClient();
    String getSystemPrompt();
    Integer getMaxTokens();
    Float getTemperature();
    Float getTopP();
    String getStopSequences();
    String getAdditionalModelRequestFields();
    String getAdditionalModelResponseFieldPaths();
    String getTools();
    ToolConfiguration getToolConfiguration();
    String getToolChoice();
    String getGuardrailIdentifier();
    String getGuardrailVersion();
    GuardrailTrace getGuardrailTrace();
    GuardrailStreamMode getGuardrailStreamProcessingMode();
    String getPromptCachePoints();
    PerformanceLatency getPerformanceLatency();
    ServiceTier getServiceTier();
    String getRequestMetadata();
    String getStreamTo();
    int getStreamBufferSize();
    boolean isStreamRestartAfterDeltas();
    java.util.Map<String, Object> getPromptVariables();

    String getPromptIdentifier();

    String getPromptVersion();

    String getAgentId();

    String getAgentAliasId();

    boolean isEnableTrace();

    String getKnowledgeBaseId();
    Integer getNumberOfResults();
    SearchType getSearchType();
    String getRetrievalFilter();
    String getRerankingModelId();
    Integer getNumberOfRerankedResults();
    String getPromptTemplate();
    String getExternalSourceUri();
    String getAccountId();
    String getDataSourceId();
    boolean isWaitForCompletion();
    long getPollInterval();
    long getWaitTimeout();
    GuardrailSource getGuardrailSource();
    GuardrailInterventionAction getGuardrailInterventionAction();
    String getProvisionedModelId();
    String getProvisionedModelName();
    Integer getModelUnits();
    CommitmentDuration getCommitmentDuration();
    String getTags();
    String getDesiredModelId();
    ThroughputStatus getStatusEquals();
    String getModelArnEquals();
    String getNameContains();
    SortOrder getSortOrder();
    Integer getPageSize();
    String getByProvider();
    OutputModality getByOutputModality();
    InferenceType getByInferenceType();
    CustomizationType getByCustomizationType();
    InvokeBodyFormat getInvokeBodyFormat();
    RawResponseType getRawResponseType();
    String getContentType();
    String getAccept();
    Integer getDimensions();
    Boolean getNormalize();
    String getEmbeddingTypes();
    String getEmbeddingInputType();
    String getTruncate();
    int getEmbedConcurrency();
    long getEmbedCoalesceWindow();
    int getEmbedCoalesceMaxBatch();
    Integer getWidth();
    Integer getHeight();
    String getAspectRatio();
    Long getSeed();
    Float getCfgScale();
    ImageQuality getQuality();
    Integer getNumberOfImages();
    String getNegativeText();
    String getStyle();
    ImageOutputFormat getOutputFormat();
    String getToolTags();
    String getToolNames();
    int getMaxToolRounds();
    String getOutputSchema();
    String getOutputClass();
    int getOutputRepairAttempts();
}
