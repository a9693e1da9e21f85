package dev.camelbedrock.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.throughput.ProvisionedThroughputs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

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
    }
}
