package dev.camelbedrock.component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;

import dev.camelbedrock.component.agent.InvokeAgentHandler;
import dev.camelbedrock.component.prompt.GetPromptHandler;
import dev.camelbedrock.component.rerank.RerankHandler;
import dev.camelbedrock.component.converse.ConverseHandler;
import dev.camelbedrock.component.converse.ConverseStreamHandler;
import dev.camelbedrock.component.converse.CountTokensHandler;
import dev.camelbedrock.component.embed.EmbedHandler;
import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.flow.FlowControl;
import dev.camelbedrock.component.observe.CallObserver;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.guardrail.ApplyGuardrailHandler;
import dev.camelbedrock.component.knowledge.GetIngestionJobHandler;
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
 * one of the maxInFlight slots, and rate control may delay the send (on a scheduler, not on a waiting thread). A
 * handler may take an exchange over instead ({@link BedrockOperationHandler#takeOver}: embed coalescing), admitting
 * its own calls to the same flow control.
 */
public class BedrockProducer extends DefaultAsyncProducer {

    private final Map<BedrockOperation, BedrockOperationHandler> handlers = new EnumMap<>(BedrockOperation.class);

    public BedrockProducer(BedrockEndpoint endpoint) {
        super(endpoint);
        for (BedrockOperation operation : BedrockOperation.values()) {
            handlers.put(operation, newHandler(operation, endpoint));
        }
    }

    /** The handler of each operation: a switch expression, so that the compiler demands one for a new operation. */
    private static BedrockOperationHandler newHandler(BedrockOperation operation, BedrockEndpoint endpoint) {
        return switch (operation) {
            case converse -> ToolLoopHandler.wanted(endpoint.getConfiguration()) ? new ToolLoopHandler(endpoint)
                    : new ConverseHandler(endpoint);
            case converseStream -> new ConverseStreamHandler(endpoint);
            case countTokens -> new CountTokensHandler(endpoint);
            case invokeModel -> new InvokeModelHandler(endpoint);
            case invokeModelStream -> new InvokeModelStreamHandler(endpoint);
            case embed -> new EmbedHandler(endpoint);
            case image -> new ImageHandler(endpoint);
            case retrieve -> new RetrieveHandler(endpoint);
            case retrieveAndGenerate -> new RetrieveAndGenerateHandler(endpoint);
            case rerank -> new RerankHandler(endpoint);
            case invokeAgent -> new InvokeAgentHandler(endpoint);
            case getPrompt -> new GetPromptHandler(endpoint);
            case startIngestionJob -> new StartIngestionJobHandler(endpoint);
            case getIngestionJob -> new GetIngestionJobHandler(endpoint);
            case applyGuardrail -> new ApplyGuardrailHandler(endpoint);
            case createProvisionedThroughput -> new CreateProvisionedThroughputHandler(endpoint);
            case getProvisionedThroughput -> new GetProvisionedThroughputHandler(endpoint);
            case listProvisionedThroughputs -> new ListProvisionedThroughputsHandler(endpoint);
            case updateProvisionedThroughput -> new UpdateProvisionedThroughputHandler(endpoint);
            case deleteProvisionedThroughput -> new DeleteProvisionedThroughputHandler(endpoint);
            case listFoundationModels -> new ListFoundationModelsHandler(endpoint);
            case getFoundationModel -> new GetFoundationModelHandler(endpoint);
        };
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
        BedrockOperationHandler handler = handlers.get(operation);
        BedrockCall call = new BedrockCall(operation.name());
        AsyncCallback callback = observed(exchange, call, done);
        try {
            if (handler.takeOver(exchange, call, callback)) {
                return false; // the handler admits and completes it (embed coalescing)
            }
        } catch (Exception e) {
            exchange.setException(BedrockErrors.map(e, call.operation(), call.modelId()));
            callback.done(true);
            return true;
        }
        if (handler.admitsItsCalls()) {
            return selfAdmitted(exchange, callback, handler, call);
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
            return dispatch(exchange, callback, handler, call, ticket, true);
        }
        // the in-flight slot was granted later, or rate control delays the request: continue on the scheduler
        ready.whenComplete((v, failure) -> {
            if (failure != null) {
                exchange.setException(BedrockErrors.unwrap(failure));
                callback.done(false);
            } else {
                dispatch(exchange, callback, handler, call, ticket, false);
            }
        });
        return false;
    }

    /**
     * {@code callback}, after which the endpoint's observer hears that the call is settled: before the route goes on,
     * or for a stream when the stream has settled it (its usage arrives at the end).
     */
    private AsyncCallback observed(Exchange exchange, BedrockCall call, AsyncCallback callback) {
        CallObserver.Observation observation = getEndpoint().observer().start(exchange, call.operation());
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
    private boolean dispatch(Exchange exchange, AsyncCallback callback, BedrockOperationHandler handler, BedrockCall call,
                             FlowControl.Ticket ticket, boolean sync) {
        CompletableFuture<?> future;
        try {
            future = ticket.start(() -> handler.handle(exchange, call));
        } catch (Exception e) {
            ticket.finish(null);
            exchange.setException(BedrockErrors.map(e, call.operation(), call.modelId()));
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
                    () -> dispatch(exchange, callback, handler, call, ticket, false),
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
    private boolean selfAdmitted(Exchange exchange, AsyncCallback callback, BedrockOperationHandler handler, BedrockCall call) {
        CompletableFuture<?> future;
        try {
            future = handler.handle(exchange, call);
        } catch (Exception e) {
            exchange.setException(BedrockErrors.map(e, call.operation(), call.modelId()));
            callback.done(true);
            return true;
        }
        future.whenComplete((result, failure) -> {
            if (failure != null) {
                exchange.setException(BedrockErrors.map(failure, call.operation(), call.modelId()));
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
            exchange.setException(BedrockErrors.map(failure, call.operation(), call.modelId()));
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
