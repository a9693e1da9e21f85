package dev.camelbedrock.component.converse;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.stream.StreamDeliveries;
import dev.camelbedrock.component.stream.StreamSession;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;

/**
 * {@code bedrock:converseStream}. The deltas reach the route while the model generates, as an iterator body
 * ({@link dev.camelbedrock.component.stream.ChatStream}) or, with {@code streamTo}, as one exchange per delta (text,
 * tool input JSON, reasoning); see {@link StreamDeliveries}. If the SDK retries a stream (a throttlingException event)
 * after deltas already reached the route, the stream fails instead: delivering the same deltas twice would corrupt
 * what the route built from them. With {@code streamRestartAfterDeltas=true} the retry goes ahead and the route is told
 * that the text restarts.
 */
public class ConverseStreamHandler implements BedrockOperationHandler, AutoCloseable {

    private final EndpointContext endpoint;
    private final ConverseRequestFactory requests;
    private final StreamDeliveries deliveries;

    public ConverseStreamHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.requests = new ConverseRequestFactory(endpoint);
        this.deliveries = new StreamDeliveries(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        ConverseInput input = requests.create(exchange, operation);
        call.modelId(input.modelId());
        ModelLookup.requireStreaming(operation, input.modelId());
        ConverseStreamRequest request = toStreamRequest(input.request(), endpoint.getConfiguration(), operation);
        ConverseStreamAggregator aggregator = new ConverseStreamAggregator(input);
        StreamSession<ConverseStreamOutput> session = deliveries.open(exchange, operation, input.modelId(), aggregator);
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .onResponse(r -> session.responseReceived(r.responseMetadata().requestId()))
                .onEventStream(publisher -> publisher.subscribe(session.subscriber()))
                .onError(session::attemptFailed)
                .build();
        // attachments given as URLs are fetched first; the session (and the in-flight slot) covers that too
        CompletableFuture<Void> sdkCall = input.media() == null ? endpoint.runtimeClient().converseStream(request, handler)
                : input.fetchMedia().thenCompose(ready -> {
                    aggregator.input(ready);
                    return endpoint.runtimeClient().converseStream(request.toBuilder().messages(ready.request().messages()).build(),
                            handler);
                });
        return session.completion(call, sdkCall);
    }

    static ConverseStreamRequest toStreamRequest(ConverseRequest r, EndpointOptions config, String operation) {
        ConverseStreamRequest.Builder b = ConverseStreamRequest.builder()
                .modelId(r.modelId())
                .inferenceConfig(r.inferenceConfig())
                .toolConfig(r.toolConfig())
                .additionalModelRequestFields(r.additionalModelRequestFields())
                .performanceConfig(r.performanceConfig())
                .serviceTier(r.serviceTier())
                .outputConfig(r.outputConfig());
        if (r.hasMessages()) {
            b.messages(r.messages());
        }
        if (r.hasSystem()) {
            b.system(r.system());
        }
        if (r.hasPromptVariables()) {
            b.promptVariables(r.promptVariables());
        }
        if (r.hasAdditionalModelResponseFieldPaths()) {
            b.additionalModelResponseFieldPaths(r.additionalModelResponseFieldPaths());
        }
        if (r.hasRequestMetadata()) {
            b.requestMetadata(r.requestMetadata());
        }
        if (r.guardrailConfig() != null) {
            GuardrailStreamConfiguration.Builder g = GuardrailStreamConfiguration.builder()
                    .guardrailIdentifier(r.guardrailConfig().guardrailIdentifier())
                    .guardrailVersion(r.guardrailConfig().guardrailVersion())
                    .trace(r.guardrailConfig().traceAsString());
            if (config.getGuardrailStreamProcessingMode() != null) {
                g.streamProcessingMode(config.getGuardrailStreamProcessingMode().toString());
            }
            b.guardrailConfig(g.build());
        }
        return b.build();
    }

    @Override
    public void close() {
        deliveries.close();
    }
}
