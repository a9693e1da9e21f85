package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.ModelCatalog;
import dev.camelbedrock.emulator.guardrails.GuardrailEngine;
import dev.camelbedrock.emulator.knowledge.KnowledgeBases;
import dev.camelbedrock.emulator.resources.ResourceSettings;
import dev.camelbedrock.emulator.throughput.ProvisionedThroughputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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

    /** Builds a {@link BedrockEmulator}; later calls override earlier ones. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private final List<Rule> rules = new ArrayList<>();
        private long latencyMs;
        private long chunkDelayMs;
        private int requestLogCapacity = 1000;
        private String region = "us-east-1";
        private boolean requireInferenceProfiles;
        private String imageContentFilter = EmulatorContext.DEFAULT_IMAGE_CONTENT_FILTER;
        private final List<Operation> operations = new ArrayList<>();
        private final ResourceSettings resources = new ResourceSettings();
        private Latency latency;
        private Long latencySeed;
        private final List<Quota> quotas = new ArrayList<>();
        private final StrictAuth auth = new StrictAuth();
        private final List<Fault> faults = new ArrayList<>();

        private Builder() {
        }

        /** Interface to bind (default {@code 127.0.0.1}). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Port to bind; 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Netty I/O threads (default: the number of cores, at least 2). */
        public Builder ioThreads(int threads) {
            this.ioThreads = threads;
            return this;
        }

        /** Appends a reply rule. */
        public Builder rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule));
            return this;
        }

        public Builder rules(Collection<Rule> rules) {
            this.rules.addAll(rules);
            return this;
        }

        /**
         * Reads a config file (see README): {@code {"latencyMs":..,"chunkDelayMs":..,"rules":[...]}} or a bare
         * array of rules. Its rules are appended; its latencies override earlier settings.
         */
        public Builder rulesFile(Path file) {
            JsonNode root;
            try {
                root = Json.parse(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read emulator config " + file, e);
            }
            return config(root, file.toAbsolutePath().getParent()); // relative folders: next to the file
        }

        /** Same as {@link #rulesFile(Path)}. */
        public Builder configFile(Path file) {
            return rulesFile(file);
        }

        /** Applies a config document (the rules-file format). */
        public Builder config(JsonNode root) {
            return config(root, null);
        }

        private Builder config(JsonNode root, Path baseDir) {
            resources.config(root, baseDir);
            if (root.isArray() || root.has("rules")) { // a config without rules is fine
                rules.addAll(AdminOperations.parseRules(root));
            }
            if (root.isObject()) {
                if (root.hasNonNull("latencyMs")) {
                    latencyMs(root.get("latencyMs").asLong());
                }
                if (root.hasNonNull("latency")) {
                    latency(root.get("latency").asText());
                }
                if (root.hasNonNull("latencySeed")) {
                    latencySeed(root.get("latencySeed").asLong());
                }
                if (root.has("quotas")) {
                    AdminOperations.parseQuotas(root.get("quotas")).forEach(this::quota);
                }
                if (root.hasNonNull("chunkDelayMs")) {
                    chunkDelayMs = root.get("chunkDelayMs").asLong();
                }
                if (root.hasNonNull("requireInferenceProfiles")) {
                    requireInferenceProfiles = root.get("requireInferenceProfiles").asBoolean();
                }
                if (root.has("imageContentFilter")) {
                    imageContentFilter = root.get("imageContentFilter").isNull() ? null
                            : root.get("imageContentFilter").asText();
                }
                auth.apply(root.get("strictAuth"));
                JsonNode list = root.get("faults");
                if (list != null && !list.isNull()) {
                    faults.addAll(AdminOperations.parseFaults(list));
                }
            }
            return this;
        }

        /** Delay before every Bedrock API response. */
        public Builder latency(Duration latency) {
            return latencyMs(latency.toMillis());
        }

        public Builder latencyMs(long ms) {
            this.latencyMs = ms;
            this.latency = null;
            return this;
        }

        /**
         * The delay before every Bedrock response as a distribution: {@code 250}, {@code uniform:100-300},
         * {@code normal:200,50} or {@code exponential:200} (ms); see {@link Latency}.
         */
        public Builder latency(String spec) {
            return latency(Latency.parse(spec));
        }

        public Builder latency(Latency latency) {
            this.latency = Objects.requireNonNull(latency);
            return this;
        }

        /** Seeds the latency random numbers, so a run draws the same delays again (default: unseeded). */
        public Builder latencySeed(long seed) {
            this.latencySeed = seed;
            return this;
        }

        /**
         * Limits every model id that equals {@code modelPattern} or that the regex matches in full to {@code rpm}
         * requests and {@code tpm} tokens per minute (0 = not limited). See {@link Quota}.
         */
        public Builder quota(String modelPattern, int rpm, int tpm) {
            return quota(Quota.of(modelPattern, rpm, tpm));
        }

        public Builder quota(Quota quota) {
            quotas.removeIf(q -> q.model().equals(quota.model()));
            quotas.add(quota);
            return this;
        }

        /** Delay between two stream events. */
        public Builder chunkDelay(Duration delay) {
            this.chunkDelayMs = delay.toMillis();
            return this;
        }

        public Builder chunkDelayMs(long ms) {
            this.chunkDelayMs = ms;
            return this;
        }

        /** How many requests the request log keeps (default 1000; 0 disables it). */
        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        /** Region used in ARNs when the request is not SigV4-signed (default {@code us-east-1}). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        public Builder requireInferenceProfiles(boolean require) {
            this.requireInferenceProfiles = require;
            return this;
        }

        /**
         * The image content-filter regex (default {@code (?i)\bforbidden\b}); null or empty turns it off.
         */
        public Builder imageContentFilter(String regex) {
            this.imageContentFilter = regex;
            return this;
        }

        // ---- resources: knowledge bases, guardrails, provisioned throughput ----

        /** Account id in the ARNs of provisioned models, guardrails and knowledge bases (default 123456789012). */
        public Builder accountId(String accountId) {
            resources.accountId(accountId);
            return this;
        }

        /** How long a provisioned model is Creating (and Updating) before it is InService (default 1 s). */
        public Builder provisionedThroughputReadyDelay(Duration delay) {
            resources.provisionedThroughputReadyDelay(delay);
            return this;
        }

        /** A knowledge base (id: 10 characters of [0-9A-Z]) over the .md/.txt files of a folder (recursive). */
        public Builder knowledgeBase(String id, Path folder) {
            resources.knowledgeBase(id, folder);
            return this;
        }

        /** How long an ingestion job is STARTING, and then IN_PROGRESS, before it is COMPLETE (default 100 ms). */
        public Builder ingestionJobDelay(Duration delay) {
            resources.ingestionJobDelay(delay);
            return this;
        }

        /** A guardrail (id {@code [a-z0-9]+}) from a file holding a CreateGuardrail request body; DRAFT and 1. */
        public Builder guardrail(String id, Path createGuardrailJson) {
            resources.guardrail(id, createGuardrailJson);
            return this;
        }

        /** A guardrail (id {@code [a-z0-9]+}) from a CreateGuardrail request body; served as DRAFT and 1. */
        public Builder guardrail(String id, JsonNode createGuardrailBody) {
            resources.guardrail(id, createGuardrailBody);
            return this;
        }

        /** Model units all provisioned models may hold together (default 10). */
        public Builder modelUnitQuota(int units) {
            resources.modelUnitQuota(units);
            return this;
        }

        // ---- strict auth and faults ----

        /**
         * Strict mode: SigV4 signatures must be made with one of the key pairs given here (repeatable; any session
         * token is accepted with them); wrong ones are answered like the service (403). Turns strict mode on.
         */
        public Builder strictAuth(String accessKeyId, String secretKey) {
            auth.credentials(accessKeyId, secretKey);
            return this;
        }

        /** Strict mode: {@code Authorization: Bearer <key>} is accepted with this key (repeatable). Turns it on. */
        public Builder apiKey(String key) {
            auth.apiKey(key);
            return this;
        }

        /** Turns strict mode on or off (keys given stay configured). Off by default: any credentials pass. */
        public Builder strictAuth(boolean enabled) {
            auth.enabled(enabled);
            return this;
        }

        /** A fault armed from the start (and again by every {@code reset()}); see {@link Fault}. */
        public Builder fault(Fault fault) {
            faults.add(Objects.requireNonNull(fault));
            return this;
        }

        /** Adds (or, same method and path, replaces) an operation handler. */
        public Builder operation(Operation operation) {
            operations.add(Objects.requireNonNull(operation));
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
