package dev.camelbedrock.component;

import dev.camelbedrock.component.client.BedrockClientSettings;
import dev.camelbedrock.component.client.BedrockClients;
import dev.camelbedrock.component.embed.EmbedCoalescer;
import dev.camelbedrock.component.flow.FlowControl;
import dev.camelbedrock.component.support.MediaUrls;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;
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
public class BedrockEndpoint extends DefaultEndpoint implements AsyncEndpoint {

    @UriParam
    private BedrockConfiguration configuration;

    private BedrockClientSettings clientSettings;
    private BedrockClients clients;
    private volatile FlowControl flowControl;
    private volatile EmbedCoalescer embedCoalescer;
    private volatile MediaUrls mediaUrls;

    public BedrockEndpoint(String uri, BedrockComponent component, BedrockConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /**
     * The URI with secret options masked: users put keys into URIs, and Camel hands this string to logs, JMX and
     * route dumps. Lookups in the endpoint registry use the endpoint key, which is unchanged.
     */
    @Override
    public String getEndpointUri() {
        // Camel asks for this on every exchange: mask once per raw URI, not per call
        String raw = super.getEndpointUri();
        String[] cached = sanitizedUri;
        if (cached == null || !cached[0].equals(raw)) {
            cached = new String[] { raw, SECRET_OPTION.matcher(URISupport.sanitizeUri(raw)).replaceAll("$1xxxxxx") };
            sanitizedUri = cached;
        }
        return cached[1];
    }

    /**
     * Every option marked secret, whatever Camel's sanitizer knows by name (it does not know roleExternalId): its
     * value, plain or RAW(...), up to the next option.
     */
    private static final java.util.regex.Pattern SECRET_OPTION = java.util.regex.Pattern.compile(
            "([?&](?:" + String.join("|", new BedrockEndpointUriFactory().secretPropertyNames())
            + ")=)(?:RAW\\([^)]*\\)|RAW\\{[^}]*}|[^&]*)");

    /** The raw URI and its masked form, replaced together (a volatile pair, no lock). */
    private volatile String[] sanitizedUri;

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
        if (configuration.getEmbedCoalesceWindow() > 0) {
            embedCoalescer = new EmbedCoalescer(this, configuration.getEmbedCoalesceWindow(), getComponent()::flowScheduler);
        }
        try {
            mediaUrls = new MediaUrls(configuration.getMediaUrlAllowList(), configuration.getMediaUrlTimeout());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Endpoint " + getEndpointBaseUri() + ": " + e.getMessage(), e);
        }
        clientSettings = BedrockClientSettings.of(configuration);
        clients = getComponent().acquireClients(clientSettings);
    }

    @Override
    protected void doStop() throws Exception {
        if (embedCoalescer != null) {
            embedCoalescer.close();
            embedCoalescer = null;
        }
        if (flowControl != null) {
            flowControl.close();
        }
        if (clients != null) {
            getComponent().releaseClients(clientSettings);
            clients = null;
        }
        super.doStop();
    }

    public BedrockConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BedrockConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The bedrock-runtime client: the configured bean if there is one, else the shared one built for this configuration. */
    public BedrockRuntimeAsyncClient runtimeClient() {
        BedrockRuntimeAsyncClient own = configuration.getBedrockRuntimeClient();
        return own != null ? own : started(clients).runtime();
    }

    public BedrockAgentRuntimeAsyncClient agentRuntimeClient() {
        BedrockAgentRuntimeAsyncClient own = configuration.getBedrockAgentRuntimeClient();
        return own != null ? own : started(clients).agentRuntime();
    }

    public BedrockAsyncClient controlPlaneClient() {
        BedrockAsyncClient own = configuration.getBedrockClient();
        return own != null ? own : started(clients).controlPlane();
    }

    public BedrockAgentAsyncClient agentClient() {
        BedrockAgentAsyncClient own = configuration.getBedrockAgentClient();
        return own != null ? own : started(clients).agent();
    }

    /** maxInFlight and rate control of this endpoint (see docs/throughput.md). */
    public FlowControl flowControl() {
        return started(flowControl);
    }

    /** The coalescer of single-text embed exchanges, or null when embedCoalesceWindow is not positive. */
    public EmbedCoalescer embedCoalescer() {
        return embedCoalescer;
    }

    /** Images and documents given as URLs: the mediaUrlAllowList option's checks, and the fetcher. */
    public MediaUrls mediaUrls() {
        return started(mediaUrls);
    }

    /** {@code value}, which doStart sets and doStop may clear: fails when the endpoint is not started. */
    private <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("Endpoint " + getEndpointBaseUri() + " is not started");
        }
        return value;
    }
}
