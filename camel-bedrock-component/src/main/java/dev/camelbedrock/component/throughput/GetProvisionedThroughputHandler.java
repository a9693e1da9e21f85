package dev.camelbedrock.component.throughput;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;

/**
 * {@code bedrock:getProvisionedThroughput}: reads the throughput named by provisionedModelId (name or ARN). The body is
 * not read; the body out is a {@link BedrockProvisionedThroughput}, with its ARN and status as headers. With
 * waitForCompletion it answers once the throughput is InService (after a create or an update).
 */
public class GetProvisionedThroughputHandler implements BedrockOperationHandler {

    private final ProvisionedThroughputs throughputs;

    public GetProvisionedThroughputHandler(EndpointContext endpoint) {
        this.throughputs = new ProvisionedThroughputs(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        String id = throughputs.id(new ExchangeOptions(exchange, operation));
        return throughputs.read(id, throughputs.waitSettings(operation), operation)
                .thenAccept(pt -> ProvisionedThroughputs.apply(exchange, pt));
    }
}
