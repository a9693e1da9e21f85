package dev.camelbedrock.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Validates the JSON tree of a {@link CatalogDocument} and builds models and rules from it. */
final class CatalogBuilder {

    static final Set<String> MODEL_KEYS = Set.of("id", "aliases", "provider", "family", "name", "inputModalities",
            "outputModalities", "capabilities", "contextWindow", "maxOutputTokens", "embedding", "image",
            "inferenceProfileRequired", "inferenceProfilePrefixes", "pricing", "lifecycle", "notes");
    static final Set<String> TEMPLATE_KEYS = MODEL_KEYS.stream()
            .filter(k -> !Set.of("id", "aliases", "provider", "family", "name").contains(k))
            .collect(Collectors.toUnmodifiableSet());
    static final Set<String> RULE_KEYS = Set.of("match", "family", "template", "$source");
    static final Set<String> EMBEDDING_KEYS = Set.of("dimensions", "defaultDimension", "batchLimit", "maxInputTokens");
    static final Set<String> IMAGE_KEYS = Set.of("sizes", "minSide", "maxSide", "sideMultipleOf", "minAspectRatio",
            "maxAspectRatio", "maxPixelsExclusive", "aspectRatios", "maxImages", "maxPromptChars");
    static final Set<String> PRICING_KEYS = Set.of("inputPer1kTokens", "outputPer1kTokens", "perImage",
            "cacheReadPer1kTokens", "cacheWritePer1kTokens");

    private final Map<String, String> providers;

    CatalogBuilder(Map<String, String> providers) {
        this.providers = providers;
    }

    // ---- models ---------------------------------------------------------------------------------------------

    BedrockModel model(ObjectNode node, String where) {
        String id = text(node, "id", where, true);
        String at = where + " (id " + id + ")";
        checkKeys(node, MODEL_KEYS, at, "model");
        ModelReference ref;
        try {
            ref = ModelReference.parse(id);
        } catch (InvalidModelIdentifierException e) {
            throw new CatalogException(at + ": id is not a model id: " + firstLine(e.getMessage()));
        }
        if (ref.kind() != IdentifierKind.BASE_MODEL_ID) {
            throw new CatalogException(at + ": id must be a base model id, not a " + ref.kind().description()
                    + " (list geography prefixes in \"inferenceProfilePrefixes\").");
        }
        String provider = ref.provider().orElseThrow();
        String declaredProvider = text(node, "provider", at, false);
        if (declaredProvider != null && !declaredProvider.equals(provider)) {
            throw new CatalogException(at + ": provider '" + declaredProvider + "' does not match the id's provider part '" + provider + "'.");
        }
        String providerName = providers.get(provider);
        if (providerName == null) {
            throw new CatalogException(at + ": provider '" + provider + "' is not declared in \"providers\" (declared: "
                    + String.join(", ", providers.keySet()) + ").");
        }
        ModelFamily family = enumValue(ModelFamily.class, text(node, "family", at, true), at, "family");
        String name = text(node, "name", at, true);
        List<String> aliases = stringList(node, "aliases", at);
        for (String alias : aliases) {
            ModelReference a;
            try {
                a = ModelReference.parse(alias);
            } catch (InvalidModelIdentifierException e) {
                throw new CatalogException(at + ": alias '" + alias + "' is not a model id.");
            }
            if (a.kind() != IdentifierKind.BASE_MODEL_ID) {
                throw new CatalogException(at + ": alias '" + alias + "' must be a base model id, not a " + a.kind().description() + ".");
            }
        }
        return build(node, at, id, aliases, provider, providerName, family, name, null, true);
    }

    private BedrockModel build(ObjectNode node, String at, String id, List<String> aliases, String provider,
                               String providerName, ModelFamily family, String name, String inferredFrom, boolean strict) {
        Set<Modality> in = enumSet(node, "inputModalities", Modality.class, at, strict ? null : family.defaultInputModalities());
        Set<Modality> out = enumSet(node, "outputModalities", Modality.class, at, strict ? null : family.defaultOutputModalities());
        Set<Capability> caps = enumSet(node, "capabilities", Capability.class, at,
                strict ? EnumSet.noneOf(Capability.class) : family.defaultCapabilities());
        for (Capability c : caps) {
            if (c.isDerived()) {
                throw new CatalogException(at + ": capability " + c + " is derived from the modalities and family and must not be listed"
                        + " (declared capabilities: " + Arrays.stream(Capability.values()).filter(x -> !x.isDerived()).map(Enum::name).collect(Collectors.joining(", ")) + ").");
            }
        }
        if (in.isEmpty() || out.isEmpty()) {
            throw new CatalogException(at + ": inputModalities and outputModalities must not be empty.");
        }
        checkFamilyOutputs(family, out, at);

        Integer contextWindow = positiveInt(node, "contextWindow", at);
        Integer maxOutputTokens = positiveInt(node, "maxOutputTokens", at);

        EmbeddingSpec embedding = null;
        JsonNode e = node.get("embedding");
        if (out.contains(Modality.EMBEDDING)) {
            if (e == null || e.isNull()) {
                if (strict) {
                    throw new CatalogException(at + ": embedding models need an \"embedding\" object ({\"dimensions\", \"defaultDimension\", \"batchLimit\", \"maxInputTokens\"}).");
                }
                embedding = new EmbeddingSpec(List.of(), null, family.defaultEmbeddingBatchLimit(), null);
            } else {
                embedding = embedding(e, at, family);
            }
        } else if (e != null && !e.isNull()) {
            throw new CatalogException(at + ": \"embedding\" is only allowed when outputModalities contains EMBEDDING.");
        }

        ImageSpec image = null;
        JsonNode i = node.get("image");
        if (i != null && !i.isNull()) {
            if (!out.contains(Modality.IMAGE)) {
                throw new CatalogException(at + ": \"image\" is only allowed when outputModalities contains IMAGE.");
            }
            image = image(i, at);
        }

        boolean profileRequired = bool(node, "inferenceProfileRequired", at, false);
        List<String> prefixes = stringList(node, "inferenceProfilePrefixes", at);
        for (String prefix : prefixes) {
            if (!ModelReference.GEOGRAPHY_PREFIXES.contains(prefix)) {
                throw new CatalogException(at + ": inferenceProfilePrefixes: '" + prefix + "' is not a known geography ("
                        + String.join(", ", ModelReference.GEOGRAPHY_PREFIXES) + ").");
            }
        }
        if (strict && profileRequired && prefixes.isEmpty()) {
            throw new CatalogException(at + ": inferenceProfileRequired is true but no inferenceProfilePrefixes are listed.");
        }
        Pricing pricing = pricing(node.get("pricing"), at);
        String lifecycleText = text(node, "lifecycle", at, false);
        ModelLifecycle lifecycle = lifecycleText == null ? ModelLifecycle.ACTIVE : enumValue(ModelLifecycle.class, lifecycleText, at, "lifecycle");
        String notes = text(node, "notes", at, false);
        return new BedrockModel(id, aliases, provider, providerName, family, name, in, out, caps, contextWindow,
                maxOutputTokens, embedding, image, profileRequired, prefixes, pricing, lifecycle, notes, inferredFrom);
    }

    private static void checkFamilyOutputs(ModelFamily family, Set<Modality> out, String at) {
        Modality expected;
        switch (family.kind()) {
            case EMBEDDING: expected = Modality.EMBEDDING; break;
            case IMAGE: expected = Modality.IMAGE; break;
            case VIDEO: expected = Modality.VIDEO; break;
            case SPEECH: expected = Modality.AUDIO; break;
            default: expected = Modality.TEXT; break;
        }
        if (!out.contains(expected)) {
            throw new CatalogException(at + ": family " + family + " produces " + family.kind() + " but outputModalities "
                    + out + " lacks " + expected + ".");
        }
        if (family.kind() != ModelFamily.Kind.EMBEDDING && out.contains(Modality.EMBEDDING)) {
            throw new CatalogException(at + ": outputModalities contains EMBEDDING but family " + family + " is not an embedding family.");
        }
    }

    private EmbeddingSpec embedding(JsonNode e, String at, ModelFamily family) {
        String where = at + ": embedding";
        if (!e.isObject()) {
            throw new CatalogException(where + " must be an object.");
        }
        checkKeys((ObjectNode) e, EMBEDDING_KEYS, where, "embedding");
        List<Integer> dims = new ArrayList<>();
        JsonNode d = e.get("dimensions");
        if (d != null && !d.isNull()) {
            if (!d.isArray()) {
                throw new CatalogException(where + ".dimensions must be an array of positive integers.");
            }
            for (JsonNode x : d) {
                if (!x.canConvertToInt() || !x.isIntegralNumber() || x.asInt() <= 0) {
                    throw new CatalogException(where + ".dimensions: '" + x + "' is not a positive integer.");
                }
                dims.add(x.asInt());
            }
        }
        Integer def = positiveInt(e, "defaultDimension", where);
        if (def != null && !dims.isEmpty() && !dims.contains(def)) {
            throw new CatalogException(where + ".defaultDimension " + def + " is not one of dimensions " + dims + ".");
        }
        Integer batch = positiveInt(e, "batchLimit", where);
        Integer maxIn = positiveInt(e, "maxInputTokens", where);
        return new EmbeddingSpec(dims, def, batch == null ? family.defaultEmbeddingBatchLimit() : batch, maxIn);
    }

    private ImageSpec image(JsonNode i, String at) {
        String where = at + ": image";
        if (!i.isObject()) {
            throw new CatalogException(where + " must be an object.");
        }
        checkKeys((ObjectNode) i, IMAGE_KEYS, where, "image");
        List<ImageSize> sizes = new ArrayList<>();
        for (String s : stringList(i, "sizes", where)) {
            try {
                sizes.add(ImageSize.parse(s));
            } catch (IllegalArgumentException ex) {
                throw new CatalogException(where + ".sizes: " + ex.getMessage());
            }
        }
        List<AspectRatio> ratios = new ArrayList<>();
        for (String s : stringList(i, "aspectRatios", where)) {
            ratios.add(ratio(s, where + ".aspectRatios"));
        }
        Integer minSide = positiveInt(i, "minSide", where);
        Integer maxSide = positiveInt(i, "maxSide", where);
        if (minSide != null && maxSide != null && minSide > maxSide) {
            throw new CatalogException(where + ": minSide " + minSide + " exceeds maxSide " + maxSide + ".");
        }
        String minR = text(i, "minAspectRatio", where, false);
        String maxR = text(i, "maxAspectRatio", where, false);
        AspectRatio minRatio = minR == null ? null : ratio(minR, where + ".minAspectRatio");
        AspectRatio maxRatio = maxR == null ? null : ratio(maxR, where + ".maxAspectRatio");
        if (minRatio != null && maxRatio != null && minRatio.compareRatio(maxRatio) > 0) {
            throw new CatalogException(where + ": minAspectRatio " + minRatio + " is wider than maxAspectRatio " + maxRatio + ".");
        }
        JsonNode px = i.get("maxPixelsExclusive");
        Long maxPixels = null;
        if (px != null && !px.isNull()) {
            if (!px.isIntegralNumber() || px.asLong() <= 0) {
                throw new CatalogException(where + ".maxPixelsExclusive must be a positive integer.");
            }
            maxPixels = px.asLong();
        }
        return new ImageSpec(sizes, minSide, maxSide, positiveInt(i, "sideMultipleOf", where), minRatio, maxRatio,
                maxPixels, ratios, positiveInt(i, "maxImages", where), positiveInt(i, "maxPromptChars", where));
    }

    private static AspectRatio ratio(String s, String where) {
        try {
            return AspectRatio.parse(s);
        } catch (IllegalArgumentException ex) {
            throw new CatalogException(where + ": " + ex.getMessage());
        }
    }

    private static Pricing pricing(JsonNode p, String at) {
        if (p == null || p.isNull()) {
            return null;
        }
        String where = at + ": pricing";
        if (!p.isObject()) {
            throw new CatalogException(where + " must be an object or null.");
        }
        checkKeys((ObjectNode) p, PRICING_KEYS, where, "pricing");
        return new Pricing(price(p, "inputPer1kTokens", where), price(p, "outputPer1kTokens", where), price(p, "perImage", where),
                price(p, "cacheReadPer1kTokens", where), price(p, "cacheWritePer1kTokens", where));
    }

    private static BigDecimal price(JsonNode p, String field, String where) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || v.decimalValue().signum() < 0) {
            throw new CatalogException(where + "." + field + " must be a non-negative number or null, got " + v + ".");
        }
        return v.decimalValue().stripTrailingZeros();
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    List<ProviderRule> rules(List<ObjectNode> nodes) {
        List<ProviderRule> rules = new ArrayList<>();
        for (ObjectNode node : nodes) {
            String where = node.path("$source").asText("rules");
            checkKeys(node, RULE_KEYS, where, "rule");
            String match = text(node, "match", where, true);
            int dot = match.indexOf('.');
            if (dot <= 0 || match.substring(0, dot).contains("*")) {
                throw new CatalogException(where + ": match '" + match + "' must start with a literal provider key and a dot, e.g. cohere.embed*.");
            }
            String provider = match.substring(0, dot);
            String providerName = providers.get(provider);
            if (providerName == null) {
                throw new CatalogException(where + ": provider '" + provider + "' of match '" + match + "' is not declared in \"providers\".");
            }
            ModelFamily family = enumValue(ModelFamily.class, text(node, "family", where, true), where, "family");
            JsonNode template = node.get("template");
            ObjectNode t;
            if (template == null || template.isNull()) {
                t = node.objectNode();
            } else if (template.isObject()) {
                t = (ObjectNode) template;
                checkKeys(t, TEMPLATE_KEYS, where + ": template", "rule template");
            } else {
                throw new CatalogException(where + ": template must be an object of model fields.");
            }
            String placeholder = provider + ".rule-prototype";
            BedrockModel prototype = build(t, where + " (match " + match + ")", placeholder, List.of(), provider,
                    providerName, family, placeholder, match, false);
            rules.add(new ProviderRule(match, family, prototype));
        }
        return rules;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static void checkKeys(ObjectNode node, Set<String> allowed, String where, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new CatalogException(where + ": unknown " + what + " key \"" + key + "\"; known keys: "
                        + String.join(", ", new TreeSet<>(allowed).stream().filter(k -> !k.startsWith("$")).toList()) + ".");
            }
        }
    }

    private static String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new CatalogException(where + ": \"" + field + "\" is required.");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new CatalogException(where + ": \"" + field + "\" must be a non-empty string, got " + v + ".");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode node, String field, String where, boolean dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new CatalogException(where + ": \"" + field + "\" must be true or false, got " + v + ".");
        }
        return v.booleanValue();
    }

    private static Integer positiveInt(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() <= 0) {
            throw new CatalogException(where + ": \"" + field + "\" must be a positive integer or null, got " + v + ".");
        }
        return v.asInt();
    }

    private static List<String> stringList(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new CatalogException(where + ": \"" + field + "\" must be an array of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isTextual() || x.asText().isBlank()) {
                throw new CatalogException(where + ": \"" + field + "\" must contain non-empty strings, got " + x + ".");
            }
            out.add(x.asText());
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": " + field + " '" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static <E extends Enum<E>> Set<E> enumSet(JsonNode node, String field, Class<E> type, String where, Set<E> dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (dflt == null) {
                throw new CatalogException(where + ": \"" + field + "\" is required.");
            }
            return dflt;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String s : stringList(node, field, where)) {
            E e = enumValue(type, s, where, field);
            if (!out.add(e)) {
                throw new CatalogException(where + ": \"" + field + "\" lists " + e + " twice.");
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Builds the id/alias index, rejecting duplicates. */
    static Map<String, BedrockModel> index(List<BedrockModel> models) {
        Map<String, BedrockModel> index = new LinkedHashMap<>();
        for (BedrockModel m : models) {
            putUnique(index, m.id(), m);
            for (String alias : m.aliases()) {
                putUnique(index, alias, m);
            }
        }
        return index;
    }

    private static void putUnique(Map<String, BedrockModel> index, String key, BedrockModel m) {
        BedrockModel previous = index.putIfAbsent(key, m);
        if (previous != null && previous != m) {
            throw new CatalogException("Model id or alias '" + key + "' is used by both " + previous.id() + " and " + m.id() + ".");
        }
    }
}
