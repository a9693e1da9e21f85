package dev.camelbedrock.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Bedrock model catalog: model data loaded from JSON, identifier parsing, lookup and family resolution.
 * Immutable and thread-safe; {@link #withOverrides(Path)} returns a new catalog.
 *
 * <pre>{@code
 * BedrockModelCatalog catalog = BedrockModelCatalog.defaultCatalog();
 * BedrockModel model = catalog.require("us.anthropic.claude-3-5-haiku-20241022-v1:0");
 * model.requireCapability(Capability.TOOL_USE);
 * ModelFamily family = catalog.resolveFamily(provisionedArn, ModelFamily.ANTHROPIC_MESSAGES);
 * }</pre>
 *
 * <p>Lookup order for the base model id behind an identifier: exact id, then alias, then the id without a
 * provisioned-throughput context suffix ({@code :200k}, {@code :8k}, {@code :mm}, and a {@code :0} minor before it),
 * then the provider rules, which yield an {@linkplain BedrockModel#isInferred() inferred} model.
 */
public final class BedrockModelCatalog {

    /** Class-path location of the bundled data file. */
    public static final String RESOURCE = "/dev/camelbedrock/catalog/bedrock-models.json";

    private static final Pattern CONTEXT_SUFFIX = Pattern.compile("(.+):([0-9]+k|[0-9]+m|mm)");

    private final CatalogDocument document;
    private final List<BedrockModel> models;
    private final Map<String, BedrockModel> index;
    private final List<ProviderRule> rules;

    private BedrockModelCatalog(CatalogDocument document) {
        this.document = document;
        CatalogBuilder builder = new CatalogBuilder(document.providers);
        List<BedrockModel> built = new ArrayList<>(document.models.size());
        document.models.forEach((id, node) -> built.add(builder.model(node, document.modelSource.get(id))));
        this.models = Collections.unmodifiableList(built);
        this.index = CatalogBuilder.index(built);
        this.rules = List.copyOf(builder.rules(document.rules));
    }

    // ---- construction ---------------------------------------------------------------------------------------

    private static final class DefaultHolder {
        static final BedrockModelCatalog INSTANCE = loadBundled();
    }

    private static BedrockModelCatalog loadBundled() {
        InputStream in = BedrockModelCatalog.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new CatalogException("The bundled catalog " + RESOURCE + " is missing from the class path.");
        }
        return new BedrockModelCatalog(CatalogDocument.read(in, "classpath:" + RESOURCE));
    }

    /** The catalog bundled with this library, loaded once. */
    public static BedrockModelCatalog defaultCatalog() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Reads a complete catalog (same format as the bundled file) instead of the bundled one.
     *
     * @param in         the JSON; closed when read
     * @param sourceName a name used in error messages (file name, URL …)
     * @throws CatalogException when the data is unreadable or inconsistent
     */
    public static BedrockModelCatalog fromJson(InputStream in, String sourceName) {
        return new BedrockModelCatalog(CatalogDocument.read(Objects.requireNonNull(in, "in"), sourceName));
    }

    /** Reads a complete catalog from a file. */
    public static BedrockModelCatalog fromFile(Path file) {
        return fromJson(open(file), file.toString());
    }

    /**
     * Returns a new catalog with the models, providers and rules of an override file merged in (same format as the
     * bundled file; every top-level key optional). A model whose {@code id} (or alias) is already known is merged
     * field by field: objects such as {@code pricing} are merged recursively, arrays and scalars replace, and
     * {@code null} clears a value. Unknown ids are added and must be complete. Override rules are tried before the
     * existing ones. This catalog is not changed.
     *
     * @throws CatalogException when the file is unreadable or the merged data is inconsistent
     */
    public BedrockModelCatalog withOverrides(Path file) {
        return withOverrides(open(file), file.toString());
    }

    /** As {@link #withOverrides(Path)}, reading the override JSON from a stream (closed when read). */
    public BedrockModelCatalog withOverrides(InputStream in, String sourceName) {
        return new BedrockModelCatalog(document.merge(CatalogDocument.read(Objects.requireNonNull(in, "in"), sourceName)));
    }

    /** As {@link #withOverrides(Path)}, taking the override JSON as a string. */
    public BedrockModelCatalog withOverridesJson(String json) {
        return new BedrockModelCatalog(document.merge(CatalogDocument.readString(Objects.requireNonNull(json, "json"), "override JSON")));
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(Objects.requireNonNull(file, "file"));
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    // ---- identifiers and lookup -------------------------------------------------------------------------------

    /**
     * Classifies an identifier (see {@link ModelReference#ACCEPTED_FORMS}); no lookup is done.
     *
     * @throws InvalidModelIdentifierException when the identifier has none of the accepted forms
     */
    public ModelReference parse(String modelIdOrArn) {
        return ModelReference.parse(modelIdOrArn);
    }

    /**
     * Finds the model behind an identifier. Returns an {@linkplain BedrockModel#isInferred() inferred} model for an
     * unknown id of a known provider that matches a provider rule, and empty when the identifier hides the model
     * (provisioned-model, application-inference-profile, imported-model … ARNs), the provider is unknown, or no rule
     * matches.
     *
     * @throws InvalidModelIdentifierException when the identifier is malformed
     */
    public Optional<BedrockModel> find(String modelIdOrArn) {
        return find(parse(modelIdOrArn));
    }

    /** As {@link #find(String)}, for an already parsed identifier. */
    public Optional<BedrockModel> find(ModelReference reference) {
        return reference.baseModelId().flatMap(this::lookup);
    }

    private Optional<BedrockModel> lookup(String baseId) {
        BedrockModel m = index.get(baseId);
        if (m == null) {
            m = index.get(baseId.toLowerCase(Locale.ROOT));
        }
        if (m == null) {
            Matcher ctx = CONTEXT_SUFFIX.matcher(baseId);
            if (ctx.matches()) {
                String withoutContext = ctx.group(1);
                m = index.get(withoutContext);
                if (m == null && withoutContext.endsWith(":0")) {
                    m = index.get(withoutContext.substring(0, withoutContext.length() - 2));
                }
            }
        }
        if (m != null) {
            return Optional.of(m);
        }
        for (ProviderRule rule : rules) {
            if (rule.matches(baseId)) {
                return Optional.of(rule.prototype().inferredAs(baseId));
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the model behind an identifier or fails with a message that says why and which forms are accepted.
     *
     * @throws InvalidModelIdentifierException when the identifier is malformed
     * @throws UnknownModelException           when the identifier hides the model, or the provider/model is unknown
     */
    public BedrockModel require(String modelIdOrArn) {
        ModelReference ref = parse(modelIdOrArn);
        return find(ref).orElseThrow(() -> unknown(ref, false));
    }

    /**
     * The family to use for an identifier: {@code explicitFamily} when given (it wins, so a caller can force a codec
     * for an imported or provisioned model), otherwise the family of the model the catalog finds.
     *
     * @param modelIdOrArn   any accepted identifier
     * @param explicitFamily the family configured by the caller, or {@code null}
     * @throws InvalidModelIdentifierException when the identifier is malformed
     * @throws UnknownModelException           when no explicit family is given and the catalog cannot find the model
     */
    public ModelFamily resolveFamily(String modelIdOrArn, ModelFamily explicitFamily) {
        ModelReference ref = parse(modelIdOrArn);
        if (explicitFamily != null) {
            return explicitFamily;
        }
        return find(ref).map(BedrockModel::family).orElseThrow(() -> unknown(ref, true));
    }

    private UnknownModelException unknown(ModelReference ref, boolean familyWanted) {
        String families = Arrays.stream(ModelFamily.values()).map(Enum::name).collect(Collectors.joining(", "));
        String giveFamily = familyWanted
                ? " Give the model family explicitly (one of " + families + ")."
                : " Use resolveFamily(identifier, family) with an explicit model family (one of " + families + ").";
        if (ref.hidesModel()) {
            return new UnknownModelException(ref, "'" + ref.identifier() + "' is " + article(ref.describe()) + ref.describe()
                    + ", which does not name the underlying model, so the catalog cannot look it up." + giveFamily
                    + "\n" + ModelReference.ACCEPTED_FORMS);
        }
        String base = ref.baseModelId().orElseThrow();
        String provider = ref.provider().orElseThrow();
        String via = ref.kind() == IdentifierKind.BASE_MODEL_ID ? "" : " (from the " + ref.kind().description() + " '" + ref.identifier() + "')";
        if (!document.providers.containsKey(provider)) {
            return new UnknownModelException(ref, "Unknown model '" + base + "'" + via + ": provider '" + provider
                    + "' is not in the catalog (known providers: " + String.join(", ", document.providers.keySet()) + ")."
                    + " Check the id, add the model in an override file, or give the model family explicitly.\n"
                    + ModelReference.ACCEPTED_FORMS);
        }
        String providerRules = rules.stream().filter(r -> r.provider().equals(provider)).map(ProviderRule::toString)
                .collect(Collectors.joining(", "));
        return new UnknownModelException(ref, "Unknown model '" + base + "'" + via + ": provider '" + provider
                + "' is known but the id is not in the catalog and no provider rule maps it to a family"
                + (providerRules.isEmpty() ? "" : " (rules for " + provider + ": " + providerRules + ")") + "."
                + giveFamily + " Or add the model in an override file.\n" + ModelReference.ACCEPTED_FORMS);
    }

    private static String article(String noun) {
        return "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
    }

    // ---- listing ------------------------------------------------------------------------------------------------

    /** All catalogued models, in data-file order (inferred models are never listed). */
    public List<BedrockModel> list() {
        return models;
    }

    /** Number of catalogued models. */
    public int size() {
        return models.size();
    }

    /** Catalogued models of a provider key ({@code anthropic}) or display name ({@code Mistral AI}), case-insensitive. */
    public List<BedrockModel> byProvider(String provider) {
        String p = provider.trim();
        return models.stream()
                .filter(m -> m.provider().equalsIgnoreCase(p) || m.providerName().equalsIgnoreCase(p))
                .toList();
    }

    /** Catalogued models of a family. */
    public List<BedrockModel> byFamily(ModelFamily family) {
        return models.stream().filter(m -> m.family() == family).toList();
    }

    /** Known providers: key → display name. */
    public Map<String, String> providers() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(document.providers));
    }

    /** Provider rules in the order they are tried. */
    public List<ProviderRule> rules() {
        return rules;
    }

    /** Where the data came from: the bundled resource, then each override, in merge order. */
    public List<String> sources() {
        return List.copyOf(document.sourceNames);
    }

    /** The data's {@code updated} date, if the (last) file gives one. */
    public Optional<String> updated() {
        return Optional.ofNullable(document.updated);
    }

    @Override
    public String toString() {
        return "BedrockModelCatalog[" + models.size() + " models, " + rules.size() + " rules, sources " + document.sourceNames + "]";
    }
}
