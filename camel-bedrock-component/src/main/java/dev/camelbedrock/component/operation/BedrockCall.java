package dev.camelbedrock.component.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What the producer needs to know about one call to report its failure: the operation (its name, as the URI and the
 * CamelBedrockOperation header spell it) and the resolved model.
 */
public final class BedrockCall {

    private final String operation;
    private volatile String modelId;
    private volatile CompletableFuture<?> end;
    private volatile Executor continuation;

    public BedrockCall(String operation) {
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }

    public String modelId() {
        return modelId;
    }

    public void modelId(String modelId) {
        this.modelId = modelId;
    }

    /**
     * For a call that outlives the future its handler returns (a stream handed to the route before it ended): the
     * SDK's own future, whose completion is the real end of the call. The in-flight slot is held until then.
     */
    public void endsWith(CompletableFuture<?> sdkCall) {
        this.end = sdkCall;
    }

    /** The real end of the call: set by {@link #endsWith}, else null (the handler's future). */
    public CompletableFuture<?> end() {
        return end;
    }

    /**
     * For a call whose route goes on to wait for Bedrock (an iterator body it reads while the stream is open): the
     * exchange always continues on {@code executor}, even when the handler's future is complete before the producer
     * looks at it, so that neither the sending thread nor an SDK thread is held while the route reads.
     */
    public void continuesOn(Executor executor) {
        this.continuation = executor;
    }

    /** Where the exchange must continue: set by {@link #continuesOn}, else null (wherever the future completes). */
    public Executor continuation() {
        return continuation;
    }
}
