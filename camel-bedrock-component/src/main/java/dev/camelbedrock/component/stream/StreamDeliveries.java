package dev.camelbedrock.component.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceHelper;

/**
 * How a streaming operation hands its deltas to the route, and the resources that takes. Two modes:
 * <ul>
 * <li>default: the body becomes a {@link ChatStream} (an Iterator) as soon as Bedrock starts answering; the route
 * reads it with {@code split(body()).streaming()}, and reading more requests more from Bedrock.</li>
 * <li>{@code streamTo}: every delta is sent, in order, as its own exchange to that endpoint; the next delta is
 * requested only when the previous one was processed. The exchange then completes at the end of the stream with the
 * whole result as the body.</li>
 * </ul>
 * With {@code streamRestartAfterDeltas}, a stream the SDK retries after deltas reached the route starts over: the
 * iterator marks where the restarted attempt begins ({@link ChatStream#isRestarted()}), the streamTo exchanges carry
 * {@code CamelBedrockStreamAttempt} and {@code CamelBedrockStreamRestarted}, and both headers reach the exchange at
 * the end. One instance per streaming handler; it owns the reader threads and the streamTo producer, and closes them.
 */
public final class StreamDeliveries implements AutoCloseable {

    private final EndpointContext endpoint;
    private volatile AsyncProducer streamToProducer;
    private volatile Endpoint streamToEndpoint;
    private volatile ExecutorService readers;

    public StreamDeliveries(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    /** A session for one streamed call, in the mode the endpoint's streamTo option selects. */
    public <E> StreamSession<E> open(Exchange exchange, String operation, String modelId, StreamFold<E> fold) {
        boolean restart = endpoint.getConfiguration().isStreamRestartAfterDeltas();
        if (endpoint.getConfiguration().getStreamTo() != null) {
            return new EndpointSession<>(exchange, operation, modelId, fold, restart, streamToProducer(operation, modelId),
                    streamToEndpoint);
        }
        return new IteratorSession<>(exchange, operation, modelId, fold, restart, readers(),
                Math.max(1, endpoint.getConfiguration().getStreamBufferSize()));
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

    /** Default mode: the body is a ChatStream that the route iterates. */
    private static final class IteratorSession<E> extends StreamSession<E> implements ChatStream.Upstream {
        private final ChatStream stream = new ChatStream();
        private final ExecutorService readers;
        private final int bufferSize;
        private volatile boolean started;

        IteratorSession(Exchange exchange, String operation, String modelId, StreamFold<E> fold, boolean restart,
                        ExecutorService readers, int bufferSize) {
            super(exchange, operation, modelId, fold, restart);
            this.readers = readers;
            this.bufferSize = bufferSize;
            stream.upstream(this);
        }

        @Override
        long initialDemand() {
            // a restarted attempt may find deltas of the previous one still unread: each requests one more when read
            return Math.max(0, bufferSize - stream.buffered());
        }

        @Override
        void onRestart(int attempt) {
            stream.restart(attempt);
        }

        @Override
        Executor continuation() {
            return readers; // the route reads the body while the stream is open: on a reader, always
        }

        @Override
        boolean offer(StreamDelta delta) {
            if (delta.iterated()) {
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
            done.complete(null); // the exchange continues on a reader (continuation()), not on this SDK thread
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
        public void request(long n) {
            super.request(n);
        }

        @Override
        public void cancel() {
            super.cancel();
        }

        @Override
        public void onEnd() {
            // on the reading thread: the same thread that continues the route after the split
            fold.applyResult(exchange.getMessage(), requestId);
            applyAttempt(exchange.getMessage());
            if (fold.result() instanceof String) {
                exchange.getMessage().setHeader(BedrockHeaders.RESPONSE_TEXT, stream.getText());
            }
            settle(null);
        }
    }

    /** streamTo mode: each delta is an exchange sent to an endpoint; the original exchange completes at the end. */
    private static final class EndpointSession<E> extends StreamSession<E> {
        private final AsyncProducer target;
        private final Endpoint targetEndpoint;
        private final Map<String, Object> originalHeaders;
        private int chunkIndex;
        private boolean restartPending;
        /** A delta exchange is being processed (guarded by demandLock): a restarted attempt must wait for it. */
        private boolean deltaInFlight;

        EndpointSession(Exchange exchange, String operation, String modelId, StreamFold<E> fold, boolean restart,
                        AsyncProducer target, Endpoint targetEndpoint) {
            super(exchange, operation, modelId, fold, restart);
            this.target = target;
            this.targetEndpoint = targetEndpoint;
            this.originalHeaders = new HashMap<>(exchange.getMessage().getHeaders());
        }

        @Override
        long initialDemand() {
            // one event at a time: the next is requested when the previous delta was processed; so a restarted attempt
            // whose predecessor's last delta is still being processed leaves the request to that delta's completion
            return deltaInFlight ? 0 : 1;
        }

        @Override
        void onRestart(int attempt) {
            chunkIndex = 0;
            restartPending = true;
        }

        @Override
        Executor continuation() {
            return null; // the exchange completes when the stream has ended: nothing after it waits for Bedrock
        }

        @Override
        void onStarted() {
        }

        @Override
        boolean offer(StreamDelta delta) {
            Exchange chunk = targetEndpoint.createExchange();
            chunk.getMessage().setHeaders(new HashMap<>(originalHeaders));
            chunk.getMessage().setHeader(BedrockHeaders.STREAM_EVENT_TYPE, delta.type());
            chunk.getMessage().setHeader(BedrockHeaders.STREAM_CHUNK_INDEX, chunkIndex++);
            chunk.getMessage().setHeader(BedrockHeaders.STREAM_ATTEMPT, attempt);
            chunk.getMessage().setHeader(BedrockHeaders.STREAM_RESTARTED, restartPending);
            restartPending = false;
            chunk.getMessage().setHeader(BedrockHeaders.STREAM_CONTENT_BLOCK_INDEX, delta.contentBlockIndex());
            if (delta.toolName() != null) {
                chunk.getMessage().setHeader(BedrockHeaders.STREAM_TOOL_NAME, delta.toolName());
            }
            chunk.getMessage().setBody(delta.text());
            synchronized (demandLock) {
                deltaInFlight = true;
            }
            target.process(chunk, doneSync -> {
                if (chunk.getException() != null) {
                    // fail first: cancelling lets the SDK future complete normally, which must not finish the exchange
                    if (!terminated) {
                        terminated = true;
                        settle(chunk.getException());
                        done.completeExceptionally(chunk.getException());
                    }
                    cancel();
                } else {
                    synchronized (demandLock) {
                        deltaInFlight = false;
                        request(1);
                    }
                }
            });
            return true;
        }

        @Override
        void finish() {
            terminated = true;
            var message = exchange.getMessage();
            fold.applyResult(message, requestId);
            applyAttempt(message);
            message.setBody(fold.result());
            settle(null);
            done.complete(null);
        }

        @Override
        void fail(Exception mapped) {
            done.completeExceptionally(mapped);
        }
    }
}
