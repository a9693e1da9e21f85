package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.admin.AdminOperations;
import dev.camelbedrock.emulator.auth.StrictAuth;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.resources.ResourceSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a {@link BedrockEmulator} before it is built: bind address, rules, latencies, resources, strict
 * auth, faults and extra operations, set one by one or from a config document. {@link BedrockEmulator.Builder} is
 * the one subclass; later calls override earlier ones.
 *
 * @param <B> the builder type the fluent setters return
 */
public abstract class EmulatorSettings<B extends EmulatorSettings<B>> {

    String host = "127.0.0.1";
    int port = 0;
    int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    final List<Rule> rules = new ArrayList<>();
    long latencyMs;
    long chunkDelayMs;
    int requestLogCapacity = 1000;
    String region = "us-east-1";
    boolean requireInferenceProfiles;
    String imageContentFilter = EmulatorContext.DEFAULT_IMAGE_CONTENT_FILTER;
    final List<Operation> operations = new ArrayList<>();
    final ResourceSettings resources = new ResourceSettings();
    Latency latency;
    Long latencySeed;
    final List<Quota> quotas = new ArrayList<>();
    final StrictAuth auth = new StrictAuth();
    final List<Fault> faults = new ArrayList<>();

    EmulatorSettings() {
    }

    abstract B self();

    /** Interface to bind (default {@code 127.0.0.1}). */
    public B host(String host) {
        this.host = Objects.requireNonNull(host);
        return self();
    }

    /** Port to bind; 0 (the default) picks a free port. */
    public B port(int port) {
        this.port = port;
        return self();
    }

    /** Netty I/O threads (default: the number of cores, at least 2). */
    public B ioThreads(int threads) {
        this.ioThreads = threads;
        return self();
    }

    /** Appends a reply rule. */
    public B rule(Rule rule) {
        rules.add(Objects.requireNonNull(rule));
        return self();
    }

    public B rules(Collection<Rule> rules) {
        this.rules.addAll(rules);
        return self();
    }

    /**
     * Reads a config file (see README): {@code {"latencyMs":..,"chunkDelayMs":..,"rules":[...]}} or a bare
     * array of rules. Its rules are appended; its latencies override earlier settings.
     */
    public B rulesFile(Path file) {
        JsonNode root;
        try {
            root = Json.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read emulator config " + file, e);
        }
        return config(root, file.toAbsolutePath().getParent()); // relative folders: next to the file
    }

    /** Same as {@link #rulesFile(Path)}. */
    public B configFile(Path file) {
        return rulesFile(file);
    }

    /** Applies a config document (the rules-file format). */
    public B config(JsonNode root) {
        return config(root, null);
    }

    private B config(JsonNode root, Path baseDir) {
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
        return self();
    }

    /** Delay before every Bedrock API response. */
    public B latency(Duration latency) {
        return latencyMs(latency.toMillis());
    }

    public B latencyMs(long ms) {
        this.latencyMs = ms;
        this.latency = null;
        return self();
    }

    /**
     * The delay before every Bedrock response as a distribution: {@code 250}, {@code uniform:100-300},
     * {@code normal:200,50} or {@code exponential:200} (ms); see {@link Latency}.
     */
    public B latency(String spec) {
        return latency(Latency.parse(spec));
    }

    public B latency(Latency latency) {
        this.latency = Objects.requireNonNull(latency);
        return self();
    }

    /** Seeds the latency random numbers, so a run draws the same delays again (default: unseeded). */
    public B latencySeed(long seed) {
        this.latencySeed = seed;
        return self();
    }

    /**
     * Limits every model id that equals {@code modelPattern} or that the regex matches in full to {@code rpm}
     * requests and {@code tpm} tokens per minute (0 = not limited). See {@link Quota}.
     */
    public B quota(String modelPattern, int rpm, int tpm) {
        return quota(Quota.of(modelPattern, rpm, tpm));
    }

    public B quota(Quota quota) {
        quotas.removeIf(q -> q.model().equals(quota.model()));
        quotas.add(quota);
        return self();
    }

    /** Delay between two stream events. */
    public B chunkDelay(Duration delay) {
        this.chunkDelayMs = delay.toMillis();
        return self();
    }

    public B chunkDelayMs(long ms) {
        this.chunkDelayMs = ms;
        return self();
    }

    /** How many requests the request log keeps (default 1000; 0 disables it). */
    public B requestLogCapacity(int capacity) {
        this.requestLogCapacity = capacity;
        return self();
    }

    /** Region used in ARNs when the request is not SigV4-signed (default {@code us-east-1}). */
    public B region(String region) {
        this.region = Objects.requireNonNull(region);
        return self();
    }

    public B requireInferenceProfiles(boolean require) {
        this.requireInferenceProfiles = require;
        return self();
    }

    /**
     * The image content-filter regex (default {@code (?i)\bforbidden\b}); null or empty turns it off.
     */
    public B imageContentFilter(String regex) {
        this.imageContentFilter = regex;
        return self();
    }

    // ---- resources: knowledge bases, guardrails, provisioned throughput ----

    /** Account id in the ARNs of provisioned models, guardrails and knowledge bases (default 123456789012). */
    public B accountId(String accountId) {
        resources.accountId(accountId);
        return self();
    }

    /** How long a provisioned model is Creating (and Updating) before it is InService (default 1 s). */
    public B provisionedThroughputReadyDelay(Duration delay) {
        resources.provisionedThroughputReadyDelay(delay);
        return self();
    }

    /** A knowledge base (id: 10 characters of [0-9A-Z]) over the .md/.txt files of a folder (recursive). */
    public B knowledgeBase(String id, Path folder) {
        resources.knowledgeBase(id, folder);
        return self();
    }

    /** How long an ingestion job is STARTING, and then IN_PROGRESS, before it is COMPLETE (default 100 ms). */
    public B ingestionJobDelay(Duration delay) {
        resources.ingestionJobDelay(delay);
        return self();
    }

    /** A guardrail (id {@code [a-z0-9]+}) from a file holding a CreateGuardrail request body; DRAFT and 1. */
    public B guardrail(String id, Path createGuardrailJson) {
        resources.guardrail(id, createGuardrailJson);
        return self();
    }

    /** A guardrail (id {@code [a-z0-9]+}) from a CreateGuardrail request body; served as DRAFT and 1. */
    public B guardrail(String id, JsonNode createGuardrailBody) {
        resources.guardrail(id, createGuardrailBody);
        return self();
    }

    /** Model units all provisioned models may hold together (default 10). */
    public B modelUnitQuota(int units) {
        resources.modelUnitQuota(units);
        return self();
    }

    // ---- strict auth and faults ----

    /**
     * Strict mode: SigV4 signatures must be made with one of the key pairs given here (repeatable; any session
     * token is accepted with them); wrong ones are answered like the service (403). Turns strict mode on.
     */
    public B strictAuth(String accessKeyId, String secretKey) {
        auth.credentials(accessKeyId, secretKey);
        return self();
    }

    /** Strict mode: {@code Authorization: Bearer <key>} is accepted with this key (repeatable). Turns it on. */
    public B apiKey(String key) {
        auth.apiKey(key);
        return self();
    }

    /** Turns strict mode on or off (keys given stay configured). Off by default: any credentials pass. */
    public B strictAuth(boolean enabled) {
        auth.enabled(enabled);
        return self();
    }

    /** A fault armed from the start (and again by every {@code reset()}); see {@link Fault}. */
    public B fault(Fault fault) {
        faults.add(Objects.requireNonNull(fault));
        return self();
    }

    /** Adds (or, same method and path, replaces) an operation handler. */
    public B operation(Operation operation) {
        operations.add(Objects.requireNonNull(operation));
        return self();
    }
}
