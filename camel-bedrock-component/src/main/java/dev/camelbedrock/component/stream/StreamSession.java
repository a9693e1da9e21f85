package dev.camelbedrock.component.stream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockClientException;
import dev.camelbedrock.component.error.BedrockErrors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One streamed call, whichever SDK stream it is: one subscription with serialized demand, detection of an SDK retry
 * after deltas already reached the route (by default the stream then fails rather than deliver the same deltas twice;
 * with {@code streamRestartAfterDeltas} the fold starts over and the delivery tells the route that the text restarts,
 * see {@link #onRestart}), and the final result. The SDK response handler of the operation forwards to {@link #responseReceived}, {@link #subscriber}
 * and {@link #attemptFailed}; {@link #completion} turns the SDK's future into the exchange's completion. The two
 * delivery modes (iterator body, streamTo endpoint) are the subclasses made by {@link StreamDeliveries}.
 *
 * @param <E> the SDK event type
 */
public abstract class StreamSession<E> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSession.class);

    final Exchange exchange;
    final String operation;
    final String modelId;
    final StreamFold<E> fold;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Guards the subscription and every request made to it; a subclass holds it to make its own demand decisions atomic. */
    final Object demandLock = new Object();
    private final boolean restartAfterDeltas;
    private Subscription subscription;
    private boolean cancelled;
    /** The SDK's attempts so far (each HTTP response). */
    private int sdkAttempts;
    /** Deltas delivered since the route's attempt began. */
    private int deltaCount;
    /**
     * The attempt the route sees, from 1: it grows only when a retry restarts a stream whose deltas reached the route
     * (a retry before the first delta replaces the failed attempt unseen).
     */
    volatile int attempt = 1;
    private volatile Throwable lastAttemptError;
    volatile boolean terminated;
    volatile String requestId;
    /** Set while one event is processed: whether the event's delta took over requesting the next event. */
    private boolean demandDeferred;
    /** The call this session streams (set by {@link #completion}) and when its first delta came (nanoTime, 0 = none yet). */
    private volatile BedrockCall call;
    private volatile long firstDeltaNanos;

    StreamSession(Exchange exchange, String operation, String modelId, StreamFold<E> fold, boolean restartAfterDeltas) {
        this.exchange = exchange;
        this.operation = operation;
        this.modelId = modelId;
        this.fold = fold;
        this.restartAfterDeltas = restartAfterDeltas;
    }

    /**
     * The exchange's completion, given the SDK's future for the whole streamed call. Tells {@code call} that the call
     * ends with the SDK's future (the in-flight slot is held until the stream ends, not until the body is handed over)
     * and where the exchange continues ({@link #continuation()}).
     */
    public CompletableFuture<Void> completion(BedrockCall call, CompletableFuture<Void> sdkCall) {
        call.endsWith(sdkCall);
        call.continuesOn(continuation());
        this.call = call;
        if (firstDeltaNanos != 0) {
            call.firstChunk(firstDeltaNanos); // the first delta came before the call was handed over
        }
        sdkCall.whenComplete((v, failure) -> {
            if (terminated) {
                return;
            }
            LOG.debug("{} {} call completed: {}", operation, modelId, failure == null ? "ok" : failure.toString());
            if (failure != null) {
                terminate(failure);
            } else if (!fold.complete()) {
                terminate(new BedrockClientException(operation + " on model " + modelId + ": the stream ended before the"
                        + " model finished (no end-of-message event); the connection or the stream was cut", operation, modelId, null));
            } else {
                finish();
            }
        });
        return done;
    }

    /** How many events to request from a new attempt's subscription (called holding {@link #demandLock}); may be 0. */
    abstract long initialDemand();

    /** The executor the exchange must continue on, or null where it may continue on whichever thread completes it. */
    abstract Executor continuation();

    /** Hands one delta on; returns true when the delta will request the next event itself once delivered. */
    abstract boolean offer(StreamDelta delta);

    abstract void onStarted();

    /**
     * The SDK retries a stream whose deltas reached the route, and streamRestartAfterDeltas lets it: the fold has been
     * reset, and the deltas that follow belong to {@code attempt}; the delivery must tell the route the text restarts.
     */
    abstract void onRestart(int attempt);

    /** Writes the attempt headers (the attempt that completed, whether the text restarted) onto the final message. */
    void applyAttempt(Message message) {
        message.setHeader(BedrockHeaders.STREAM_ATTEMPT, attempt);
        message.setHeader(BedrockHeaders.STREAM_RESTARTED, attempt > 1);
    }

    abstract void finish();

    abstract void fail(Exception mapped);

    void terminate(Throwable failure) {
        terminated = true;
        Exception mapped = BedrockErrors.map(failure, operation, modelId);
        fail(mapped);
        settle(mapped);
    }

    /** The results are on the exchange (null), or the stream failed: observers of the call may read them now. */
    void settle(Throwable failure) {
        BedrockCall c = call;
        if (c != null) {
            c.settle(failure);
        }
    }

    private void deliver(StreamDelta delta) {
        if (firstDeltaNanos == 0) {
            firstDeltaNanos = System.nanoTime();
            BedrockCall c = call;
            if (c != null) {
                c.firstChunk(firstDeltaNanos);
            }
        }
        deltaCount++;
        if (offer(delta)) {
            demandDeferred = true;
        }
    }

    void request(long n) {
        synchronized (demandLock) {
            if (subscription != null && !cancelled) {
                subscription.request(n);
            }
        }
    }

    void cancel() {
        synchronized (demandLock) {
            cancelled = true;
            if (subscription != null) {
                try {
                    subscription.cancel();
                } catch (RuntimeException e) {
                    // the subscription of a finished attempt may refuse; there is nothing left to stop
                }
            }
        }
    }

    /** The SDK received the HTTP response of an attempt (once per attempt: the SDK may retry a stream). */
    public void responseReceived(String requestId) {
        this.requestId = requestId;
        sdkAttempts++;
        LOG.debug("{} {} SDK attempt {} started (request id {}), {} deltas of attempt {} delivered so far", operation, modelId,
                sdkAttempts, requestId, deltaCount, attempt);
        if (sdkAttempts > 1) {
            if (deltaCount > 0 && restartAfterDeltas) {
                // the route has seen part of the stream, and opted in to see it start over
                attempt++;
                deltaCount = 0;
                LOG.debug("{} {}: the retried stream restarts as attempt {}", operation, modelId, attempt);
                fold.reset();
                onRestart(attempt);
                return;
            }
            if (deltaCount > 0) {
                // the SDK is retrying a stream the route has already seen part of
                String why = "the SDK retried the stream after " + deltaCount + " deltas had reached the route, and a"
                             + " restart would deliver them again; set streamRestartAfterDeltas=true to let it start over";
                Throwable cause = lastAttemptError;
                if (cause == null) {
                    cause = new RuntimeCamelException(why);
                } else {
                    cause.addSuppressed(new RuntimeCamelException(why)); // the typed error stays; its stack trace says what to do
                }
                LOG.debug("{} {}: not resuming a retried stream after {} deltas", operation, modelId, deltaCount);
                terminate(cause);
                cancel();
                return;
            }
            fold.reset();
        } else {
            onStarted();
        }
    }

    /** An attempt failed; the SDK may retry it, else the call's future fails with it. */
    public void attemptFailed(Throwable failure) {
        lastAttemptError = failure;
    }

    /** The subscriber for the event publisher of an attempt. */
    public Subscriber<E> subscriber() {
        return new Subscriber<>() {
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
                    // under the lock: a delivery still busy with the previous attempt decides atomically with this
                    long n = initialDemand();
                    if (n > 0) {
                        s.request(n);
                    }
                }
            }

            @Override
            public void onNext(E event) {
                if (terminated) {
                    return;
                }
                demandDeferred = false;
                fold.accept(event, StreamSession.this::deliver);
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
        };
    }
}
