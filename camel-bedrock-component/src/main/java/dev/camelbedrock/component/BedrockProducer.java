package dev.camelbedrock.component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;

import dev.camelbedrock.component.converse.ConverseHandler;
import dev.camelbedrock.component.converse.ConverseStreamHandler;
import dev.camelbedrock.component.converse.CountTokensHandler;
import dev.camelbedrock.component.embed.EmbedCoalescer;
import dev.camelbedrock.component.embed.EmbedHandler;
import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.flow.FlowControl;
import dev.camelbedrock.component.guardrail.ApplyGuardrailHandler;
import dev.camelbedrock.component.knowledge.GetIngestionJobHandler;
import dev.camelbedrock.component.observe.CallObserver;
import dev.camelbedrock.component.knowledge.RetrieveAndGenerateHandler;
import dev.camelbedrock.component.knowledge.RetrieveHandler;
import dev.camelbedrock.component.knowledge.StartIngestionJobHandler;
import dev.camelbedrock.component.models.GetFoundationModelHandler;
import dev.camelbedrock.component.models.ListFoundationModelsHandler;
import dev.camelbedrock.component.throughput.CreateProvisionedThroughputHandler;
import dev.camelbedrock.component.throughput.DeleteProvisionedThroughputHandler;
import dev.camelbedrock.component.throughput.GetProvisionedThroughputHandler;
import dev.camelbedrock.component.throughput.ListProvisionedThroughputsHandler;
import dev.camelbedrock.component.throughput.UpdateProvisionedThroughputHandler;
import dev.camelbedrock.component.toolloop.ToolLoopHandler;
import dev.camelbedrock.component.image.ImageHandler;
import dev.camelbedrock.component.invoke.InvokeModelHandler;
import dev.camelbedrock.component.invoke.InvokeModelStreamHandler;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The asynchronous producer: picks the operation (URI path, or the CamelBedrockOperation header), hands the exchange
 * to that operation's handler, and completes the exchange when the SDK's future completes. No thread waits on a
 * Bedrock call. Before that, the endpoint's {@link FlowControl} admits the request: the calling thread may wait for
 * one of the maxInFlight slots, and rate control may delay the send (on a scheduler, not on a waiting thread). With
 * {@code embedCoalesceWindow}, single-text embed exchanges go to the endpoint's {@link EmbedCoalescer} instead, whose
 * batched calls are admitted by the same flow control, one slot per call.
 */
public class BedrockProducer extends DefaultAsyncProducer {

    private final Map<BedrockOperation, BedrockOperationHandler> handlers = new EnumMap<>(BedrockOperation.class);

    public BedrockProducer(BedrockEndpoint endpoint) {
        super(endpoint);
        handlers.put(BedrockOperation.converse, ToolLoopHandler.wanted(endpoint.getConfiguration())
                ? new ToolLoopHandler(endpoint) : new ConverseHandler(endpoint));
        handlers.put(BedrockOperation.converseStream, new ConverseStreamHandler(endpoint));
        handlers.put(BedrockOperation.countTokens, new CountTokensHandler(endpoint));
        // knowledge bases, guardrails, provisioned throughput, foundation models
        handlers.put(BedrockOperation.retrieve, new RetrieveHandler(endpoint));
        handlers.put(BedrockOperation.retrieveAndGenerate, new RetrieveAndGenerateHandler(endpoint));
        handlers.put(BedrockOperation.startIngestionJob, new StartIngestionJobHandler(endpoint));
        handlers.put(BedrockOperation.getIngestionJob, new GetIngestionJobHandler(endpoint));
        handlers.put(BedrockOperation.applyGuardrail, new ApplyGuardrailHandler(endpoint));
        handlers.put(BedrockOperation.createProvisionedThroughput, new CreateProvisionedThroughputHandler(endpoint));
        handlers.put(BedrockOperation.getProvisionedThroughput, new GetProvisionedThroughputHandler(endpoint));
        handlers.put(BedrockOperation.listProvisionedThroughputs, new ListProvisionedThroughputsHandler(endpoint));
        handlers.put(BedrockOperation.updateProvisionedThroughput, new UpdateProvisionedThroughputHandler(endpoint));
        handlers.put(BedrockOperation.deleteProvisionedThroughput, new DeleteProvisionedThroughputHandler(endpoint));
        handlers.put(BedrockOperation.listFoundationModels, new ListFoundationModelsHandler(endpoint));
        handlers.put(BedrockOperation.getFoundationModel, new GetFoundationModelHandler(endpoint));
        handlers.put(BedrockOperation.invokeModel, new InvokeModelHandler(endpoint));
        handlers.put(BedrockOperation.invokeModelStream, new InvokeModelStreamHandler(endpoint));
        handlers.put(BedrockOperation.embed, new EmbedHandler(endpoint));
        handlers.put(BedrockOperation.image, new ImageHandler(endpoint));
        for (BedrockOperation op : BedrockOperation.values()) {
            if (!handlers.containsKey(op)) {
                throw new IllegalStateException("No handler is registered for operation " + op);
            }
        }
    }

    /**
     * For tests, before the producer starts: wraps the handler of {@code operation} (for instance to hand the producer
     * a future that is already complete, the way a fast reply races the producer).
     */
    void wrapHandler(BedrockOperation operation, UnaryOperator<BedrockOperationHandler> wrapper) {
        handlers.put(operation, wrapper.apply(handlers.get(operation)));
    }

    @Override
    public BedrockEndpoint getEndpoint() {
        return (BedrockEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback done) {
        BedrockOperation operation;
        try {
            operation = resolveOperation(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            done.done(true);
            return true;
        }
        BedrockCall call = new BedrockCall(operation);
        AsyncCallback callback = observed(exchange, call, done);
        EmbedCoalescer coalescer = operation == BedrockOperation.embed ? getEndpoint().embedCoalescer() : null;
        if (coalescer != null && EmbedCoalescer.accepts(exchange)) {
            // the batch it joins takes the in-flight slot and the rate turn, once for all its exchanges
            try {
                coalescer.submit(exchange, call, callback);
            } catch (Exception e) {
                exchange.setException(BedrockErrors.map(e, operation.name(), call.modelId()));
                callback.done(true);
                return true;
            }
            return false;
        }
        if (handlers.get(operation).admitsItsCalls()) {
            return selfAdmitted(exchange, callback, call);
        }
        FlowControl.Ticket ticket;
        try {
            ticket = getEndpoint().flowControl().enter(modelKey(exchange));
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        CompletableFuture<Void> ready = ticket.ready();
        if (ready == null) {
            return dispatch(exchange, callback, call, ticket, true);
        }
        // the in-flight slot was granted later, or rate control delays the request: continue on the scheduler
        ready.whenComplete((v, failure) -> {
            if (failure != null) {
                exchange.setException(BedrockErrors.unwrap(failure));
                callback.done(false);
            } else {
                dispatch(exchange, callback, call, ticket, false);
            }
        });
        return false;
    }

    /**
     * {@code callback}, after which the endpoint's observer hears that the call is settled: before the route goes on,
     * or for a stream when the stream has settled it (its usage arrives at the end).
     */
    private AsyncCallback observed(Exchange exchange, BedrockCall call, AsyncCallback callback) {
        CallObserver.Observation observation = getEndpoint().observer().start(exchange, call.operation().name());
        if (observation == CallObserver.Observation.NONE) {
            return callback;
        }
        call.whenSettled(failure -> observation.completed(exchange, call.modelId(), call.firstChunkNanos(), failure));
        return doneSync -> {
            if (call.end() == null || exchange.getException() != null) {
                call.settle(exchange.getException());
            }
            callback.done(doneSync);
        };
    }

    /** Starts the call; returns true when the exchange is already complete and {@code sync} (input errors only). */
    private boolean dispatch(Exchange exchange, AsyncCallback callback, BedrockCall call, FlowControl.Ticket ticket,
                             boolean sync) {
        BedrockOperation operation = call.operation();
        CompletableFuture<?> future;
        try {
            future = ticket.start(() -> handlers.get(operation).handle(exchange, call));
        } catch (Exception e) {
            ticket.finish(null);
            exchange.setException(BedrockErrors.map(e, operation.name(), call.modelId()));
            callback.done(sync);
            return sync;
        }
        CompletableFuture<?> end = call.end();
        if (end != null) {
            end.whenComplete((result, failure) -> ticket.finish(failure));
        }
        // Where the exchange continues. If the future is already complete here, whenComplete runs at once on this
        // (the sending) thread. For a result that is whole once the future completes, that is right and cheap: nothing
        // after it waits for Bedrock. A call that names a continuation executor (an iterator body the route will read
        // while the stream is open) always continues there instead, or the sending thread would be held until the
        // stream ends. This is the only place an exchange of a started call is completed.
        Executor continuation = call.continuation();
        future.whenComplete((result, failure) -> {
            if (failure != null && end == null && ticket.requeue(failure,
                    () -> dispatch(exchange, callback, call, ticket, false),
                    refused -> complete(exchange, callback, call, ticket, end, refused))) {
                return; // every SDK attempt was throttled: one more turn at the learnt rate
            }
            if (continuation == null) {
                complete(exchange, callback, call, ticket, end, failure);
                return;
            }
            try {
                continuation.execute(() -> complete(exchange, callback, call, ticket, end, failure));
            } catch (RejectedExecutionException e) {
                // the executor is shut down (the endpoint is stopping): fail rather than leave the exchange waiting
                complete(exchange, callback, call, ticket, end, e);
            }
        });
        return false;
    }

    /** A handler that admits each of its model calls itself (the tool loop): started at once, completed when it ends. */
    private boolean selfAdmitted(Exchange exchange, AsyncCallback callback, BedrockCall call) {
        CompletableFuture<?> future;
        try {
            future = handlers.get(call.operation()).handle(exchange, call);
        } catch (Exception e) {
            exchange.setException(BedrockErrors.map(e, call.operation().name(), call.modelId()));
            callback.done(true);
            return true;
        }
        future.whenComplete((result, failure) -> {
            if (failure != null) {
                exchange.setException(BedrockErrors.map(failure, call.operation().name(), call.modelId()));
            }
            callback.done(false);
        });
        return false;
    }

    private static void complete(Exchange exchange, AsyncCallback callback, BedrockCall call, FlowControl.Ticket ticket,
                                 CompletableFuture<?> end, Throwable failure) {
        if (end == null) {
            ticket.finish(failure); // free the slot before the route goes on: it may call this endpoint again
        }
        if (failure != null) {
            exchange.setException(BedrockErrors.map(failure, call.operation().name(), call.modelId()));
        }
        callback.done(false);
    }

    /** Which model's rate limiter paces this exchange: the model id header, else the endpoint's modelId option. */
    private String modelKey(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(BedrockHeaders.MODEL_ID);
        return header != null ? header.toString() : getEndpoint().getConfiguration().getModelId();
    }

    @Override
    protected void doStop() throws Exception {
        for (BedrockOperationHandler handler : handlers.values()) {
            if (handler instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        super.doStop();
    }

    private BedrockOperation resolveOperation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(BedrockHeaders.OPERATION);
        if (header == null) {
            return getEndpoint().getConfiguration().getOperation();
        }
        if (header instanceof BedrockOperation op) {
            return op;
        }
        try {
            return BedrockOperation.fromName(header.toString());
        } catch (IllegalArgumentException e) {
            throw new BedrockInputException(String.valueOf(getEndpoint().getConfiguration().getOperation()), null,
                    "header " + BedrockHeaders.OPERATION + " has " + e.getMessage());
        }
    }
}
