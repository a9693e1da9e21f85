package dev.camelbedrock.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts of the Bedrock API operations (the {@code /_emulator} admin API is not counted). A model
 * is counted under the id exactly as the client sent it (percent-decoded), e.g. a cross-region profile id
 * and its base id are counted separately.
 */
public final class EmulatorStats {

    private final LongAdder total = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> byModel = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> byOperationAndModel =
            new ConcurrentHashMap<>();
    private final LongAdder throttled = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> throttledByModel = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> authFailures = new ConcurrentHashMap<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final LongAdder connectionsAccepted = new LongAdder();

    /** Records one request; {@code modelId} may be null for operations without a model. */
    public void record(String operation, String modelId) {
        total.increment();
        byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (modelId != null) {
            byModel.computeIfAbsent(modelId, k -> new LongAdder()).increment();
            byOperationAndModel.computeIfAbsent(operation, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(modelId, k -> new LongAdder()).increment();
        }
    }

    /** Records a request that a quota answered with 429 ThrottlingException. */
    public void recordThrottled(String modelId) {
        throttled.increment();
        if (modelId != null) {
            throttledByModel.computeIfAbsent(modelId, k -> new LongAdder()).increment();
        }
    }

    /** A request was received: one more open request. */
    public void requestOpened() {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    /** A response was completed (or its connection closed). */
    public void requestClosed() {
        inFlight.decrementAndGet();
    }

    /** A client connected (a TCP connection, HTTP/1.1 or HTTP/2). */
    public void connectionOpened() {
        openConnections.incrementAndGet();
        connectionsAccepted.increment();
    }

    /** A client connection was closed, by either side. */
    public void connectionClosed() {
        openConnections.decrementAndGet();
    }

    /** Client connections open now (not cleared by {@link #reset()}): what a client that was closed left behind. */
    public int openConnections() {
        return openConnections.get();
    }

    /** Client connections accepted since start or the last {@link #reset()}. */
    public long connectionsAccepted() {
        return connectionsAccepted.sum();
    }

    /** Requests answered 429 by a quota. */
    public long throttled() {
        return throttled.sum();
    }

    /** Requests for this model (id as sent) answered 429 by a quota. */
    public long throttled(String modelId) {
        LongAdder a = throttledByModel.get(modelId);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> throttledByModel() {
        return snapshot(throttledByModel);
    }

    /** Bedrock requests open right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most requests that were open at once since start or the last {@link #reset()}. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Records an injected fault, by {@link Fault#label()} (error code, stream exception, reset, delay, cut, malformed). */
    public void recordFault(String label) {
        faults.computeIfAbsent(label, k -> new LongAdder()).increment();
    }

    /** Records a request refused by strict auth, by error code (such requests are not counted as operations). */
    public void recordAuthFailure(String code) {
        authFailures.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    /** Injected faults by label. */
    public Map<String, Long> faultsInjected() {
        return snapshot(faults);
    }

    /** Injected faults of one label, e.g. {@code ThrottlingException} or {@code reset}. */
    public long faultsInjected(String label) {
        LongAdder a = faults.get(label);
        return a == null ? 0 : a.sum();
    }

    /** Requests refused by strict auth, by error code ({@code InvalidSignatureException}, ...). */
    public Map<String, Long> authFailures() {
        return snapshot(authFailures);
    }

    public long total() {
        return total.sum();
    }

    public long count(String operation) {
        LongAdder a = byOperation.get(operation);
        return a == null ? 0 : a.sum();
    }

    public long count(String operation, String modelId) {
        Map<String, LongAdder> m = byOperationAndModel.get(operation);
        LongAdder a = m == null ? null : m.get(modelId);
        return a == null ? 0 : a.sum();
    }

    /** Requests for a model over all operations. */
    public long countModel(String modelId) {
        LongAdder a = byModel.get(modelId);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> byOperation() {
        return snapshot(byOperation);
    }

    public Map<String, Long> byModel() {
        return snapshot(byModel);
    }

    public Map<String, Map<String, Long>> byOperationAndModel() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        byOperationAndModel.forEach((op, m) -> out.put(op, snapshot(m)));
        return out;
    }

    public void reset() {
        total.reset();
        byOperation.clear();
        byModel.clear();
        byOperationAndModel.clear();
        throttled.reset();
        throttledByModel.clear();
        connectionsAccepted.reset();
        maxInFlight.set(inFlight.get());
        faults.clear();
        authFailures.clear();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public String toString() {
        return "EmulatorStats{total=" + total() + ", byOperation=" + byOperation() + ", byModel=" + byModel() + ", throttled="
               + throttled() + ", inFlight=" + inFlight() + ", maxInFlight=" + maxInFlight()
               + ", openConnections=" + openConnections() + ", connectionsAccepted=" + connectionsAccepted()
               + ", faultsInjected=" + faultsInjected() + ", authFailures=" + authFailures() + "}";
    }
}
