package dev.camelbedrock.component.models;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;

/**
 * {@code bedrock:getFoundationModel}: the details of the foundation model named by modelId (an id or a foundation-model
 * ARN; header CamelBedrockModelId overrides). The body is not read; the body out is the SDK FoundationModelDetails.
 */
public class GetFoundationModelHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;

    public GetFoundationModelHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        ExchangeOptions opts = new ExchangeOptions(exchange, call.operation());
        String model = opts.required(BedrockHeaders.MODEL_ID, endpoint.getConfiguration().getModelId(), "modelId", "model");
        call.modelId(model);
        return endpoint.controlPlaneClient().getFoundationModel(r -> r.modelIdentifier(model))
                .thenAccept(r -> exchange.getMessage().setBody(r.modelDetails()));
    }
}
