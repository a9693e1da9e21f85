package dev.camelbedrock.component.throughput;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrock.model.UpdateProvisionedModelThroughputRequest;

/**
 * {@code bedrock:updateProvisionedThroughput}: renames the throughput named by provisionedModelId (the new name is
 * provisionedModelName) and/or moves it to another custom model (desiredModelId). The body is neither read nor changed;
 * CamelBedrockProvisionedModelId is set to the name the throughput has afterwards when it was renamed.
 */
public class UpdateProvisionedThroughputHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;
    private final ProvisionedThroughputs throughputs;

    public UpdateProvisionedThroughputHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.throughputs = new ProvisionedThroughputs(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        UpdateProvisionedModelThroughputRequest request = request(new ExchangeOptions(exchange, operation), operation);
        call.modelId(request.desiredModelId());
        return endpoint.controlPlaneClient().updateProvisionedModelThroughput(request).thenAccept(r -> {
            boolean renamedByName = request.desiredProvisionedModelName() != null && !request.provisionedModelId().startsWith("arn:");
            exchange.getMessage().setHeader(BedrockHeaders.PROVISIONED_MODEL_ID,
                    renamedByName ? request.desiredProvisionedModelName() : request.provisionedModelId());
        });
    }

    UpdateProvisionedModelThroughputRequest request(ExchangeOptions opts, String operation) {
        String id = throughputs.id(opts);
        String newName = opts.string(BedrockHeaders.PROVISIONED_MODEL_NAME, throughputs.config().getProvisionedModelName());
        String newModel = opts.string(BedrockHeaders.DESIRED_MODEL_ID, throughputs.config().getDesiredModelId());
        if (newName == null && newModel == null) {
            throw new BedrockInputException(operation, null, "nothing to change: set provisionedModelName (the new name) and/or"
                    + " desiredModelId (the new custom model), or their headers " + BedrockHeaders.PROVISIONED_MODEL_NAME + " and "
                    + BedrockHeaders.DESIRED_MODEL_ID);
        }
        return UpdateProvisionedModelThroughputRequest.builder().provisionedModelId(id)
                .desiredProvisionedModelName(newName == null ? null : ProvisionedThroughputs.checkName(newName, operation))
                .desiredModelId(newModel).build();
    }
}
