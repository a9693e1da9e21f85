package dev.camelbedrock.component.invoke;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.stream.StreamDeliveries;
import dev.camelbedrock.component.stream.StreamSession;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/**
 * {@code bedrock:invokeModelStream}: InvokeModelWithResponseStream, delivered the way converseStream delivers (an
 * iterator body for {@code split(body()).streaming()}, or one exchange per delta with {@code streamTo}), with the same
 * back-pressure and the same refusal to deliver deltas twice after an SDK retry (or, with
 * {@code streamRestartAfterDeltas=true}, the same marked restart). A raw body streams each chunk's JSON;
 * a prompt streams text deltas, and the stop reason and usage are set at the end.
 */
public class InvokeModelStreamHandler implements BedrockOperationHandler, AutoCloseable {

    private final EndpointContext endpoint;
    private final InvokeRequestFactory requests;
    private final StreamDeliveries deliveries;

    public InvokeModelStreamHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.requests = new InvokeRequestFactory(endpoint);
        this.deliveries = new StreamDeliveries(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        InvokeInput input = requests.create(exchange, operation);
        call.modelId(input.modelId());
        ModelLookup.requireStreaming(operation, input.modelId());
        InvokeStreamFold fold = new InvokeStreamFold(input.codec());
        StreamSession<ResponseStream> session = deliveries.open(exchange, operation, input.modelId(), fold);
        InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .onResponse(r -> {
                    fold.contentType(r.contentType());
                    session.responseReceived(r.responseMetadata().requestId());
                })
                .onEventStream(publisher -> publisher.subscribe(session.subscriber()))
                .onError(session::attemptFailed)
                .build();
        CompletableFuture<Void> sdkCall = endpoint.runtimeClient().invokeModelWithResponseStream(toStreamRequest(input.request()), handler);
        return session.completion(call, sdkCall);
    }

    static InvokeModelWithResponseStreamRequest toStreamRequest(InvokeModelRequest r) {
        return InvokeModelWithResponseStreamRequest.builder()
                .modelId(r.modelId())
                .body(r.body())
                .contentType(r.contentType())
                .accept(r.accept())
                .trace(r.traceAsString())
                .guardrailIdentifier(r.guardrailIdentifier())
                .guardrailVersion(r.guardrailVersion())
                .performanceConfigLatency(r.performanceConfigLatencyAsString())
                .serviceTier(r.serviceTierAsString())
                .requestMetadata(r.requestMetadata())
                .build();
    }

    @Override
    public void close() {
        deliveries.close();
    }
}
