package dev.camelbedrock.component.observe;

import org.apache.camel.Exchange;

/**
 * Watches the endpoint's Bedrock calls: the producer tells it when a call begins, and the {@link Observation} it
 * returns when the call is settled (its results on the exchange, or its failure). What observers add (the cost
 * header, GenAI metrics) is built by {@link CallObservers} for each endpoint.
 */
@FunctionalInterface
public interface CallObserver {

    /** Observes nothing. */
    CallObserver NONE = (exchange, operation) -> Observation.NONE;

    /**
     * A call begins.
     *
     * @param exchange  the exchange sent to the endpoint
     * @param operation the {@link dev.camelbedrock.component.BedrockOperation} name
     */
    Observation start(Exchange exchange, String operation);

    /** One call being observed. */
    @FunctionalInterface
    interface Observation {

        Observation NONE = (exchange, modelId, firstChunkNanos, failure) -> {
        };

        /**
         * The call is settled: for a stream when the route has read it to its end, for any other call when its
         * results are on the exchange; called before the route goes on where the exchange completes with it.
         *
         * @param modelId         the model the call resolved, or null when it failed before resolving one
         * @param firstChunkNanos when a stream's first chunk came ({@link System#nanoTime()}), or 0
         * @param failure         why the call failed, or null
         */
        void completed(Exchange exchange, String modelId, long firstChunkNanos, Throwable failure);
    }
}
