package dev.camelbedrock.emulator.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's own list of foundation models (resource {@code foundation-models.json}) and the resolution
 * of every model identifier form the runtime accepts: base ids, cross-region inference profile ids
 * ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}, {@code us-gov.}, {@code jp.}, {@code au.},
 * {@code ca.}), foundation-model ARNs, inference-profile ARNs, application-inference-profile ARNs and
 * provisioned-model ARNs. Resolution of an ARN resource type can be replaced at runtime (e.g. by the
 * provisioned-throughput feature) with {@link #registerArnResolver}.
 */
public final class ModelCatalog {

    /** Cross-region inference profile prefixes, longest first. */
    public static final List<String> GEO_PREFIXES =
            List.of("us-gov.", "global.", "apac.", "us.", "eu.", "jp.", "au.", "ca.");

    private static final Pattern ARN = Pattern.compile(
            "^arn:aws(?:-[a-z]+)*:bedrock:([a-z0-9-]*):([0-9]{12})?:([a-z-]+)/(.+)$");

    /** Parsed parts of a bedrock ARN handed to an ARN resolver. */
    public static final class ArnParts {
        public final String arn;
        public final String region;
        public final String account;
        public final String resourceType;
        public final String resourceId;

        ArnParts(String arn, String region, String account, String resourceType, String resourceId) {
            this.arn = arn;
            this.region = region;
            this.account = account;
            this.resourceType = resourceType;
            this.resourceId = resourceId;
        }
    }

    private final Map<String, FoundationModel> models;
    private final Map<String, Function<ArnParts, Optional<ResolvedModel>>> arnResolvers = new ConcurrentHashMap<>();

    public ModelCatalog(Collection<FoundationModel> models) {
        Map<String, FoundationModel> m = new LinkedHashMap<>();
        for (FoundationModel fm : models) {
            m.put(fm.modelId(), fm);
        }
        this.models = m;
        registerArnResolver("provisioned-model", p -> Optional.of(
                new ResolvedModel(p.arn, ResolvedModel.Kind.PROVISIONED_MODEL_ARN, null, p.region)));
        registerArnResolver("application-inference-profile", p -> Optional.of(
                new ResolvedModel(p.arn, ResolvedModel.Kind.APPLICATION_INFERENCE_PROFILE_ARN, null, p.region)));
    }

    /** The built-in catalog from the classpath resource. */
    public static ModelCatalog builtIn() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("foundation-models.json")) {
            if (in == null) {
                throw new IllegalStateException("foundation-models.json missing from the classpath");
            }
            JsonNode root = Json.MAPPER.readTree(in);
            List<FoundationModel> list = new ArrayList<>();
            for (JsonNode n : root.get("models")) {
                list.add(FoundationModel.fromJson(n));
            }
            return new ModelCatalog(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<FoundationModel> all() {
        return new ArrayList<>(models.values());
    }

    public Optional<FoundationModel> get(String baseId) {
        return Optional.ofNullable(models.get(baseId));
    }

    /** Replaces how ARNs of a resource type (e.g. {@code provisioned-model}) resolve. */
    public void registerArnResolver(String resourceType, Function<ArnParts, Optional<ResolvedModel>> resolver) {
        arnResolvers.put(resourceType, resolver);
    }

    /** Resolves any accepted identifier form; empty when the identifier is invalid or unknown. */
    public Optional<ResolvedModel> resolve(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        if (id.startsWith("arn:")) {
            Matcher m = ARN.matcher(id);
            if (!m.matches()) {
                return Optional.empty();
            }
            ArnParts parts = new ArnParts(id, m.group(1), m.group(2), m.group(3), m.group(4));
            switch (parts.resourceType) {
                case "foundation-model":
                    return get(parts.resourceId).map(fm -> new ResolvedModel(id,
                            ResolvedModel.Kind.FOUNDATION_MODEL_ARN, fm, parts.region));
                case "inference-profile":
                    return resolveProfileId(parts.resourceId).map(fm -> new ResolvedModel(id,
                            ResolvedModel.Kind.INFERENCE_PROFILE_ARN, fm, parts.region));
                default:
                    Function<ArnParts, Optional<ResolvedModel>> r = arnResolvers.get(parts.resourceType);
                    return r == null ? Optional.empty() : r.apply(parts);
            }
        }
        FoundationModel base = models.get(id);
        if (base != null) {
            return Optional.of(new ResolvedModel(id, ResolvedModel.Kind.BASE_ID, base, null));
        }
        for (String prefix : GEO_PREFIXES) {
            if (id.startsWith(prefix)) {
                FoundationModel fm = models.get(id.substring(prefix.length()));
                return fm == null ? Optional.empty()
                        : Optional.of(new ResolvedModel(id, ResolvedModel.Kind.CROSS_REGION_PROFILE_ID, fm, null));
            }
        }
        return Optional.empty();
    }

    /** An inference profile id: a geo-prefixed base id (a bare base id is tolerated). */
    private Optional<FoundationModel> resolveProfileId(String profileId) {
        for (String prefix : GEO_PREFIXES) {
            if (profileId.startsWith(prefix)) {
                return get(profileId.substring(prefix.length()));
            }
        }
        return get(profileId);
    }
}
