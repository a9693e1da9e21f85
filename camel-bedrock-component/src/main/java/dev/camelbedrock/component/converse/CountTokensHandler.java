package dev.camelbedrock.component.converse;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.BedrockCall;
import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockOperationHandler;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;

/**
 * {@code bedrock:countTokens}: counts the input tokens of what converse would send for the same exchange (a String,
 * messages, or a ConverseRequest), without running the model. The count is the body and the CamelBedrockInputTokens header.
 */
public class CountTokensHandler implements BedrockOperationHandler {

    private final BedrockEndpoint endpoint;
    private final ConverseRequestFactory requests;

    public CountTokensHandler(BedrockEndpoint endpoint) {
        this.endpoint = endpoint;
        this.requests = new ConverseRequestFactory(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        ConverseInput input = requests.create(exchange, call.operation().name());
        call.modelId(input.modelId());
        ConverseRequest r = input.request();
        ConverseTokensRequest.Builder tokens = ConverseTokensRequest.builder().messages(r.messages());
        if (r.hasSystem()) {
            tokens.system(r.system());
        }
        if (r.toolConfig() != null) {
            tokens.toolConfig(r.toolConfig());
        }
        if (r.additionalModelRequestFields() != null) {
            tokens.additionalModelRequestFields(r.additionalModelRequestFields());
        }
        CountTokensRequest request = CountTokensRequest.builder().modelId(input.modelId())
                .input(i -> i.converse(tokens.build())).build();
        return endpoint.runtimeClient().countTokens(request).thenAccept(response -> {
            exchange.getMessage().setBody(response.inputTokens());
            exchange.getMessage().setHeader(BedrockHeaders.INPUT_TOKENS, response.inputTokens());
            exchange.getMessage().setHeader(BedrockHeaders.REQUEST_ID, response.responseMetadata().requestId());
        });
    }
}
