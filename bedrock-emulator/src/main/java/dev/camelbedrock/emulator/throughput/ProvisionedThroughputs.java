package dev.camelbedrock.emulator.throughput;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.FoundationModel;
import dev.camelbedrock.emulator.models.ModelCatalog;
import dev.camelbedrock.emulator.models.ResolvedModel;
import dev.camelbedrock.emulator.core.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Provisioned throughput (PT) of one emulator: a state machine per provisioned model. A new PT is
 * {@code Creating} for the ready delay, then {@code InService} (or {@code Failed} when its name contains
 * {@code fail}, case-insensitively); a model change makes it {@code Updating} for the same delay. States are
 * computed from the clock whenever a PT is read, so no timer thread is involved. Thread-safe.
 */
public final class ProvisionedThroughputs {

    public static final String CREATING = "Creating";
    public static final String IN_SERVICE = "InService";
    public static final String UPDATING = "Updating";
    public static final String FAILED = "Failed";

    /** One provisioned model. Mutable; guarded by the registry's lock. */
    public static final class Pt {
        final String arn;
        String name;
        String modelArn;
        String desiredModelArn;
        String foundationModelArn;
        final int modelUnits;
        final String commitmentDuration;
        final Instant creationTime;
        Instant lastModifiedTime;
        Instant readyAt;
        String status;
        String failureMessage;
        final String clientRequestToken;

        Pt(String arn, String name, String modelArn, String foundationModelArn, int modelUnits,
           String commitmentDuration, Instant creationTime, Instant readyAt, String clientRequestToken) {
            this.arn = arn;
            this.name = name;
            this.modelArn = modelArn;
            this.desiredModelArn = modelArn;
            this.foundationModelArn = foundationModelArn;
            this.modelUnits = modelUnits;
            this.commitmentDuration = commitmentDuration;
            this.creationTime = creationTime;
            this.lastModifiedTime = creationTime;
            this.readyAt = readyAt;
            this.status = CREATING;
            this.clientRequestToken = clientRequestToken;
        }

        public String arn() {
            return arn;
        }

        public String name() {
            return name;
        }

        public String status() {
            return status;
        }

        public String modelArn() {
            return modelArn;
        }

        public int modelUnits() {
            return modelUnits;
        }

        public Instant creationTime() {
            return creationTime;
        }
    }

    private final ModelCatalog catalog;
    private final String accountId;
    private final Duration initialReadyDelay;
    private final int initialQuota;
    private final Supplier<Instant> clock;
    private final Map<String, Pt> byArn = new LinkedHashMap<>();
    /** Foundation-model ARN of the model a PT is Updating to, by PT ARN. */
    private final Map<String, String> pendingFoundation = new LinkedHashMap<>();
    private volatile Duration readyDelay;
    private volatile int modelUnitQuota;

    public ProvisionedThroughputs(ModelCatalog catalog, String accountId, Duration readyDelay, int modelUnitQuota) {
        this(catalog, accountId, readyDelay, modelUnitQuota, Instant::now);
    }

    ProvisionedThroughputs(ModelCatalog catalog, String accountId, Duration readyDelay, int modelUnitQuota,
                           Supplier<Instant> clock) {
        this.catalog = catalog;
        this.accountId = accountId;
        this.initialReadyDelay = readyDelay;
        this.initialQuota = modelUnitQuota;
        this.readyDelay = readyDelay;
        this.modelUnitQuota = modelUnitQuota;
        this.clock = clock;
    }

    /** Makes runtime calls on a provisioned-model ARN resolve to the PT's model (see the README). */
    public void registerWith(ModelCatalog catalog) {
        catalog.registerArnResolver("provisioned-model", parts -> resolveForRuntime(parts.arn, parts.resourceId,
                parts.region));
    }

    public String accountId() {
        return accountId;
    }

    /** How long Creating and Updating last (applies to PTs created or updated afterwards). */
    public void readyDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0");
        }
        this.readyDelay = delay;
    }

    public Duration readyDelay() {
        return readyDelay;
    }

    /** Total model units that PTs which are not Failed may hold together. */
    public void modelUnitQuota(int units) {
        this.modelUnitQuota = units;
    }

    public int modelUnitQuota() {
        return modelUnitQuota;
    }

    /** Forgets every PT and restores the configured delay and quota. */
    public synchronized void reset() {
        byArn.clear();
        pendingFoundation.clear();
        readyDelay = initialReadyDelay;
        modelUnitQuota = initialQuota;
    }

    /** A snapshot of all PTs, oldest first, states brought up to date. */
    public synchronized List<Pt> all() {
        Instant now = clock.get();
        List<Pt> out = new ArrayList<>(byArn.values());
        out.forEach(p -> advance(p, now));
        return out;
    }

    // ---- operations ----

    /** CreateProvisionedModelThroughput; returns the ARN. Idempotent by client request token. */
    public synchronized String create(String name, String modelId, int modelUnits, String commitmentDuration,
                                      String clientRequestToken, String region) {
        Instant now = clock.get();
        if (clientRequestToken != null) {
            for (Pt p : byArn.values()) {
                if (clientRequestToken.equals(p.clientRequestToken)) {
                    return p.arn;
                }
            }
        }
        if (findByName(name) != null) {
            throw ServiceException.validation("A provisioned model with the name " + name + " already exists.");
        }
        String[] model = modelArns(modelId, region);
        int used = 0;
        for (Pt p : byArn.values()) {
            advance(p, now);
            if (!FAILED.equals(p.status)) {
                used += p.modelUnits;
            }
        }
        if (used + modelUnits > modelUnitQuota) {
            throw new ServiceException("ServiceQuotaExceededException", 400, "The request of " + modelUnits
                    + " model units exceeds the model unit quota: " + used + " of " + modelUnitQuota
                    + " model units are already in use by provisioned models.");
        }
        String arn;
        do {
            arn = "arn:aws:bedrock:" + region + ":" + accountId + ":provisioned-model/" + Tokens.lower(12);
        } while (byArn.containsKey(arn));
        Pt pt = new Pt(arn, name, model[0], model[1], modelUnits, commitmentDuration, now, now.plus(readyDelay),
                clientRequestToken);
        byArn.put(arn, pt);
        advance(pt, now);
        return arn;
    }

    /** GetProvisionedModelThroughput by name or ARN. */
    public synchronized Pt get(String nameOrArn) {
        Pt p = find(nameOrArn);
        if (p == null) {
            throw notFound(nameOrArn);
        }
        advance(p, clock.get());
        return p;
    }

    /** UpdateProvisionedModelThroughput: a new name applies at once; a new model makes the PT Updating. */
    public synchronized void update(String nameOrArn, String desiredName, String desiredModelId, String region) {
        Pt p = get(nameOrArn);
        if (desiredName != null && !desiredName.equals(p.name)) {
            Pt other = findByName(desiredName);
            if (other != null && other != p) {
                throw ServiceException.validation("A provisioned model with the name " + desiredName
                        + " already exists.");
            }
        }
        String[] model = desiredModelId == null ? null : modelArns(desiredModelId, region);
        boolean modelChange = model != null && !model[0].equals(p.modelArn);
        if (modelChange && !IN_SERVICE.equals(p.status)) {
            throw ServiceException.validation("The provisioned model " + p.name + " cannot be updated while its "
                    + "status is " + p.status + ".");
        }
        Instant now = clock.get();
        if (desiredName != null) {
            p.name = desiredName;
        }
        if (modelChange) {
            p.desiredModelArn = model[0];
            p.status = UPDATING;
            p.readyAt = now.plus(readyDelay);
            pendingFoundation.put(p.arn, model[1]);
        }
        p.lastModifiedTime = now;
    }

    /** DeleteProvisionedModelThroughput; a PT that is Creating or Updating answers ConflictException. */
    public synchronized void delete(String nameOrArn) {
        Pt p = get(nameOrArn);
        if (CREATING.equals(p.status) || UPDATING.equals(p.status)) {
            throw new ServiceException("ConflictException", 400, "The provisioned model " + p.name
                    + " cannot be deleted while its status is " + p.status + ".");
        }
        byArn.remove(p.arn);
        pendingFoundation.remove(p.arn);
    }

    /** The summary / Get JSON of a PT. */
    public synchronized ObjectNode toJson(Pt p, boolean withFailure) {
        ObjectNode n = Json.object();
        n.put("provisionedModelName", p.name);
        n.put("provisionedModelArn", p.arn);
        n.put("modelArn", p.modelArn);
        n.put("desiredModelArn", p.desiredModelArn);
        n.put("foundationModelArn", p.foundationModelArn);
        n.put("modelUnits", p.modelUnits);
        n.put("desiredModelUnits", p.modelUnits);
        n.put("status", p.status);
        if (p.commitmentDuration != null) {
            n.put("commitmentDuration", p.commitmentDuration);
            n.put("commitmentExpirationTime", ("SixMonths".equals(p.commitmentDuration)
                    ? p.creationTime.atZone(ZoneOffset.UTC).plusMonths(6)
                    : p.creationTime.atZone(ZoneOffset.UTC).plusMonths(1)).toInstant().toString());
        }
        n.put("creationTime", p.creationTime.toString());
        n.put("lastModifiedTime", p.lastModifiedTime.toString());
        if (withFailure && p.failureMessage != null) {
            n.put("failureMessage", p.failureMessage);
        }
        return n;
    }

    // ---- runtime ----

    /**
     * What a runtime call on a provisioned-model ARN uses: the PT's current model. Creating or Updating-from-
     * nothing answers {@code ModelNotReadyException}; Failed answers {@code ValidationException}; an unknown ARN
     * resolves to nothing (the runtime then answers "The provided model identifier is invalid.").
     */
    synchronized Optional<ResolvedModel> resolveForRuntime(String arn, String resourceId, String region) {
        Pt p = byArn.get(arn);
        if (p == null) {
            for (Pt x : byArn.values()) {
                if (x.arn.endsWith("/" + resourceId)) {
                    p = x;
                    break;
                }
            }
        }
        if (p == null) {
            return Optional.empty();
        }
        advance(p, clock.get());
        if (CREATING.equals(p.status)) {
            throw ServiceException.of("ModelNotReadyException", "The provisioned model " + p.arn + " is not ready "
                    + "to serve inference requests (status Creating). Retry after it is InService.");
        }
        if (FAILED.equals(p.status)) {
            throw ServiceException.validation("The provisioned model " + p.arn + " is in the Failed state and cannot "
                    + "serve inference requests.");
        }
        FoundationModel fm = catalog.resolve(p.modelArn).map(ResolvedModel::model).orElse(null);
        return Optional.of(new ResolvedModel(arn, ResolvedModel.Kind.PROVISIONED_MODEL_ARN, fm, region));
    }

    // ---- internals ----

    private void advance(Pt p, Instant now) {
        if ((CREATING.equals(p.status) || UPDATING.equals(p.status)) && !now.isBefore(p.readyAt)) {
            if (CREATING.equals(p.status) && p.name.toLowerCase(Locale.ROOT).contains("fail")) {
                p.status = FAILED;
                p.failureMessage = "Emulated failure: the provisioned model name contains 'fail'.";
            } else {
                if (UPDATING.equals(p.status)) {
                    p.modelArn = p.desiredModelArn;
                    String f = pendingFoundation.remove(p.arn);
                    if (f != null) {
                        p.foundationModelArn = f;
                    }
                }
                p.status = IN_SERVICE;
            }
            p.lastModifiedTime = p.readyAt;
        }
    }

    private Pt find(String nameOrArn) {
        if (nameOrArn == null) {
            return null;
        }
        if (nameOrArn.startsWith("arn:")) {
            Pt p = byArn.get(nameOrArn);
            if (p == null) {
                int slash = nameOrArn.lastIndexOf('/');
                String id = slash < 0 ? nameOrArn : nameOrArn.substring(slash);
                for (Pt x : byArn.values()) {
                    if (x.arn.endsWith(id)) {
                        return x;
                    }
                }
            }
            return p;
        }
        return findByName(nameOrArn);
    }

    private Pt findByName(String name) {
        for (Pt p : byArn.values()) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound("The provisioned model " + id + " was not found.");
    }

    /** {modelArn, foundationModelArn} for a base id or foundation-model ARN that supports provisioned throughput. */
    private String[] modelArns(String modelId, String region) {
        FoundationModel fm = catalog.resolve(modelId)
                .filter(r -> r.kind() == ResolvedModel.Kind.BASE_ID
                        || r.kind() == ResolvedModel.Kind.FOUNDATION_MODEL_ARN)
                .map(ResolvedModel::model)
                .orElse(null);
        if (fm == null) {
            throw ServiceException.notFound("The model " + modelId + " was not found.");
        }
        if (!fm.inferenceTypesSupported().contains("PROVISIONED")) {
            throw ServiceException.validation("The model " + fm.modelId() + " does not support provisioned "
                    + "throughput.");
        }
        String r = region;
        if (modelId.startsWith("arn:")) {
            String[] parts = modelId.split(":");
            if (parts.length > 3 && !parts[3].isEmpty()) {
                r = parts[3];
            }
        }
        String arn = fm.arn(r);
        return new String[] {arn, arn};
    }

    /** Whether {@code status} is a PT status. */
    public static boolean isStatus(String status) {
        return CREATING.equals(status) || IN_SERVICE.equals(status) || UPDATING.equals(status)
                || FAILED.equals(status);
    }
}
