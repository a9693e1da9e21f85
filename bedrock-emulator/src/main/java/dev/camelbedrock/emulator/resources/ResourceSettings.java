package dev.camelbedrock.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.guardrails.GuardrailEngine;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.knowledge.KnowledgeBases;
import dev.camelbedrock.emulator.embedding.TextEmbedder;
import dev.camelbedrock.emulator.throughput.ProvisionedThroughputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.camelbedrock.emulator.agents.Agents;
import dev.camelbedrock.emulator.prompts.Prompts;
import java.util.Optional;

/**
 * Builder-side settings of the resource features (provisioned throughput, and later knowledge bases and
 * guardrails) and their installation into an {@link EmulatorContext}.
 */
public final class ResourceSettings {

    /** Default model-unit quota shared by all provisioned models. */
    public static final int DEFAULT_MODEL_UNIT_QUOTA = 10;
    /** Default time a provisioned model spends Creating (and Updating). */
    public static final Duration DEFAULT_PT_READY_DELAY = Duration.ofSeconds(1);
    static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    private String accountId = "123456789012";
    private Duration ptReadyDelay = DEFAULT_PT_READY_DELAY;
    private int modelUnitQuota = DEFAULT_MODEL_UNIT_QUOTA;
    private final Map<String, JsonNode> guardrails = new LinkedHashMap<>();
    private final Map<String, Path> knowledgeBases = new LinkedHashMap<>();
    private Duration ingestionDelay = KnowledgeBases.DEFAULT_INGESTION_DELAY;

    public ResourceSettings accountId(String accountId) {
        if (!ACCOUNT.matcher(Objects.requireNonNull(accountId)).matches()) {
            throw new IllegalArgumentException("The account id must be 12 digits: " + accountId);
        }
        this.accountId = accountId;
        return this;
    }

    public String accountId() {
        return accountId;
    }

    public ResourceSettings provisionedThroughputReadyDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The provisioned throughput ready delay must be >= 0");
        }
        this.ptReadyDelay = delay;
        return this;
    }

    public ResourceSettings modelUnitQuota(int units) {
        if (units < 0) {
            throw new IllegalArgumentException("The model unit quota must be >= 0");
        }
        this.modelUnitQuota = units;
        return this;
    }

    /** A knowledge base over the {@code .md}/{@code .txt} files of a folder; id: 10 characters of [0-9A-Z]. */
    public ResourceSettings knowledgeBase(String id, Path folder) {
        KnowledgeBases.checkId(id);
        if (!java.nio.file.Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Knowledge base " + id + ": " + folder + " is not a directory");
        }
        knowledgeBases.put(id, folder);
        return this;
    }

    /** Duration of each ingestion-job phase (STARTING, then IN_PROGRESS); default 100 ms. */
    public ResourceSettings ingestionJobDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The ingestion job delay must be >= 0");
        }
        this.ingestionDelay = delay;
        return this;
    }

    /** A guardrail from a CreateGuardrail request body, served as DRAFT and version 1. */
    public ResourceSettings guardrail(String id, JsonNode createGuardrailBody) {
        GuardrailEngine.checkConfigured(id, createGuardrailBody);
        guardrails.put(id, createGuardrailBody);
        return this;
    }

    /** A guardrail from a file holding a CreateGuardrail request body. */
    public ResourceSettings guardrail(String id, Path createGuardrailJson) {
        try {
            return guardrail(id, Json.parse(Files.readAllBytes(createGuardrailJson)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read guardrail " + id + " from " + createGuardrailJson, e);
        }
    }

    /** {@code ID=VALUE} of the command line. */
    public static String[] idValue(String option, String arg) {
        int eq = arg == null ? -1 : arg.indexOf('=');
        if (eq <= 0 || eq == arg.length() - 1) {
            throw new IllegalArgumentException(option + " expects ID=PATH, got: " + arg);
        }
        return new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
    }

    /**
     * Applies the resource keys of a config document: {@code accountId}, {@code provisionedThroughputReadyMs},
     * {@code modelUnitQuota}. Relative paths resolve against {@code baseDir} (null = the working directory).
     */
    public ResourceSettings config(JsonNode root, Path baseDir) {
        if (root == null || !root.isObject()) {
            return this;
        }
        if (root.hasNonNull("accountId")) {
            accountId(root.get("accountId").asText());
        }
        if (root.hasNonNull("provisionedThroughputReadyMs")) {
            provisionedThroughputReadyDelay(Duration.ofMillis(root.get("provisionedThroughputReadyMs").asLong()));
        }
        if (root.hasNonNull("modelUnitQuota")) {
            modelUnitQuota(root.get("modelUnitQuota").asInt());
        }
        if (root.hasNonNull("ingestionJobDelayMs")) {
            ingestionJobDelay(Duration.ofMillis(root.get("ingestionJobDelayMs").asLong()));
        }
        JsonNode kb = root.get("knowledgeBases");
        if (kb != null && kb.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = kb.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                knowledgeBase(e.getKey(), resolve(e.getValue().asText(), baseDir));
            }
        }
        JsonNode gr = root.get("guardrails");
        if (gr != null && gr.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = gr.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    guardrail(e.getKey(), resolve(e.getValue().asText(), baseDir));
                } else {
                    guardrail(e.getKey(), e.getValue());
                }
            }
        }
        return this;
    }

    static Path resolve(String path, Path baseDir) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p);
    }

    /** Creates the features' state in {@code context}: registries, the provisioned-model ARN resolver, reset hooks. */
    public void install(EmulatorContext context) {
        ProvisionedThroughputs pts = new ProvisionedThroughputs(context.catalog(), accountId, ptReadyDelay,
                modelUnitQuota);
        pts.registerWith(context.catalog());
        context.putFeature(ProvisionedThroughputs.class, pts);
        context.onReset(pts::reset);

        GuardrailEngine engine = new GuardrailEngine(accountId, context.defaultRegion(), guardrails);
        context.putFeature(GuardrailEngine.class, engine);
        context.onReset(engine::reset);

        KnowledgeBases kbs = new KnowledgeBases(knowledgeBases, ingestionDelay, TextEmbedder.knowledgeBases());
        context.putFeature(KnowledgeBases.class, kbs);
        context.onReset(kbs::reset);

        Agents agents = new Agents(accountId);
        context.putFeature(Agents.class, agents);
        context.onReset(agents::reset);

        Prompts prompts = new Prompts(accountId);
        context.putFeature(Prompts.class, prompts);
        context.onReset(prompts::reset);
        context.catalog().registerArnResolver("prompt", parts -> {
            String model = prompts.modelOf(parts.arn);
            return model == null ? Optional.empty() : context.catalog().resolve(model);
        });
    }
}
