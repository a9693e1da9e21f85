package dev.camelbedrock.component.converse;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import dev.camelbedrock.component.BedrockCall;
import dev.camelbedrock.component.BedrockConfiguration;
import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.error.BedrockInputException;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceHelper;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;

/**
 * {@code bedrock:converseStream}. Two ways to receive the deltas while the model generates:
 * <ul>
 * <li>default: the body becomes a {@link ChatStream} (an Iterator of text deltas) as soon as Bedrock starts answering;
 * the route reads it with {@code split(body()).streaming()}.</li>
 * <li>{@code streamTo}: every delta (text, tool input JSON, reasoning) is sent, in order, as its own exchange to that
 * endpoint; the next delta is requested only when the previous one was processed. The exchange then completes at the
 * end of the stream with the whole text as the body.</li>
 * </ul>
 * If the SDK retries a stream (a throttlingException event) after deltas already reached the route, the stream fails
 * instead: delivering the same deltas twice would corrupt what the route built from them.
 */
public class ConverseStreamHandler implements BedrockOperationHandler, AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConverseStreamHandler.class);

    private final BedrockEndpoint endpoint;
    private final ConverseRequestFactory requests;
    private volatile AsyncProducer streamToProducer;
    private volatile Endpoint streamToEndpoint;
    private volatile ExecutorService readers;

    public ConverseStreamHandler(BedrockEndpoint endpoint) {
        this.endpoint = endpoint;
        this.requests = new ConverseRequestFactory(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation().name();
        ConverseInput input = requests.create(exchange, operation);
        call.modelId(input.modelId());
        ConverseStreamRequest request = toStreamRequest(input.request(), endpoint.getConfiguration(), operation);
        if (endpoint.getConfiguration().getStreamTo() != null) {
            return new EndpointSession(exchange, input, operation, streamToProducer(operation, input.modelId())).start(request, call);
        }
        return new IteratorSession(exchange, input, operation, readers()).start(request, call);
    }

    static ConverseStreamRequest toStreamRequest(ConverseRequest r, BedrockConfiguration config, String operation) {
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
                g.streamProcessingMode(ConverseRequestFactory.requireOneOf(operation, r.modelId(),
                        "guardrailStreamProcessingMode", config.getGuardrailStreamProcessingMode(), "sync", "async"));
            }
            b.guardrailConfig(g.build());
        }
        return b.build();
    }

    private AsyncProducer streamToProducer(String operation, String modelId) {
        AsyncProducer p = streamToProducer;
        if (p == null) {
            synchronized (this) {
                p = streamToProducer;
                if (p == null) {
                    String uri = endpoint.getConfiguration().getStreamTo();
                    try {
                        streamToEndpoint = endpoint.getCamelContext().getEndpoint(uri);
                        if (streamToEndpoint == null) {
                            throw new IllegalArgumentException("no endpoint for " + uri);
                        }
                        p = streamToEndpoint.createAsyncProducer();
                        ServiceHelper.startService(p);
                    } catch (Exception e) {
                        throw new BedrockInputException(operation, modelId, "option streamTo is '" + uri
                                + "', which is not an endpoint this CamelContext can send to: " + e.getMessage(), e);
                    }
                    streamToProducer = p;
                }
            }
        }
        return p;
    }

    private ExecutorService readers() {
        ExecutorService e = readers;
        if (e == null) {
            synchronized (this) {
                e = readers;
                if (e == null) {
                    // the route continues here and blocks while it reads the iterator: never on an SDK or Netty thread
                    e = endpoint.getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "BedrockStreamReader");
                    readers = e;
                }
            }
        }
        return e;
    }

    @Override
    public void close() {
        ServiceHelper.stopService(streamToProducer);
        streamToProducer = null;
        if (readers != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdown(readers);
            readers = null;
        }
    }

    /** The parts both delivery modes share: one subscription, serialized demand, retry detection, the final result. */
    private abstract class Session implements ConverseStreamResponseHandler {
        final Exchange exchange;
        final ConverseInput input;
        final String operation;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final ConverseStreamAggregator aggregator = new ConverseStreamAggregator(this::deliver);
        private final Object demandLock = new Object();
        private Subscription subscription;
        private boolean cancelled;
        private int attempts;
        private volatile Throwable lastAttemptError;
        volatile boolean terminated;
        volatile String requestId;
        /** Set while one event is processed: whether the event's delta took over requesting the next event. */
        private boolean demandDeferred;

        Session(Exchange exchange, ConverseInput input, String operation) {
            this.exchange = exchange;
            this.input = input;
            this.operation = operation;
        }

        CompletableFuture<Void> start(ConverseStreamRequest request, BedrockCall call) {
            CompletableFuture<Void> sdkCall = endpoint.runtimeClient().converseStream(request, this);
            call.endsWith(sdkCall); // the stream holds its in-flight slot until it ends, not until the body is handed over
            sdkCall.whenComplete((v, failure) -> {
                if (terminated) {
                    return;
                }
                LOG.debug("converseStream {} call completed: {}", input.modelId(), failure == null ? "ok" : failure.toString());
                if (failure != null) {
                    terminate(failure);
                } else {
                    finish();
                }
            });
            return done;
        }

        abstract long initialDemand();

        /** Hands one delta on; returns true when the delta will request the next event itself once delivered. */
        abstract boolean offer(StreamDelta delta);

        abstract void onStarted();

        abstract void finish();

        abstract void fail(Exception mapped);

        void terminate(Throwable failure) {
            terminated = true;
            fail(BedrockErrors.map(failure, operation, input.modelId()));
        }

        private void deliver(StreamDelta delta) {
            if (offer(delta)) {
                demandDeferred = true;
            }
        }

        public void request(long n) {
            synchronized (demandLock) {
                if (subscription != null && !cancelled) {
                    subscription.request(n);
                }
            }
        }

        public void cancel() {
            synchronized (demandLock) {
                cancelled = true;
                if (subscription != null) {
                    try {
                        subscription.cancel();
                    } catch (RuntimeException e) {
                        LOG.debug("Cancelling a finished stream subscription failed: {}", e.toString());
                    }
                }
            }
        }

        @Override
        public void responseReceived(ConverseStreamResponse response) {
            requestId = response.responseMetadata().requestId();
            attempts++;
            LOG.debug("converseStream {} attempt {} started (request id {}), {} deltas delivered so far",
                    input.modelId(), attempts, requestId, aggregator.deltaCount());
            if (attempts > 1) {
                if (aggregator.deltaCount() > 0) {
                    // the SDK is retrying a stream the route has already seen part of
                    Throwable cause = lastAttemptError != null ? lastAttemptError
                            : new RuntimeCamelException("the stream was interrupted and retried");
                    LOG.debug("converseStream {}: not resuming a retried stream after {} deltas", input.modelId(),
                            aggregator.deltaCount());
                    terminate(cause);
                    cancel();
                    return;
                }
                aggregator.reset();
            } else {
                onStarted();
            }
        }

        @Override
        public void onEventStream(SdkPublisher<ConverseStreamOutput> publisher) {
            publisher.subscribe(new Subscriber<>() {
                @Override
                public void onSubscribe(Subscription s) {
                    synchronized (demandLock) {
                        if (subscription != null && subscription != s) {
                            // a retried attempt: the old subscription is gone with its connection
                            cancelled = terminated;
                        }
                        subscription = s;
                        if (cancelled) {
                            s.cancel();
                            return;
                        }
                    }
                    request(initialDemand());
                }

                @Override
                public void onNext(ConverseStreamOutput event) {
                    if (terminated) {
                        return;
                    }
                    demandDeferred = false;
                    event.accept(aggregator);
                    if (!demandDeferred) {
                        request(1);
                    }
                }

                @Override
                public void onError(Throwable t) {
                    lastAttemptError = t;
                }

                @Override
                public void onComplete() {
                }
            });
        }

        @Override
        public void exceptionOccurred(Throwable throwable) {
            lastAttemptError = throwable;
        }

        @Override
        public void complete() {
        }

        void applyResult(org.apache.camel.Message message) {
            ConverseResults.apply(message, input, aggregator.message(), aggregator.stopReason(), aggregator.usage(),
                    aggregator.latencyMs(), aggregator.guardrailTrace(), requestId);
        }
    }

    /** Default mode: the body is a ChatStream that the route iterates. */
    private final class IteratorSession extends Session implements ChatStream.Upstream {
        private final ChatStream stream = new ChatStream();
        private final ExecutorService readers;
        private volatile boolean started;

        IteratorSession(Exchange exchange, ConverseInput input, String operation, ExecutorService readers) {
            super(exchange, input, operation);
            this.readers = readers;
            stream.upstream(this);
        }

        @Override
        long initialDemand() {
            return Math.max(1, endpoint.getConfiguration().getStreamBufferSize());
        }

        @Override
        boolean offer(StreamDelta delta) {
            if (StreamDelta.TEXT.equals(delta.type())) {
                stream.offer(delta.text());
                return true;
            }
            return false;
        }

        @Override
        void onStarted() {
            started = true;
            exchange.getMessage().setBody(stream);
            exchange.getMessage().setHeader(BedrockHeaders.REQUEST_ID, requestId);
            readers.execute(() -> done.complete(null));
        }

        @Override
        void finish() {
            terminated = true;
            stream.end();
        }

        @Override
        void fail(Exception mapped) {
            if (!started) {
                done.completeExceptionally(mapped);
            } else {
                stream.fail(mapped instanceof RuntimeException re ? re : new RuntimeCamelException(mapped));
            }
        }

        @Override
        public void onEnd() {
            // on the reading thread: the same thread that continues the route after the split
            applyResult(exchange.getMessage());
            exchange.getMessage().setHeader(BedrockHeaders.RESPONSE_TEXT, stream.getText());
        }
    }

    /** streamTo mode: each delta is an exchange sent to an endpoint; the original exchange completes at the end. */
    private final class EndpointSession extends Session {
        private final AsyncProducer target;
        private final Map<String, Object> originalHeaders;
        private int chunkIndex;

        EndpointSession(Exchange exchange, ConverseInput input, String operation, AsyncProducer target) {
            super(exchange, input, operation);
            this.target = target;
            this.originalHeaders = new HashMap<>(exchange.getMessage().getHeaders());
        }

        @Override
        long initialDemand() {
            return 1; // one event at a time: the next is requested when the previous delta was processed
        }

        @Override
        void onStarted() {
        }

        @Override
        boolean offer(StreamDelta delta) {
            Exchange chunk = streamToEndpoint.createExchange();
            chunk.getMessage().setHeaders(new HashMap<>(originalHeaders));
            chunk.getMessage().setHeader(BedrockHeaders.STREAM_EVENT_TYPE, delta.type());
            chunk.getMessage().setHeader(BedrockHeaders.STREAM_CHUNK_INDEX, chunkIndex++);
            chunk.getMessage().setHeader(BedrockHeaders.STREAM_CONTENT_BLOCK_INDEX, delta.contentBlockIndex());
            if (delta.toolName() != null) {
                chunk.getMessage().setHeader(BedrockHeaders.STREAM_TOOL_NAME, delta.toolName());
            }
            chunk.getMessage().setBody(delta.text());
            target.process(chunk, doneSync -> {
                if (chunk.getException() != null) {
                    // fail first: cancelling lets the SDK future complete normally, which must not finish the exchange
                    if (!terminated) {
                        terminated = true;
                        done.completeExceptionally(chunk.getException());
                    }
                    cancel();
                } else {
                    request(1);
                }
            });
            return true;
        }

        @Override
        void finish() {
            terminated = true;
            var message = exchange.getMessage();
            applyResult(message);
            message.setBody(ConverseResults.text(aggregator.message()));
            done.complete(null);
        }

        @Override
        void fail(Exception mapped) {
            done.completeExceptionally(mapped);
        }
    }
}
