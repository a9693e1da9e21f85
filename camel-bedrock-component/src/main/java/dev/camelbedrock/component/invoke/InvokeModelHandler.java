package dev.camelbedrock.component.invoke;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import org.apache.camel.Exchange;

/**
 * {@code bedrock:invokeModel}: one InvokeModel call. A raw body comes back as the rawResponseType option says; a
 * prompt's reply text becomes the body, its stop reason a header. Token counts and latency go into headers.
 */
public class InvokeModelHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;
    private final InvokeRequestFactory requests;

    public InvokeModelHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.requests = new InvokeRequestFactory(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        InvokeInput input = requests.create(exchange, operation);
        call.modelId(input.modelId());
        String rawResponseType = endpoint.getConfiguration().getRawResponseType().toString();
        return endpoint.runtimeClient().invokeModel(input.request())
                .thenAccept(response -> InvokeResults.apply(exchange.getMessage(), input, response, rawResponseType, operation));
    }
}
