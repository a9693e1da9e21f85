package dev.camelbedrock.component.operation;

import dev.camelbedrock.component.flow.FlowControl;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.support.MediaUrls;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * What an operation's handler uses of its endpoint: the options, the SDK clients, flow control and the media fetcher.
 * The endpoint implements it; handlers see only this, so the capability packages stay below the Camel-facing root.
 */
public interface EndpointContext {

    EndpointOptions getConfiguration();

    /** The endpoint's operation (the URI path), by name. */
    String operationName();

    CamelContext getCamelContext();

    BedrockRuntimeAsyncClient runtimeClient();

    BedrockAgentRuntimeAsyncClient agentRuntimeClient();

    BedrockAsyncClient controlPlaneClient();

    BedrockAgentAsyncClient agentClient();

    /** maxInFlight and rate control of this endpoint. */
    FlowControl flowControl();

    /** Images and documents given as URLs: the mediaUrlAllowList option's checks, and the fetcher. */
    MediaUrls mediaUrls();

    /** The component's scheduler for work that waits (rate-control delays, windows): no thread is held meanwhile. */
    ScheduledExecutorService flowScheduler();

    /**
     * A resource all producers of this endpoint share (by its class): made by {@code factory} on first use, closed when
     * the endpoint stops. Fails when the endpoint is not started.
     */
    <T extends AutoCloseable> T shared(Class<T> type, Supplier<T> factory);
}
