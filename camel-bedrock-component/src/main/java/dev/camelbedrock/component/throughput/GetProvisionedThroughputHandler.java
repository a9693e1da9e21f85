package dev.camelbedrock.component.throughput;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.BedrockCall;
import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.BedrockOperationHandler;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;

/**
 * {@code bedrock:getProvisionedThroughput}: reads the throughput named by provisionedModelId (name or ARN). The body is
 * not read; the body out is a {@link BedrockProvisionedThroughput}, with its ARN and status as headers. With
 * waitForCompletion it answers once the throughput is InService (after a create or an update).
 */
public class GetProvisionedThroughputHandler implements BedrockOperationHandler {

    private final ProvisionedThroughputs throughputs;

    public GetProvisionedThroughputHandler(BedrockEndpoint endpoint) {
        this.throughputs = new ProvisionedThroughputs(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation().name();
        String id = throughputs.id(new ExchangeOptions(exchange, operation));
        return throughputs.read(id, throughputs.waitSettings(operation), operation)
                .thenAccept(pt -> ProvisionedThroughputs.apply(exchange, pt));
    }
}
