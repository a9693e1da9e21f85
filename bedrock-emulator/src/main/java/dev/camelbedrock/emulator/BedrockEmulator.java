package dev.camelbedrock.emulator;

import dev.camelbedrock.emulator.admin.AdminOperations;
import dev.camelbedrock.emulator.auth.StrictAuth;
import dev.camelbedrock.emulator.controlplane.ControlPlaneOperations;
import dev.camelbedrock.emulator.runtime.RuntimeOperations;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.EmulatorServer;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.OperationProvider;
import dev.camelbedrock.emulator.core.Router;
import dev.camelbedrock.emulator.invoke.InvokeOperations;
import dev.camelbedrock.emulator.resources.ResourceOperations;
import dev.camelbedrock.emulator.models.ModelCatalog;
import dev.camelbedrock.emulator.guardrails.GuardrailEngine;
import dev.camelbedrock.emulator.knowledge.KnowledgeBases;
import dev.camelbedrock.emulator.throughput.ProvisionedThroughputs;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local, deterministic Amazon Bedrock-compatible server: one port, HTTP/1.1 and cleartext HTTP/2, routing
 * bedrock-runtime and bedrock (control plane) requests by method and raw path. Point any AWS SDK at
 * {@link #uri()} with any credentials.
 *
 * <pre>{@code
 * try (BedrockEmulator emulator = BedrockEmulator.builder()
 *         .port(0)
 *         .rule(Rule.when("(?i)hello").reply("Hi there!"))
 *         .build()
 *         .start()) {
 *     BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder()
 *             .endpointOverride(emulator.uri())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
 *             .build();
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe: every runtime setter may be called while requests are in flight.
 */
public final class BedrockEmulator implements AutoCloseable {

    /** The operations of every emulator, by feature; users add or replace one with {@link Builder#operation}. */
    private static final List<OperationProvider> PROVIDERS = List.of(new RuntimeOperations(),
            new ControlPlaneOperations(), new AdminOperations(), new InvokeOperations(), new ResourceOperations());

    private final String host;
    private final int requestedPort;
    private final int ioThreads;
    private final EmulatorContext context;
    private final List<Operation> extraOperations;
    private EmulatorServer server;

    private BedrockEmulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.ioThreads = b.ioThreads;
        this.extraOperations = List.copyOf(b.operations);
        this.context = new EmulatorContext(ModelCatalog.builtIn(), b.rules, b.latencyMs, b.chunkDelayMs,
                b.requestLogCapacity, b.region, b.requireInferenceProfiles);
        context.initialImageContentFilter(b.imageContentFilter);
        b.resources.install(context);
        context.throughputDefaults(b.latency, b.latencySeed, b.quotas);
        StrictAuth auth = b.auth.copy();
        context.putFeature(StrictAuth.class, auth);
        context.onReset(auth::reset);
        List<Fault> startFaults = List.copyOf(b.faults);
        startFaults.forEach(context.faults()::add);
        context.onReset(() -> startFaults.forEach(context.faults()::add));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving. Returns {@code this}. */
    public synchronized BedrockEmulator start() {
        if (server != null) {
            return this;
        }
        Router router = new Router();
        for (OperationProvider provider : PROVIDERS) {
            provider.operations(context).forEach(router::register);
        }
        extraOperations.forEach(router::register);
        try {
            server = EmulatorServer.start(host, requestedPort, router, context, ioThreads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the Bedrock emulator", e);
        }
        return this;
    }

    /** Stops serving (open connections are closed). The emulator can be started again. */
    @Override
    public synchronized void close() {
        if (server != null) {
            context.streamGate().resume();
            server.close();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code http://127.0.0.1:PORT} (the bound host; a wildcard host is reported as 127.0.0.1). */
    public URI uri() {
        String h = host;
        if ("0.0.0.0".equals(h) || "::".equals(h) || "0:0:0:0:0:0:0:0".equals(h)) {
            h = "127.0.0.1";
        }
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return URI.create("http://" + h + ":" + port());
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The Bedrock emulator is not started");
        }
        return server.address().getPort();
    }

    public String host() {
        return host;
    }

    /** The shared state (for custom {@link Operation}s and advanced use). */
    public EmulatorContext context() {
        return context;
    }

    public ModelCatalog catalog() {
        return context.catalog();
    }

    // ---- rules ----

    /** The reply rules, evaluated in order; changes apply to the next request. */
    public RuleSet rules() {
        return context.rules();
    }

    // ---- latency ----

    /** Delay before every Bedrock API response (not the admin API). */
    public BedrockEmulator latency(Duration latency) {
        context.latencyMs(latency.toMillis());
        return this;
    }

    public long latencyMs() {
        return context.latencyMs();
    }

    /**
     * The latency as a distribution: {@code 250}, {@code uniform:100-300}, {@code normal:200,50} or
     * {@code exponential:200} (ms); see {@link Latency}.
     */
    public BedrockEmulator latency(String spec) {
        context.latency(Latency.parse(spec));
        return this;
    }

    public Latency latency() {
        return context.latency();
    }

    /** Restarts the latency random numbers from this seed. */
    public BedrockEmulator latencySeed(long seed) {
        context.latencySeed(seed);
        return this;
    }

    /** Delay between two events of a stream. */
    public BedrockEmulator chunkDelay(Duration delay) {
        context.chunkDelayMs(delay.toMillis());
        return this;
    }

    public long chunkDelayMs() {
        return context.chunkDelayMs();
    }

    /** When true, base ids of models that only support inference profiles are rejected like the service does. */
    public BedrockEmulator requireInferenceProfiles(boolean require) {
        context.requireInferenceProfiles(require);
        return this;
    }

    /**
     * Image prompts matching this regex are content-filtered (Titan/Canvas: 400 ValidationException; Stability:
     * {@code finish_reasons:["Filter reason: prompt"]}; SDXL: {@code CONTENT_FILTERED}); null or empty = off.
     */
    public BedrockEmulator imageContentFilter(String regex) {
        context.imageContentFilter(regex);
        return this;
    }

    // ---- resources: knowledge bases, guardrails, provisioned throughput ----

    /** The knowledge bases ({@code add(id, folder)} adds one at runtime; ingestion delay; data source ids). */
    public KnowledgeBases knowledgeBases() {
        return context.feature(KnowledgeBases.class);
    }

    /** The guardrails and their policy engine ({@code configure(id, body)} adds one at runtime). */
    public GuardrailEngine guardrails() {
        return context.feature(GuardrailEngine.class);
    }

    /** The provisioned throughputs (state machine, ready delay, model-unit quota). */
    public ProvisionedThroughputs provisionedThroughputs() {
        return context.feature(ProvisionedThroughputs.class);
    }

    // ---- quotas ----

    /**
     * Limits every model id that equals {@code modelPattern} or that the regex matches in full to {@code rpm}
     * requests and {@code tpm} tokens per minute (0 = not limited); requests over it answer 429
     * ThrottlingException. Replaces a quota for the same pattern.
     */
    public BedrockEmulator quota(String modelPattern, int rpm, int tpm) {
        return quota(Quota.of(modelPattern, rpm, tpm));
    }

    public BedrockEmulator quota(Quota quota) {
        context.quotas().add(quota);
        return this;
    }

    public List<Quota> quotas() {
        return context.quotas().list();
    }

    public BedrockEmulator clearQuotas() {
        context.quotas().clear();
        return this;
    }

    // ---- strict auth ----

    /**
     * Strict mode (SigV4 / API-key verification): {@code strictAuth().enabled(false)} turns it off at runtime,
     * {@code credentials(id, secret)} / {@code apiKey(key)} add accepted keys (and turn it on).
     */
    public StrictAuth strictAuth() {
        return context.feature(StrictAuth.class);
    }

    // ---- stream gate ----

    /** Every event stream (new or running) holds after sending {@code events} events until {@link #resumeStreams()}. */
    public BedrockEmulator pauseStreamsAfter(int events) {
        context.streamGate().pauseAfter(events);
        return this;
    }

    /** Releases all held streams and disarms the gate. */
    public BedrockEmulator resumeStreams() {
        context.streamGate().resume();
        return this;
    }

    /** Number of streams currently held by the gate. */
    public int heldStreams() {
        return context.streamGate().heldCount();
    }

    /** Waits until at least {@code count} streams are held by the gate; false on timeout. */
    public boolean awaitHeldStreams(int count, Duration timeout) throws InterruptedException {
        return context.streamGate().awaitHeld(count, timeout);
    }

    // ---- faults ----

    public FaultRegistry faults() {
        return context.faults();
    }

    /** Adds a fault (see {@link Fault}); it applies until consumed or {@link #clearFaults()}. */
    public BedrockEmulator inject(Fault fault) {
        context.faults().add(fault);
        return this;
    }

    /** The next {@code times} requests of {@code operation} answer with {@code errorCode}. */
    public BedrockEmulator failNext(String operation, String errorCode, int times) {
        return inject(Fault.error(errorCode).forOperation(operation).times(times));
    }

    public BedrockEmulator clearFaults() {
        context.faults().clear();
        return this;
    }

    // ---- observability ----

    public EmulatorStats stats() {
        return context.stats();
    }

    /** The request log, oldest first (bounded; see {@link Builder#requestLogCapacity(int)}). */
    public List<RecordedRequest> requests() {
        return context.requestLog().all();
    }

    /** The logged requests of one operation, oldest first. */
    public List<RecordedRequest> requests(String operation) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : context.requestLog().all()) {
            if (operation.equals(r.operation())) {
                out.add(r);
            }
        }
        return out;
    }

    /** The most recent logged request of an operation ({@code null} = any). */
    public Optional<RecordedRequest> lastRequest(String operation) {
        return context.lastRequest(operation);
    }

    public BedrockEmulator clearRequests() {
        context.requestLog().clear();
        return this;
    }

    /**
     * Back to the start state: stats, request log and prompt cache cleared; held streams released; rules,
     * latencies, strict auth and the builder's faults (counts and random draws anew) restored to the values given
     * to the builder.
     */
    public BedrockEmulator reset() {
        context.reset();
        return this;
    }

    @Override
    public String toString() {
        return "BedrockEmulator[" + (isRunning() ? uri() : "stopped") + "]";
    }

    /** Builds a {@link BedrockEmulator}; later calls override earlier ones (the settings are {@link EmulatorSettings}'s). */
    public static final class Builder extends EmulatorSettings<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        public BedrockEmulator build() {
            if (latencyMs < 0 || chunkDelayMs < 0) {
                throw new IllegalArgumentException("latencies must be >= 0");
            }
            return new BedrockEmulator(this);
        }
    }
}
