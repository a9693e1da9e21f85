package dev.camelbedrock.component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.converse.ConverseHandler;
import dev.camelbedrock.component.converse.ConverseStreamHandler;
import dev.camelbedrock.component.converse.CountTokensHandler;
import dev.camelbedrock.component.embed.EmbedHandler;
import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.image.ImageHandler;
import dev.camelbedrock.component.invoke.InvokeModelHandler;
import dev.camelbedrock.component.invoke.InvokeModelStreamHandler;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The asynchronous producer: picks the operation (URI path, or the CamelBedrockOperation header), hands the exchange
 * to that operation's handler, and completes the exchange when the SDK's future completes. No thread waits on a
 * Bedrock call.
 */
public class BedrockProducer extends DefaultAsyncProducer {

    private final Map<BedrockOperation, BedrockOperationHandler> handlers = new EnumMap<>(BedrockOperation.class);

    public BedrockProducer(BedrockEndpoint endpoint) {
        super(endpoint);
        handlers.put(BedrockOperation.converse, new ConverseHandler(endpoint));
        handlers.put(BedrockOperation.converseStream, new ConverseStreamHandler(endpoint));
        handlers.put(BedrockOperation.countTokens, new CountTokensHandler(endpoint));
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

    @Override
    public BedrockEndpoint getEndpoint() {
        return (BedrockEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        BedrockOperation operation;
        try {
            operation = resolveOperation(exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        BedrockCall call = new BedrockCall(operation);
        CompletableFuture<?> future;
        try {
            future = handlers.get(operation).handle(exchange, call);
        } catch (Exception e) {
            exchange.setException(BedrockErrors.map(e, operation.name(), call.modelId()));
            callback.done(true);
            return true;
        }
        future.whenComplete((result, failure) -> {
            if (failure != null) {
                exchange.setException(BedrockErrors.map(failure, operation.name(), call.modelId()));
            }
            callback.done(false);
        });
        return false;
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
