package dev.camelbedrock.component.throughput;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;

/**
 * {@code bedrock:deleteProvisionedThroughput}: deletes the throughput named by provisionedModelId (name or ARN). Bedrock
 * refuses (ConflictException, BedrockConflictException here) while a commitment runs. The body is neither read nor
 * changed.
 */
public class DeleteProvisionedThroughputHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;
    private final ProvisionedThroughputs throughputs;

    public DeleteProvisionedThroughputHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.throughputs = new ProvisionedThroughputs(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String id = throughputs.id(new ExchangeOptions(exchange, call.operation()));
        return endpoint.controlPlaneClient().deleteProvisionedModelThroughput(r -> r.provisionedModelId(id));
    }
}
