package dev.camelbedrock.component.embed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.flow.FlowControl;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * {@code embedCoalesceWindow}: gathers the single-text embed exchanges of one endpoint that arrive close together into
 * one InvokeModel call, and hands each exchange its own vector.
 * <ul>
 * <li>Each exchange is checked on the calling thread as it would be alone ({@link EmbedHandler#target}, the text, the
 * family's body) before it is queued: bad input fails that exchange only, before any call.</li>
 * <li>Exchanges are grouped by their {@link EmbedTarget} (model, codec, options, limits): only equal ones share a call.
 * A group's batch is sent when it holds {@code coalesceMaxBatch} texts (on the thread that added the last one) or
 * when the window has passed since its first text (on the component's flow-control scheduler). No thread waits for
 * the window.</li>
 * <li>A batch is one request to the endpoint's {@link FlowControl}: one maxInFlight slot and one rate-control turn.
 * A full batch may block the thread that filled it while the endpoint is full (the same back-pressure as a single
 * exchange); a batch whose window ran out parks on the scheduler instead.</li>
 * <li>The reply's vector i goes to the i-th exchange of the batch (arrival order); exchanges complete in that order.
 * A failed call fails every exchange of the batch with the same typed exception.</li>
 * <li>{@link #close}: the batches not yet sent fail with a {@link RejectedExecutionException}; later exchanges are
 * refused the same way. (Camel's graceful shutdown waits for in-flight exchanges before it stops endpoints, and the
 * window sends the batches meanwhile, so this only meets exchanges that were still queued when the wait gave up.)</li>
 * </ul>
 */
public final class EmbedCoalescer implements AutoCloseable {

    private static final String OPERATION = "embed";

    private final EndpointContext endpoint;
    private final EmbedHandler handler;
    private final long windowNanos;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final Map<EmbedTarget, Batch> open = new HashMap<>();
    private boolean closed;

    /**
     * @param windowMillis how long a batch waits for more texts after its first one (&gt; 0)
     * @param scheduler    where windows run out (the component's flow-control scheduler)
     */
    EmbedCoalescer(EmbedHandler handler, EndpointContext endpoint, long windowMillis, Supplier<ScheduledExecutorService> scheduler) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("embedCoalesceWindow must be positive to coalesce, got " + windowMillis);
        }
        this.endpoint = endpoint;
        this.handler = handler;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        this.scheduler = scheduler;
    }

    /** Whether the exchange is one to coalesce: a single text. Lists, images and anything else go alone. */
    static boolean accepts(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof String;
    }

    /**
     * Checks the exchange and queues it. The callback is called (with {@code false}) once its batch's call ended.
     *
     * @throws dev.camelbedrock.component.error.BedrockInputException when the input is wrong (nothing was queued)
     * @throws RejectedExecutionException                             when the endpoint stopped (nothing was queued)
     */
    void submit(Exchange exchange, BedrockCall call, AsyncCallback callback) {
        EmbedTarget target = handler.target(exchange, call);
        String text = exchange.getMessage().getBody(String.class);
        EmbedInput alone = EmbedHandler.inputs(OPERATION, target.modelId(), text, target.codec(), target.batchLimit()).get(0);
        EmbedHandler.nativeBody(OPERATION, target, alone); // the family's checks, as for the exchange alone
        Batch opened = null;
        Batch full = null;
        synchronized (this) {
            if (closed) {
                throw stopped();
            }
            Batch batch = open.get(target);
            if (batch == null) {
                batch = new Batch(target);
                open.put(target, batch);
                opened = batch;
            }
            batch.items.add(new Item(exchange, callback, text));
            if (batch.items.size() >= target.coalesceMaxBatch()) {
                open.remove(target);
                full = batch;
            }
        }
        if (full != null) {
            send(full);
        } else if (opened != null) {
            startWindow(opened);
        }
    }

    private void startWindow(Batch batch) {
        try {
            scheduler.get().schedule(() -> windowEnded(batch), windowNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            windowEnded(batch); // the scheduler is shutting down: send now rather than leave the batch waiting
        }
    }

    /** Sends the batch unless it was already sent full. */
    private void windowEnded(Batch batch) {
        synchronized (this) {
            if (open.get(batch.target) != batch) {
                return;
            }
            open.remove(batch.target);
        }
        send(batch);
    }

    /** Admits the batch as one request (slot, rate) and sends it; never throws: failures fail the batch's exchanges. */
    private void send(Batch batch) {
        FlowControl.Ticket ticket;
        try {
            ticket = endpoint.flowControl().enter(batch.target.modelId());
        } catch (Exception e) {
            fail(batch, e);
            return;
        }
        CompletableFuture<Void> ready = ticket.ready();
        if (ready == null) {
            call(batch, ticket);
        } else {
            ready.whenComplete((v, failure) -> {
                if (failure != null) {
                    fail(batch, failure);
                } else {
                    call(batch, ticket);
                }
            });
        }
    }

    private void call(Batch batch, FlowControl.Ticket ticket) {
        CompletableFuture<InvokeModelResponse> future;
        try {
            EmbedInput input = EmbedInput.texts(batch.items.stream().map(Item::text).toList());
            future = ticket.start(() -> endpoint.runtimeClient().invokeModel(EmbedHandler.request(OPERATION, batch.target, input)));
        } catch (Exception e) {
            ticket.finish(null);
            fail(batch, e);
            return;
        }
        future.whenComplete((response, failure) -> {
            if (failure != null && ticket.requeue(failure, () -> call(batch, ticket), refused -> fail(batch, refused))) {
                return; // every SDK attempt was throttled: one more turn at the learnt rate, as in the producer
            }
            ticket.finish(failure); // free the slot before the routes go on: they may call this endpoint again
            if (failure != null) {
                fail(batch, failure);
            } else {
                complete(batch, response);
            }
        });
    }

    private void complete(Batch batch, InvokeModelResponse response) {
        EmbedTarget target = batch.target;
        int n = batch.items.size();
        EmbedHandler.CallReply call;
        try {
            call = EmbedHandler.read(OPERATION, target, n, response);
        } catch (Exception e) {
            fail(batch, e);
            return;
        }
        List<List<Float>> vectors = call.reply().vectors();
        int[] tokens = call.inputTokens() == null ? null : shares(call.inputTokens(), batch.items);
        for (int i = 0; i < n; i++) {
            Item item = batch.items.get(i);
            Map<String, Object> byType = new LinkedHashMap<>();
            int k = i;
            call.reply().byType().forEach((type, v) -> byType.put(type, v.get(k)));
            Message message = item.exchange.getMessage();
            EmbedHandler.setResult(message, vectors.get(i), vectors.get(i).size(), target.modelId(),
                    tokens == null ? null : tokens[i], call.requestId(), byType);
            message.setHeader(BedrockHeaders.EMBEDDING_BATCH_SIZE, n);
            message.setHeader(BedrockHeaders.EMBEDDING_BATCH_INPUT_TOKENS, call.inputTokens());
        }
        batch.items.forEach(item -> item.callback.done(false));
    }

    /**
     * The call's input tokens split over its texts by length (largest remainders), so the shares add up to the total:
     * summing CamelBedrockInputTokens over the exchanges gives what Bedrock counted.
     */
    static int[] shares(int total, List<Item> items) {
        int n = items.size();
        long chars = 0;
        for (Item item : items) {
            chars += item.text.length();
        }
        int[] shares = new int[n];
        double[] remainders = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double exact = chars == 0 ? (double) total / n : (double) total * items.get(i).text.length() / chars;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
        }
        return shares;
    }

    private void fail(Batch batch, Throwable failure) {
        for (Item item : batch.items) {
            item.exchange.setException(BedrockErrors.map(failure, OPERATION, batch.target.modelId()));
        }
        batch.items.forEach(item -> item.callback.done(false));
    }

    private static RejectedExecutionException stopped() {
        return new RejectedExecutionException("the bedrock endpoint stopped while the exchange waited to be coalesced into"
                                              + " an embed call (embedCoalesceWindow); it was not sent");
    }

    /** Refuses new exchanges and fails the queued ones, unsent. */
    @Override
    public void close() {
        List<Batch> unsent;
        synchronized (this) {
            closed = true;
            unsent = new ArrayList<>(open.values());
            open.clear();
        }
        unsent.forEach(batch -> fail(batch, stopped()));
    }

    /** Exchanges queued and not yet sent; for tests and diagnostics. */
    public synchronized int queued() {
        return open.values().stream().mapToInt(b -> b.items.size()).sum();
    }

    /** One exchange waiting in a batch. */
    record Item(Exchange exchange, AsyncCallback callback, String text) {
    }

    /** The exchanges of one target gathered for one call, in arrival order. */
    private static final class Batch {
        final EmbedTarget target;
        final List<Item> items = new ArrayList<>();

        Batch(EmbedTarget target) {
            this.target = target;
        }
    }
}
