package dev.camelbedrock.component.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.ModelArns;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrock.model.ListProvisionedModelThroughputsRequest;
import software.amazon.awssdk.services.bedrock.model.SortByProvisionedModels;

/**
 * {@code bedrock:listProvisionedThroughputs}: every provisioned throughput, optionally only those in a status
 * (statusEquals), of a model (modelArnEquals) or whose name contains a text (nameContains), sorted by creation time
 * (sortOrder). Every page is read, one after the other. The body is not read; the body out is a List of
 * {@link BedrockProvisionedThroughput}.
 */
public class ListProvisionedThroughputsHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;

    public ListProvisionedThroughputsHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        ListProvisionedModelThroughputsRequest request = request(new ExchangeOptions(exchange, operation), operation);
        return page(request, new ArrayList<>()).thenAccept(all -> exchange.getMessage().setBody(List.copyOf(all)));
    }

    ListProvisionedModelThroughputsRequest request(ExchangeOptions opts, String operation) {
        EndpointOptions config = endpoint.getConfiguration();
        String status = config.getStatusEquals() == null ? null : config.getStatusEquals().toString();
        String order = config.getSortOrder() == null ? null : config.getSortOrder().toString();
        Integer pageSize = config.getPageSize();
        if (pageSize != null && (pageSize < 1 || pageSize > 1000)) {
            throw new BedrockInputException(operation, null, "pageSize is " + pageSize + "; accepted: 1 to 1000");
        }
        String model = config.getModelArnEquals();
        ListProvisionedModelThroughputsRequest.Builder b = ListProvisionedModelThroughputsRequest.builder()
                .statusEquals(status).nameContains(config.getNameContains()).maxResults(pageSize)
                .modelArnEquals(model == null ? null
                        : ModelArns.foundationModel(model, endpoint.controlPlaneClient().serviceClientConfiguration().region().id()));
        if (order != null) {
            b.sortBy(SortByProvisionedModels.CREATION_TIME).sortOrder(order);
        }
        return b.build();
    }

    private CompletableFuture<List<BedrockProvisionedThroughput>> page(ListProvisionedModelThroughputsRequest request,
                                                                       List<BedrockProvisionedThroughput> gathered) {
        return endpoint.controlPlaneClient().listProvisionedModelThroughputs(request).thenCompose(response -> {
            if (response.hasProvisionedModelSummaries()) {
                response.provisionedModelSummaries().forEach(s -> gathered.add(BedrockProvisionedThroughput.of(s)));
            }
            if (response.nextToken() != null && !response.nextToken().isEmpty()) {
                return page(request.toBuilder().nextToken(response.nextToken()).build(), gathered);
            }
            return CompletableFuture.completedFuture(gathered);
        });
    }
}
