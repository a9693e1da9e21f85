package dev.camelbedrock.component.throughput;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.options.CommitmentDuration;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ClientTokens;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.Waiting;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrock.model.CreateProvisionedModelThroughputRequest;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * {@code bedrock:createProvisionedThroughput}: buys provisioned throughput (provisionedModelName, modelId, modelUnits,
 * commitmentDuration, tags), then reads it back. The body is not read; the body out is a
 * {@link BedrockProvisionedThroughput}, and the CamelBedrockProvisionedModelArn and CamelBedrockProvisionedModelStatus
 * headers are set. With waitForCompletion the exchange continues once it is InService (Failed fails the exchange).
 * <p>
 * Safe to retry: the client request token is the CamelBedrockClientRequestToken header, else derived from the exchange
 * id and the name, so Camel's redelivery of a failed exchange does not buy a second commitment.
 */
public class CreateProvisionedThroughputHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;
    private final ProvisionedThroughputs throughputs;

    public CreateProvisionedThroughputHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.throughputs = new ProvisionedThroughputs(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        CreateProvisionedModelThroughputRequest request = request(exchange, operation);
        call.modelId(request.modelId());
        Waiting.Settings wait = throughputs.waitSettings(operation);
        return endpoint.controlPlaneClient().createProvisionedModelThroughput(request)
                .thenCompose(created -> throughputs.read(created.provisionedModelArn(), wait, operation))
                .thenAccept(pt -> ProvisionedThroughputs.apply(exchange, pt));
    }

    CreateProvisionedModelThroughputRequest request(Exchange exchange, String operation) {
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        EndpointOptions config = throughputs.config();
        String name = ProvisionedThroughputs.checkName(opts.required(BedrockHeaders.PROVISIONED_MODEL_NAME,
                config.getProvisionedModelName(), "provisionedModelName", "provisioned model name"), operation);
        String model = opts.required(BedrockHeaders.MODEL_ID, config.getModelId(), "modelId", "model");
        Integer units = opts.integer(BedrockHeaders.MODEL_UNITS, config.getModelUnits());
        if (units == null || units < 1) {
            throw new BedrockInputException(operation, model, "modelUnits is " + units + "; accepted: 1 or more (set the modelUnits"
                    + " option or the " + BedrockHeaders.MODEL_UNITS + " header)");
        }
        String commitment = opts.option(BedrockHeaders.COMMITMENT_DURATION, config.getCommitmentDuration(), CommitmentDuration.class,
                "commitmentDuration").toString();
        Map<String, String> tags = opts.stringMap(BedrockHeaders.TAGS, config.getTags(), "tags");
        List<Tag> sdkTags = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        CreateProvisionedModelThroughputRequest.Builder b = CreateProvisionedModelThroughputRequest.builder()
                .provisionedModelName(name).modelId(model).modelUnits(units)
                .clientRequestToken(ClientTokens.of(exchange, opts, operation, name));
        if (commitment != null && !commitment.equals("none")) {
            b.commitmentDuration(commitment);
        }
        if (!sdkTags.isEmpty()) {
            b.tags(sdkTags);
        }
        return b.build();
    }
}
