package dev.camelbedrock.emulator.core;

import dev.camelbedrock.emulator.EmulatorStats;
import dev.camelbedrock.emulator.FaultRegistry;
import dev.camelbedrock.emulator.Latency;
import dev.camelbedrock.emulator.Quota;
import dev.camelbedrock.emulator.RecordedRequest;
import dev.camelbedrock.emulator.Rule;
import dev.camelbedrock.emulator.RuleSet;
import dev.camelbedrock.emulator.models.ModelCatalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.Random;

/** The shared state of one emulator instance, handed to every operation handler. Thread-safe. */
public final class EmulatorContext {

    private final ModelCatalog catalog;
    private final RuleSet rules = new RuleSet();
    private final FaultRegistry faults = new FaultRegistry();
    private final EmulatorStats stats = new EmulatorStats();
    private final RequestLog requestLog;
    private final StreamGate streamGate = new StreamGate();
    private final PromptCache promptCache = new PromptCache();
    private final QuotaRegistry quotas = new QuotaRegistry();
    private final String defaultRegion;

    private final List<Rule> initialRules;
    private Latency initialLatency;
    private final long initialChunkDelayMs;
    private List<Quota> initialQuotas = List.of();
    private Long initialSeed;

    /** Feature state (knowledge bases, guardrails, provisioned throughput, ...) keyed by its type. */
    private final Map<Class<?>, Object> features = new ConcurrentHashMap<>();
    private final List<Runnable> resetHooks = new CopyOnWriteArrayList<>();

    private volatile Latency latency;
    private volatile Random random = new Random();
    private volatile long chunkDelayMs;
    private volatile boolean requireInferenceProfiles;

    /** Default of {@link #imageContentFilter()}: image prompts containing the word "forbidden" are blocked. */
    public static final String DEFAULT_IMAGE_CONTENT_FILTER = "(?i)\\bforbidden\\b";
    private volatile Pattern initialImageContentFilter = Pattern.compile(DEFAULT_IMAGE_CONTENT_FILTER);
    private volatile Pattern imageContentFilter = initialImageContentFilter;

    public EmulatorContext(ModelCatalog catalog, List<Rule> rules, long latencyMs, long chunkDelayMs,
                           int requestLogCapacity, String defaultRegion, boolean requireInferenceProfiles) {
        this.catalog = catalog;
        this.initialRules = List.copyOf(rules);
        this.rules.set(rules);
        this.initialLatency = Latency.fixed(latencyMs);
        this.initialChunkDelayMs = chunkDelayMs;
        this.latency = initialLatency;
        this.chunkDelayMs = chunkDelayMs;
        this.requestLog = new RequestLog(requestLogCapacity);
        this.defaultRegion = defaultRegion;
        this.requireInferenceProfiles = requireInferenceProfiles;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public RuleSet rules() {
        return rules;
    }

    public FaultRegistry faults() {
        return faults;
    }

    public EmulatorStats stats() {
        return stats;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public StreamGate streamGate() {
        return streamGate;
    }

    public PromptCache promptCache() {
        return promptCache;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * The start values of the throughput settings, restored by {@link #reset()}: the latency distribution (null
     * keeps the constructor's fixed latency), the seed of its random numbers (null = unseeded) and the quotas.
     */
    public synchronized void throughputDefaults(Latency latency, Long seed, List<Quota> quotas) {
        if (latency != null) {
            this.initialLatency = latency;
            this.latency = latency;
        }
        this.initialSeed = seed;
        this.random = seed == null ? new Random() : new Random(seed);
        this.initialQuotas = List.copyOf(quotas);
        this.quotas.set(initialQuotas);
    }

    public QuotaRegistry quotas() {
        return quotas;
    }

    /** The mean of the latency distribution, in ms (the latency itself when it is fixed). */
    public long latencyMs() {
        return latency.meanMs();
    }

    public void latencyMs(long ms) {
        this.latency = Latency.fixed(ms);
    }

    public Latency latency() {
        return latency;
    }

    public void latency(Latency latency) {
        this.latency = java.util.Objects.requireNonNull(latency);
    }

    /** Restarts the latency random numbers from this seed, so the same delays are drawn again. */
    public void latencySeed(long seed) {
        this.random = new Random(seed);
    }

    /** One delay drawn from the latency distribution. */
    public long sampleLatencyMs() {
        return latency.sampleMs(random); // a fixed latency draws nothing
    }

    public long chunkDelayMs() {
        return chunkDelayMs;
    }

    public void chunkDelayMs(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("chunk delay must be >= 0");
        }
        this.chunkDelayMs = ms;
    }

    public boolean requireInferenceProfiles() {
        return requireInferenceProfiles;
    }

    public void requireInferenceProfiles(boolean require) {
        this.requireInferenceProfiles = require;
    }

    /** Image prompts matching this regex ({@code find()}) are content-filtered; null = filter off. */
    public Pattern imageContentFilter() {
        return imageContentFilter;
    }

    /** Sets the image content-filter regex; null or empty turns the filter off. */
    public void imageContentFilter(String regex) {
        this.imageContentFilter = regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
    }

    /** Sets the filter and the value {@link #reset()} restores (the builder's setting). */
    public void initialImageContentFilter(String regex) {
        imageContentFilter(regex);
        this.initialImageContentFilter = imageContentFilter;
    }

    /** The feature registered under {@code type}, or {@code null}. */
    public <T> T feature(Class<T> type) {
        return type.cast(features.get(type));
    }

    /** The feature registered under {@code type}, registering {@code create.get()} first when there is none. */
    public <T> T feature(Class<T> type, Supplier<? extends T> create) {
        return type.cast(features.computeIfAbsent(type, k -> create.get()));
    }

    /** Registers (or replaces) a feature's state object. */
    public <T> void putFeature(Class<T> type, T feature) {
        features.put(type, feature);
    }

    /** Runs {@code hook} on every {@link #reset()}, after the built-in state is reset. */
    public void onReset(Runnable hook) {
        resetHooks.add(hook);
    }

    public Optional<RecordedRequest> lastRequest(String operation) {
        List<RecordedRequest> all = requestLog.all();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (operation == null || operation.equals(all.get(i).operation())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Back to the state after start: stats, request log, faults and prompt cache cleared, held streams
     * released, rules, latencies (and the latency seed) and quotas restored to their start values.
     */
    public synchronized void reset() {
        stats.reset();
        requestLog.clear();
        faults.clear();
        streamGate.resume();
        promptCache.clear();
        rules.set(initialRules);
        latency = initialLatency;
        random = initialSeed == null ? new Random() : new Random(initialSeed);
        quotas.set(initialQuotas);
        chunkDelayMs = initialChunkDelayMs;
        imageContentFilter = initialImageContentFilter;
        resetHooks.forEach(Runnable::run);
    }
}
