package dev.camelbedrock.emulator.core;

import dev.camelbedrock.emulator.Quota;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per-model quotas, enforced with two token buckets per model id (as sent): one for requests, one for tokens.
 * A bucket holds {@code burstSeconds} of its per-minute rate (at least one request or one token) and refills
 * continuously at rate/60 per second, so a quota of 120 requests/min lets 2 requests through at once and then one
 * every 500 ms: a minute's quota, enforced second by second (the service's own window is not public).
 * <p>
 * A request is admitted when the request bucket holds a whole request and the token bucket holds the request's
 * estimated tokens (or is full); both are then debited. The estimate is what the body can tell before the model
 * runs ({@code ceil(bytes / 4)}); when the operation later reports the real count (input plus output), the token
 * bucket is debited or credited the difference and may go into debt, which holds off the next requests until it
 * has refilled. The first matching quota (in the order they were added) applies. Thread-safe.
 */
public final class QuotaRegistry {

    /** Copy-on-write: read on every request without a lock. */
    private volatile List<Quota> quotas = List.of();
    /** Quota model (id or pattern) → model id as sent → its buckets. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Buckets>> buckets = new ConcurrentHashMap<>();

    public List<Quota> list() {
        return quotas;
    }

    /** Replaces every quota; buckets start full again. */
    public synchronized void set(List<Quota> all) {
        quotas = List.of();
        buckets.clear();
        all.forEach(this::add);
    }

    /** Adds a quota, replacing one for the same model id or pattern; that model's buckets start full again. */
    public synchronized void add(Quota quota) {
        List<Quota> next = new ArrayList<>(quotas);
        next.removeIf(q -> q.model().equals(quota.model()));
        next.add(quota);
        quotas = List.copyOf(next);
        buckets.remove(quota.model());
    }

    /** Removes every quota. */
    public synchronized void clear() {
        quotas = List.of();
        buckets.clear();
    }

    /** Refills every bucket (quotas stay). */
    public void refill() {
        buckets.clear();
    }

    /**
     * Admits one request for a model (the id as sent; {@code baseId} resolves its base id when a quota is set) or not. Returns {@code null} when no quota applies (nothing to settle later),
     * else an admission that says whether the request may proceed.
     */
    public Admission admit(String modelId, Supplier<String> baseId, long estimatedTokens) {
        if (modelId == null) {
            return null;
        }
        List<Quota> all = quotas;
        if (all.isEmpty()) {
            return null;
        }
        String base = baseId.get();
        Quota quota = null;
        for (Quota q : all) {
            if (q.matches(modelId, base)) {
                quota = q;
                break;
            }
        }
        if (quota == null) {
            return null;
        }
        Quota applied = quota;
        Buckets b = buckets.computeIfAbsent(applied.model(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(modelId, k -> new Buckets(applied));
        return b.admit(Math.max(1, estimatedTokens));
    }

    /** The outcome of {@link #admit}: whether the request may proceed, and the means to settle its real token count. */
    public static final class Admission {
        private final Buckets buckets;
        private final long estimate;
        private boolean settled;

        private Admission(Buckets buckets, long estimate) {
            this.buckets = buckets;
            this.estimate = estimate;
        }

        public boolean admitted() {
            return buckets != null;
        }

        /** Debits (or credits) the token bucket with the difference between the real count and the estimate; once. */
        public synchronized void settle(long actualTokens) {
            if (buckets != null && !settled) {
                settled = true;
                buckets.adjust(actualTokens - estimate);
            }
        }
    }

    private static final Admission REJECTED = new Admission(null, 0);

    /** The two buckets of one model id under one quota. */
    private static final class Buckets {
        private final double requestRatePerNano;
        private final double requestCapacity;
        private final double tokenRatePerNano;
        private final double tokenCapacity;
        private double requests;
        private double tokens;
        private long refilledAt = System.nanoTime();

        Buckets(Quota q) {
            requestRatePerNano = q.rpm() / 60e9;
            requestCapacity = Math.max(1, q.rpm() / 60.0 * q.burstSeconds());
            tokenRatePerNano = q.tpm() / 60e9;
            tokenCapacity = Math.max(1, q.tpm() / 60.0 * q.burstSeconds());
            requests = requestCapacity;
            tokens = tokenCapacity;
        }

        synchronized Admission admit(long estimate) {
            refill();
            boolean requestOk = requestRatePerNano == 0 || requests >= 1;
            boolean tokensOk = tokenRatePerNano == 0 || tokens >= Math.min(estimate, tokenCapacity);
            if (!requestOk || !tokensOk) {
                return REJECTED;
            }
            requests -= 1;
            tokens -= estimate;
            return new Admission(this, estimate);
        }

        synchronized void adjust(long tokenDelta) {
            refill();
            tokens = Math.min(tokenCapacity, tokens - tokenDelta);
        }

        private void refill() {
            long now = System.nanoTime();
            long elapsed = now - refilledAt;
            refilledAt = now;
            requests = Math.min(requestCapacity, requests + elapsed * requestRatePerNano);
            tokens = Math.min(tokenCapacity, tokens + elapsed * tokenRatePerNano);
        }
    }
}
