package dev.camelbedrock.component.converse;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.options.InvokeBodyFormat;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.invoke.InvokeInput;
import dev.camelbedrock.component.invoke.InvokeRequestFactory;
import dev.camelbedrock.component.support.RawBodies;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;

/**
 * {@code bedrock:countTokens}: counts input tokens without running the model. The count is the body and the
 * CamelBedrockInputTokens header. What is counted:
 * <ul>
 * <li>a String, Message(s) or a ConverseRequest: what converse would send for the same exchange;</li>
 * <li>an InvokeModelRequest, or a native body (a JSON String, byte[], InputStream, Map, JsonNode, as invokeBodyFormat
 * reads it): that InvokeModel body; with invokeBodyFormat=prompt, the native body the family codec builds from the
 * prompt, as invokeModel would send it.</li>
 * </ul>
 */
public class CountTokensHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;
    private final ConverseRequestFactory requests;
    private final InvokeRequestFactory invokeRequests;

    public CountTokensHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.requests = new ConverseRequestFactory(endpoint);
        this.invokeRequests = new InvokeRequestFactory(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        if (invokeForm(exchange.getMessage().getBody(), operation)) {
            InvokeInput input = invokeRequests.create(exchange, operation);
            call.modelId(input.modelId());
            return count(exchange, CountTokensRequest.builder().modelId(input.modelId())
                    .input(i -> i.invokeModel(t -> t.body(input.request().body()))).build());
        }
        ConverseInput input = requests.create(exchange, operation);
        call.modelId(input.modelId());
        return input.fetchMedia().thenCompose(ready -> count(exchange, ready.request(), ready.modelId()));
    }

    private CompletableFuture<?> count(Exchange exchange, ConverseRequest r, String modelId) {
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
        return count(exchange, CountTokensRequest.builder().modelId(modelId).input(i -> i.converse(tokens.build())).build());
    }

    /**
     * Whether to count an InvokeModel body: a whole InvokeModelRequest, or, as invokeBodyFormat says, a raw body (auto:
     * one that looks raw) or a prompt the family codec turns into a native body (prompt). Otherwise the Converse form.
     */
    private boolean invokeForm(Object body, String operation) {
        if (body instanceof InvokeModelRequest) {
            return true;
        }
        InvokeBodyFormat format = endpoint.getConfiguration().getInvokeBodyFormat();
        return format != InvokeBodyFormat.AUTO || RawBodies.looksRaw(body);
    }

    private CompletableFuture<?> count(Exchange exchange, CountTokensRequest request) {
        return endpoint.runtimeClient().countTokens(request).thenAccept(response -> {
            exchange.getMessage().setBody(response.inputTokens());
            exchange.getMessage().setHeader(BedrockHeaders.INPUT_TOKENS, response.inputTokens());
            exchange.getMessage().setHeader(BedrockHeaders.REQUEST_ID, response.responseMetadata().requestId());
        });
    }
}
