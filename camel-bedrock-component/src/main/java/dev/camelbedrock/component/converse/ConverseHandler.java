package dev.camelbedrock.component.converse;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/** {@code bedrock:converse}: one Converse call; the reply text becomes the body, everything else headers. */
public class ConverseHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;
    private final ConverseRequestFactory requests;

    public ConverseHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.requests = new ConverseRequestFactory(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        ConverseInput input = requests.create(exchange, call.operation());
        call.modelId(input.modelId());
        return input.fetchMedia().thenCompose(ready -> endpoint.runtimeClient().converse(ready.request())
                .thenAccept(response -> apply(exchange, ready, response)));
    }

    static void apply(Exchange exchange, ConverseInput input, ConverseResponse response) {
        var message = exchange.getMessage();
        var output = response.output() != null ? response.output().message() : null;
        message.setBody(ConverseResults.text(output));
        ConverseResults.apply(message, input, output, response.stopReasonAsString(), response.usage(),
                response.metrics() != null ? response.metrics().latencyMs() : null,
                response.trace() != null ? response.trace().guardrail() : null,
                response.responseMetadata().requestId());
    }
}
