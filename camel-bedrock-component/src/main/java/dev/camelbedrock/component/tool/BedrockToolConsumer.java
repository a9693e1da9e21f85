package dev.camelbedrock.component.tool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Registers the route as a tool while it runs, and runs each call of the tool as an exchange on the route, through the
 * route's asynchronous processor: the caller gets a future, no thread waits for the route.
 */
public class BedrockToolConsumer extends DefaultConsumer implements RouteTool.Runner {

    private volatile RouteTool tool;

    public BedrockToolConsumer(BedrockToolEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public BedrockToolEndpoint getEndpoint() {
        return (BedrockToolEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RouteTool described = getEndpoint().describe(this);
        BedrockToolRegistry.of(getEndpoint().getCamelContext()).register(described);
        tool = described;
    }

    @Override
    protected void doStop() throws Exception {
        RouteTool registered = tool;
        if (registered != null) {
            BedrockToolRegistry.of(getEndpoint().getCamelContext()).unregister(registered);
            tool = null;
        }
        super.doStop();
    }

    @Override
    public CompletableFuture<Object> run(String toolUseId, Map<String, Object> arguments) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Exchange exchange = createExchange(false);
        var message = exchange.getMessage();
        message.setBody(new LinkedHashMap<>(arguments));
        arguments.forEach(message::setHeader);
        message.setHeader(BedrockToolHeaders.TOOL_NAME, getEndpoint().getName());
        message.setHeader(BedrockToolHeaders.TOOL_USE_ID, toolUseId);
        try {
            getAsyncProcessor().process(exchange, doneSync -> {
                Exception failure = exchange.getException();
                Object body = exchange.getMessage().getBody();
                releaseExchange(exchange, false);
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(body);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }
}
