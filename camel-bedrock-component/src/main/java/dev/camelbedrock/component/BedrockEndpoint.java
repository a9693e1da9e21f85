package dev.camelbedrock.component;

import dev.camelbedrock.component.client.BedrockClientSettings;
import dev.camelbedrock.component.client.BedrockClients;
import dev.camelbedrock.component.client.ClientSettingsCheck;
import dev.camelbedrock.component.error.BedrockConfigurationException;
import dev.camelbedrock.component.flow.FlowControl;
import dev.camelbedrock.component.health.BedrockEndpointHealthCheck;
import dev.camelbedrock.component.observe.CallObserver;
import dev.camelbedrock.component.observe.CallObservers;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.support.MediaUrls;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Amazon Bedrock: chat (Converse, streaming), invocation, embeddings, images, knowledge bases, guardrails and
 * provisioned throughput.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "bedrock", title = "Amazon Bedrock", syntax = "bedrock:operation",
             producerOnly = true, category = { Category.AI, Category.CLOUD }, headersClass = BedrockHeaders.class)
public class BedrockEndpoint extends DefaultEndpoint implements AsyncEndpoint, EndpointContext {

    @UriParam
    private BedrockConfiguration configuration;

    private BedrockClientSettings clientSettings;
    private BedrockClients clients;
    private volatile FlowControl flowControl;
    private final Map<Class<?>, AutoCloseable> shared = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile MediaUrls mediaUrls;
    private volatile CallObserver observer = CallObserver.NONE;
    private volatile BedrockEndpointHealthCheck healthCheck;

    public BedrockEndpoint(String uri, BedrockComponent component, BedrockConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /** The URI for display, secret options masked; computed when first shown (never on the exchange path). */
    private volatile String maskedUri;

    /**
     * The endpoint for logs, route dumps and messages: the URI with exactly the secret options masked. The identity
     * ({@link #getEndpointUri()}, equals, hashCode) stays the URI as written, so that endpoints differing only in a
     * secret (two tenants' keys) stay two endpoints with two producers.
     */
    @Override
    public String toString() {
        String masked = maskedUri;
        if (masked == null) {
            masked = "Endpoint[" + SecretOptions.mask(getEndpointUri()) + "]";
            maskedUri = masked;
        }
        return masked;
    }

    @Override
    public BedrockComponent getComponent() {
        return (BedrockComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new BedrockProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The bedrock: component has producers only (to), not consumers (from).");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        flowControl = new FlowControl(configuration.getMaxInFlight(), configuration.getRateControl(),
                configuration.getRateControlMinRate(), configuration.getRateControlMaxRate(),
                getComponent()::flowScheduler);
        clientSettings = BedrockClientSettings.of(configuration);
        try {
            mediaUrls = new MediaUrls(configuration.getMediaUrlAllowList(), configuration.getMediaUrlTimeout());
            ClientSettingsCheck.checkFormats(clientSettings);
            if (!hasOwnClient()) {
                getComponent().checkResolvable(clientSettings);
            }
        } catch (IllegalArgumentException e) {
            throw new BedrockConfigurationException(toString(), configuration.getOperation().name(), e.getMessage(), e);
        }
        clients = getComponent().acquireClients(clientSettings);
        observer = CallObservers.forEndpoint(getCamelContext(), configuration.getModelId(), configuration.isMetrics());
        started = true;
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext()); // null without camel-health
        if (health != null) {
            healthCheck = new BedrockEndpointHealthCheck(SecretOptions.mask(getEndpointUri()), clientSettings, hasOwnClient(),
                    () -> started);
            health.register(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        started = false;
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null && healthCheck != null) {
            health.unregister(healthCheck);
            healthCheck = null;
        }
        for (AutoCloseable resource : shared.values()) {
            resource.close();
        }
        shared.clear();
        if (flowControl != null) {
            flowControl.close();
        }
        if (clients != null) {
            getComponent().releaseClients(clientSettings);
            clients = null;
        }
        super.doStop();
    }

    @Override
    public BedrockConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BedrockConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Whether the user configured an SDK client of their own: then region and credentials are theirs to check. */
    private boolean hasOwnClient() {
        return configuration.getBedrockRuntimeClient() != null || configuration.getBedrockAgentRuntimeClient() != null
               || configuration.getBedrockClient() != null || configuration.getBedrockAgentClient() != null;
    }

    /** The bedrock-runtime client: the configured bean if there is one, else the shared one built for this configuration. */
    @Override
    public BedrockRuntimeAsyncClient runtimeClient() {
        BedrockRuntimeAsyncClient own = configuration.getBedrockRuntimeClient();
        return own != null ? own : started(clients).runtime();
    }

    @Override
    public BedrockAgentRuntimeAsyncClient agentRuntimeClient() {
        BedrockAgentRuntimeAsyncClient own = configuration.getBedrockAgentRuntimeClient();
        return own != null ? own : started(clients).agentRuntime();
    }

    @Override
    public BedrockAsyncClient controlPlaneClient() {
        BedrockAsyncClient own = configuration.getBedrockClient();
        return own != null ? own : started(clients).controlPlane();
    }

    @Override
    public BedrockAgentAsyncClient agentClient() {
        BedrockAgentAsyncClient own = configuration.getBedrockAgentClient();
        return own != null ? own : started(clients).agent();
    }

    /** maxInFlight and rate control of this endpoint (see docs/throughput.md). */
    @Override
    public FlowControl flowControl() {
        return started(flowControl);
    }

    @Override
    public String operationName() {
        return configuration.getOperation().name();
    }

    @Override
    public ScheduledExecutorService flowScheduler() {
        return getComponent().flowScheduler();
    }

    @Override
    public <T extends AutoCloseable> T shared(Class<T> type, Supplier<T> factory) {
        if (!started) {
            throw new IllegalStateException("Endpoint " + getEndpointBaseUri() + " is not started");
        }
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    /** Images and documents given as URLs: the mediaUrlAllowList option's checks, and the fetcher. */
    @Override
    public MediaUrls mediaUrls() {
        return started(mediaUrls);
    }

    /** What watches this endpoint's calls: the cost estimate, and the GenAI metrics where Micrometer is present. */
    public CallObserver observer() {
        return observer;
    }

    /** {@code value}, which doStart sets and doStop may clear: fails when the endpoint is not started. */
    private <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("Endpoint " + getEndpointBaseUri() + " is not started");
        }
        return value;
    }
}
