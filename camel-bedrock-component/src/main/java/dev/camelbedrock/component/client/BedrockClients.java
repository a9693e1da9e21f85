package dev.camelbedrock.component.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.camelbedrock.component.flow.AttemptObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.ProxyConfiguration;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.auth.scheme.BedrockAuthSchemeProvider;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;
import software.amazon.awssdk.utils.IoUtils;

/**
 * The SDK async clients for one {@link BedrockClientSettings}: built lazily (building does no I/O), shared by every
 * endpoint with equal settings, and closed when the last of them stops. All four clients share one Netty event loop
 * group, so the thread count does not grow with the number of services or endpoints.
 */
public final class BedrockClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BedrockClients.class);

    private final BedrockClientSettings settings;
    private SdkEventLoopGroup eventLoopGroup;
    private CredentialsFactory.Credentials credentials;
    private BedrockRuntimeAsyncClient runtime;
    private BedrockAgentRuntimeAsyncClient agentRuntime;
    private BedrockAsyncClient controlPlane;
    private BedrockAgentAsyncClient agent;

    public BedrockClients(BedrockClientSettings settings) {
        this.settings = settings;
    }

    public synchronized BedrockRuntimeAsyncClient runtime() {
        if (runtime == null) {
            var b = BedrockRuntimeAsyncClient.builder();
            configure(b, BedrockService.RUNTIME);
            if (settings.apiKey() != null) {
                b.tokenProvider(StaticTokenProvider.create(settings::apiKey))
                        .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of("httpBearerAuth")));
            }
            runtime = b.build();
        }
        return runtime;
    }

    public synchronized BedrockAgentRuntimeAsyncClient agentRuntime() {
        if (agentRuntime == null) {
            var b = BedrockAgentRuntimeAsyncClient.builder();
            configure(b, BedrockService.AGENT_RUNTIME);
            agentRuntime = b.build();
        }
        return agentRuntime;
    }

    public synchronized BedrockAsyncClient controlPlane() {
        if (controlPlane == null) {
            var b = BedrockAsyncClient.builder();
            configure(b, BedrockService.CONTROL_PLANE);
            if (settings.apiKey() != null) {
                b.tokenProvider(StaticTokenProvider.create(settings::apiKey))
                        .authSchemeProvider(BedrockAuthSchemeProvider.defaultProvider(List.of("httpBearerAuth")));
            }
            controlPlane = b.build();
        }
        return controlPlane;
    }

    public synchronized BedrockAgentAsyncClient agent() {
        if (agent == null) {
            var b = BedrockAgentAsyncClient.builder();
            configure(b, BedrockService.AGENT);
            agent = b.build();
        }
        return agent;
    }

    private <B extends AwsAsyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> void configure(B builder, BedrockService service) {
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        String override = settings.overrideFor(service);
        if (override != null) {
            builder.endpointOverride(URI.create(override));
        }
        if (credentials == null) {
            credentials = CredentialsFactory.create(settings);
        }
        builder.credentialsProvider(credentials.provider());
        builder.httpClientBuilder(httpClientBuilder());

        // every attempt, retries included, is shown to the rate control of the exchange that made the call
        ClientOverrideConfiguration.Builder override2 = ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(AttemptObserver.INSTANCE);
        if (settings.apiCallTimeout() > 0) {
            override2.apiCallTimeout(Duration.ofMillis(settings.apiCallTimeout()));
        }
        if (settings.apiCallAttemptTimeout() > 0) {
            override2.apiCallAttemptTimeout(Duration.ofMillis(settings.apiCallAttemptTimeout()));
        }
        if (settings.retryMode() != null || settings.maxAttempts() > 0) {
            RetryMode mode = settings.retryMode() != null ? parseRetryMode(settings.retryMode()) : RetryMode.defaultRetryMode();
            var strategy = AwsRetryStrategy.forRetryMode(mode);
            if (settings.maxAttempts() > 0) {
                strategy = strategy.toBuilder().maxAttempts(settings.maxAttempts()).build();
            }
            override2.retryStrategy(strategy);
        }
        builder.overrideConfiguration(override2.build());
    }

    private NettyNioAsyncHttpClient.Builder httpClientBuilder() {
        if (eventLoopGroup == null) {
            eventLoopGroup = SdkEventLoopGroup.builder().build();
        }
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(eventLoopGroup)
                .maxConcurrency(settings.maxConcurrency())
                .connectionTimeout(Duration.ofMillis(settings.connectionTimeout()))
                .readTimeout(Duration.ofMillis(settings.readTimeout()))
                .connectionAcquisitionTimeout(Duration.ofMillis(settings.connectionAcquisitionTimeout()))
                .connectionMaxIdleTime(Duration.ofMillis(settings.connectionMaxIdleTime()))
                .tcpKeepAlive(settings.tcpKeepAlive());
        if (settings.http2MaxStreams() > 0) {
            http.http2Configuration(h2 -> h2.maxStreams(settings.http2MaxStreams()));
        }
        if (settings.httpProtocol() != null) {
            http.protocol(Protocol.valueOf(settings.httpProtocol()));
        }
        if (settings.proxyHost() != null) {
            ProxyConfiguration.Builder proxy = ProxyConfiguration.builder()
                    .scheme(settings.proxyProtocol()).host(settings.proxyHost());
            if (settings.proxyPort() != null) {
                proxy.port(settings.proxyPort());
            }
            if (settings.proxyUsername() != null) {
                proxy.username(settings.proxyUsername()).password(settings.proxyPassword());
            }
            http.proxyConfiguration(proxy.build());
        }
        return http;
    }

    static RetryMode parseRetryMode(String value) {
        for (RetryMode mode : RetryMode.values()) {
            if (mode.name().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown retryMode '" + value + "'. Accepted: legacy, standard, adaptive_v2");
    }

    @Override
    public synchronized void close() {
        LOG.debug("Closing Bedrock clients for {}", settings);
        IoUtils.closeQuietly(runtime, null);
        IoUtils.closeQuietly(agentRuntime, null);
        IoUtils.closeQuietly(controlPlane, null);
        IoUtils.closeQuietly(agent, null);
        if (credentials != null) {
            IoUtils.closeIfCloseable(credentials.provider(), null);
            IoUtils.closeQuietly(credentials.stsClient(), null);
        }
        if (eventLoopGroup != null) {
            eventLoopGroup.eventLoopGroup().shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
        runtime = null;
        agentRuntime = null;
        controlPlane = null;
        agent = null;
        credentials = null;
        eventLoopGroup = null;
    }
}
