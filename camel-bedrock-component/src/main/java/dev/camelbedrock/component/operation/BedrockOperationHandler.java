package dev.camelbedrock.component.operation;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * One operation of the component. {@link #handle} validates the exchange and builds the request on the calling
 * thread, throwing {@link dev.camelbedrock.component.error.BedrockInputException} before any network call when the
 * input is wrong; it then starts the SDK call and returns its completion, having set the result on the exchange.
 */
public interface BedrockOperationHandler {

    /**
     * @param exchange the exchange to read the input from and write the result to
     * @param call     records the model id the handler resolved, so failures can name it
     */
    CompletableFuture<?> handle(Exchange exchange, BedrockCall call);

    /**
     * For an operation that admits and completes some exchanges itself, outside the producer's one-call-per-exchange
     * flow control (embed coalescing: one call for many exchanges). Returns true when it took the exchange, and then
     * calls {@code callback.done(false)} once the exchange is complete; false leaves the exchange to {@link #handle}.
     * Throws, having taken nothing, when the input is wrong.
     */
    default boolean takeOver(Exchange exchange, BedrockCall call, AsyncCallback callback) {
        return false;
    }

    /**
     * Whether this handler takes the endpoint's flow control itself, once per model call (a loop of several calls),
     * instead of the producer admitting the exchange as one call.
     */
    default boolean admitsItsCalls() {
        return false;
    }
}
