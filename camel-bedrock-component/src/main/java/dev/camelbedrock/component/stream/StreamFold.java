package dev.camelbedrock.component.stream;

import java.util.function.Consumer;

import org.apache.camel.Message;

/**
 * What one kind of stream makes of its events: the deltas it reports while the model generates, and the result it
 * writes at the end. converseStream folds ConverseStream events; invokeModelStream folds the chunks of
 * InvokeModelWithResponseStream, either as raw JSON or through a model family's codec.
 *
 * @param <E> the SDK event type of the stream
 */
public interface StreamFold<E> {

    /** Processes one event, handing at most one delta to {@code sink} (one event, one step of back-pressure). */
    void accept(E event, Consumer<StreamDelta> sink);

    /** Forgets what a failed attempt folded (none of it was delivered) before the SDK retries the call. */
    void reset();

    /** The whole result once the stream has ended: the reply text, or for raw chunks the List of their JSON. */
    Object result();

    /**
     * Whether the events seen make a whole stream. The Java SDK ends an HTTP/2 stream that the server reset as if it
     * had finished, so a fold that can tell (ConverseStream ends with messageStop) says so here, and the stream
     * fails instead of passing a cut answer off as complete.
     */
    default boolean complete() {
        return true;
    }

    /** Writes the result headers (stop reason, usage, latency, request id ...) onto the message at the end. */
    void applyResult(Message message, String requestId);
}
