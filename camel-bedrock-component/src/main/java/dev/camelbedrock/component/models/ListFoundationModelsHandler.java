package dev.camelbedrock.component.models;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrock.model.ListFoundationModelsRequest;

/**
 * {@code bedrock:listFoundationModels}: the foundation models of the region, optionally only a provider's
 * (byProvider), with an output modality (byOutputModality), an inference type (byInferenceType) or a customization
 * (byCustomizationType). The body is not read; the body out is a List of SDK FoundationModelSummary.
 */
public class ListFoundationModelsHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;

    public ListFoundationModelsHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    /** An enum option as the request takes it, or null when unset. */
    private static String valueOf(Enum<?> option) {
        return option == null ? null : option.toString();
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        ExchangeOptions opts = new ExchangeOptions(exchange, call.operation());
        EndpointOptions c = endpoint.getConfiguration();
        ListFoundationModelsRequest request = ListFoundationModelsRequest.builder().byProvider(c.getByProvider())
                .byOutputModality(valueOf(c.getByOutputModality()))
                .byInferenceType(valueOf(c.getByInferenceType()))
                .byCustomizationType(valueOf(c.getByCustomizationType()))
                .build();
        return endpoint.controlPlaneClient().listFoundationModels(request)
                .thenAccept(r -> exchange.getMessage().setBody(r.hasModelSummaries() ? r.modelSummaries() : List.of()));
    }
}
