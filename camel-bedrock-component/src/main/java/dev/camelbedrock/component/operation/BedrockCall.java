package dev.camelbedrock.component.operation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the producer needs to know about one call to report its failure: the operation (its name, as the URI and the
 * CamelBedrockOperation header spell it) and the resolved model.
 */
public final class BedrockCall {

    private final String operation;
    private volatile String modelId;
    private volatile CompletableFuture<?> end;
    private volatile Executor continuation;
    private volatile long firstChunkNanos;
    private final CompletableFuture<Throwable> settled = new CompletableFuture<>();

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

    /** A stream's first chunk arrived at {@code nanoTime} ({@link System#nanoTime()}); later calls are ignored. */
    public void firstChunk(long nanoTime) {
        if (firstChunkNanos == 0) {
            firstChunkNanos = nanoTime;
        }
    }

    /** When a stream's first chunk arrived ({@link System#nanoTime()}), or 0 (no stream, or no chunk yet). */
    public long firstChunkNanos() {
        return firstChunkNanos;
    }

    /**
     * The call's results (usage, stop reason) are on the exchange, or it failed with {@code failure}: for a stream,
     * when the route has read it to its end; for any other call, when the exchange completes. Only the first counts.
     */
    public void settle(Throwable failure) {
        settled.complete(failure);
    }

    /** Runs {@code action} with the failure (null on success) once the call is {@linkplain #settle settled}. */
    public void whenSettled(Consumer<Throwable> action) {
        settled.thenAccept(action);
    }
}
