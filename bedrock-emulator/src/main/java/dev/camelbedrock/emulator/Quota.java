package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A per-model quota: requests per minute and (optionally) tokens per minute, for every model id that equals
 * {@link #model()} or that the regex {@link #model()} matches in full. Each matching model id (as sent, e.g. a
 * cross-region profile id and its base id are separate) gets its own pair of token buckets; see
 * {@code QuotaRegistry} for how they fill and drain. Immutable.
 */
public final class Quota {

    private final String model;
    private final Pattern pattern;
    private final int rpm;
    private final int tpm;
    private final double burstSeconds;

    private Quota(String model, int rpm, int tpm, double burstSeconds) {
        this.model = Objects.requireNonNull(model, "model");
        if (rpm < 0 || tpm < 0) {
            throw new IllegalArgumentException("quota for " + model + ": rpm and tpm must be >= 0 (0 = no limit)");
        }
        if (!(burstSeconds > 0)) {
            throw new IllegalArgumentException("quota for " + model + ": burstSeconds must be > 0");
        }
        Pattern p;
        try {
            p = Pattern.compile(model);
        } catch (PatternSyntaxException e) {
            p = null; // not a regex: exact match only
        }
        this.pattern = p;
        this.rpm = rpm;
        this.tpm = tpm;
        this.burstSeconds = burstSeconds;
    }

    /** {@code rpm} requests and {@code tpm} tokens per minute (0 = that dimension is not limited); 1 s of burst. */
    public static Quota of(String model, int rpm, int tpm) {
        return new Quota(model, rpm, tpm, 1);
    }

    /** The same quota with buckets that hold {@code seconds} of the per-minute rate (default 1). */
    public Quota burstSeconds(double seconds) {
        return new Quota(model, rpm, tpm, seconds);
    }

    /** Parses the command-line form {@code MODEL=RPM[:TPM]} (the last {@code =} separates the model). */
    public static Quota parse(String spec) {
        int eq = spec.lastIndexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("Bad quota '" + spec + "': expected MODEL=RPM[:TPM]");
        }
        String[] limits = spec.substring(eq + 1).split(":");
        try {
            int rpm = Integer.parseInt(limits[0].trim());
            int tpm = limits.length > 1 ? Integer.parseInt(limits[1].trim()) : 0;
            if (limits.length > 2) {
                throw new NumberFormatException("too many ':'");
            }
            return of(spec.substring(0, eq).trim(), rpm, tpm);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad quota '" + spec + "': expected MODEL=RPM[:TPM] (" + e.getMessage() + ")");
        }
    }

    /** {@code {"model":"…","rpm":N,"tpm":N,"burstSeconds":S}}; tpm and burstSeconds are optional. */
    public static Quota fromJson(JsonNode n) {
        String model = Json.text(n, "model");
        if (model == null) {
            throw new IllegalArgumentException("A quota needs a 'model' (id or regex): " + n);
        }
        Quota q = of(model, n.path("rpm").asInt(0), n.path("tpm").asInt(0));
        return n.hasNonNull("burstSeconds") ? q.burstSeconds(n.get("burstSeconds").asDouble()) : q;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("model", model);
        n.put("rpm", rpm);
        n.put("tpm", tpm);
        n.put("burstSeconds", burstSeconds);
        return n;
    }

    /** Whether this quota applies to the model id as sent, or to its resolved base id (may be null). */
    public boolean matches(String modelId, String baseId) {
        return matches(modelId) || (baseId != null && matches(baseId));
    }

    private boolean matches(String id) {
        return id != null && (model.equals(id) || (pattern != null && pattern.matcher(id).matches()));
    }

    public String model() {
        return model;
    }

    public int rpm() {
        return rpm;
    }

    public int tpm() {
        return tpm;
    }

    public double burstSeconds() {
        return burstSeconds;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Quota)) {
            return false;
        }
        Quota q = (Quota) o;
        return model.equals(q.model) && rpm == q.rpm && tpm == q.tpm && burstSeconds == q.burstSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, rpm, tpm, burstSeconds);
    }

    @Override
    public String toString() {
        return model + "=" + rpm + ":" + tpm + (burstSeconds != 1 ? " (burst " + burstSeconds + " s)" : "");
    }
}
