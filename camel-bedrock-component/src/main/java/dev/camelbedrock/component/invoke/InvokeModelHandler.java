package dev.camelbedrock.component.invoke;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.BedrockCall;
import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.BedrockOperationHandler;
import org.apache.camel.Exchange;

/**
 * {@code bedrock:invokeModel}: one InvokeModel call. A raw body comes back as the rawResponseType option says; a
 * prompt's reply text becomes the body, its stop reason a header. Token counts and latency go into headers.
 */
public class InvokeModelHandler implements BedrockOperationHandler {

    private final BedrockEndpoint endpoint;
    private final InvokeRequestFactory requests;

    public InvokeModelHandler(BedrockEndpoint endpoint) {
        this.endpoint = endpoint;
        this.requests = new InvokeRequestFactory(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation().name();
        InvokeInput input = requests.create(exchange, operation);
        call.modelId(input.modelId());
        String rawResponseType = endpoint.getConfiguration().getRawResponseType();
        return endpoint.runtimeClient().invokeModel(input.request())
                .thenAccept(response -> InvokeResults.apply(exchange.getMessage(), input, response, rawResponseType, operation));
    }
}
