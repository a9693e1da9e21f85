package dev.camelbedrock.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog file as a JSON tree, before models are built: providers, rules and model entries keyed by id.
 * Overrides are merged at this level (JSON merge-patch per model), then {@link CatalogBuilder} validates and
 * builds the models. Uses the Jackson tree model only (no data binding, no reflection).
 */
final class CatalogDocument {

    static final int FORMAT_VERSION = 1;
    static final Set<String> TOP_LEVEL_KEYS = Set.of("formatVersion", "description", "updated", "sources", "providers", "rules", "models");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    final List<String> sourceNames;
    final String updated;
    final LinkedHashMap<String, String> providers;
    final List<ObjectNode> rules;
    final LinkedHashMap<String, ObjectNode> models;
    final Map<String, String> modelSource;

    private CatalogDocument(List<String> sourceNames, String updated, LinkedHashMap<String, String> providers,
                            List<ObjectNode> rules, LinkedHashMap<String, ObjectNode> models, Map<String, String> modelSource) {
        this.sourceNames = sourceNames;
        this.updated = updated;
        this.providers = providers;
        this.rules = rules;
        this.models = models;
        this.modelSource = modelSource;
    }

    static CatalogDocument read(InputStream in, String sourceName) {
        JsonNode root;
        try (InputStream input = in) {
            root = MAPPER.readTree(input);
        } catch (JsonProcessingException e) {
            throw new CatalogException(sourceName + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")" : ""), e);
        } catch (IOException e) {
            throw new CatalogException(sourceName + ": cannot be read: " + e.getMessage(), e);
        }
        return fromTree(root, sourceName);
    }

    static CatalogDocument readString(String json, String sourceName) {
        try {
            return fromTree(MAPPER.readTree(json), sourceName);
        } catch (JsonProcessingException e) {
            throw new CatalogException(sourceName + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static CatalogDocument fromTree(JsonNode root, String sourceName) {
        if (root == null || !root.isObject()) {
            throw new CatalogException(sourceName + ": the top level must be a JSON object with \"models\" (and optionally \"providers\", \"rules\").");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL_KEYS.contains(key)) {
                throw new CatalogException(sourceName + ": unknown top-level key \"" + key + "\"; known keys: " + String.join(", ", TOP_LEVEL_KEYS.stream().sorted().toList()));
            }
        }
        JsonNode version = root.get("formatVersion");
        if (version != null && (!version.canConvertToInt() || version.asInt() != FORMAT_VERSION)) {
            throw new CatalogException(sourceName + ": formatVersion " + version + " is not supported; this library reads formatVersion " + FORMAT_VERSION + ".");
        }
        JsonNode updatedNode = root.get("updated");
        String updated = updatedNode != null && updatedNode.isTextual() ? updatedNode.asText() : null;

        LinkedHashMap<String, String> providers = new LinkedHashMap<>();
        JsonNode p = root.get("providers");
        if (p != null) {
            if (!p.isObject()) {
                throw new CatalogException(sourceName + ": \"providers\" must be an object of provider key → display name.");
            }
            p.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new CatalogException(sourceName + ": providers." + e.getKey() + " must be a non-empty display name.");
                }
                if (!e.getKey().matches("[a-z0-9-]+")) {
                    throw new CatalogException(sourceName + ": provider key '" + e.getKey() + "' must be lowercase letters, digits or '-' (the part of a model id before the first dot).");
                }
                providers.put(e.getKey(), e.getValue().asText());
            });
        }

        List<ObjectNode> rules = new ArrayList<>();
        JsonNode r = root.get("rules");
        if (r != null) {
            if (!r.isArray()) {
                throw new CatalogException(sourceName + ": \"rules\" must be an array of {\"match\", \"family\", \"template\"?} objects.");
            }
            int i = 0;
            for (JsonNode rule : r) {
                if (!rule.isObject()) {
                    throw new CatalogException(sourceName + ": rules[" + i + "] must be an object.");
                }
                ObjectNode copy = ((ObjectNode) rule).deepCopy();
                copy.put("$source", sourceName + ": rules[" + i + "]");
                rules.add(copy);
                i++;
            }
        }

        LinkedHashMap<String, ObjectNode> models = new LinkedHashMap<>();
        Map<String, String> modelSource = new LinkedHashMap<>();
        JsonNode m = root.get("models");
        if (m != null) {
            if (!m.isArray()) {
                throw new CatalogException(sourceName + ": \"models\" must be an array of model objects.");
            }
            int i = 0;
            for (JsonNode model : m) {
                String where = sourceName + ": models[" + i + "]";
                if (!model.isObject()) {
                    throw new CatalogException(where + " must be an object.");
                }
                JsonNode id = model.get("id");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    throw new CatalogException(where + " has no \"id\".");
                }
                String key = id.asText();
                if (models.containsKey(key)) {
                    throw new CatalogException(where + ": duplicate model id '" + key + "' (already at " + modelSource.get(key) + ").");
                }
                models.put(key, ((ObjectNode) model).deepCopy());
                modelSource.put(key, where);
                i++;
            }
        }
        if (p == null && r == null && m == null) {
            throw new CatalogException(sourceName + ": nothing to read: expected at least one of \"models\", \"providers\", \"rules\".");
        }
        List<String> sources = new ArrayList<>();
        sources.add(sourceName);
        return new CatalogDocument(sources, updated, providers, rules, models, modelSource);
    }

    /**
     * Merges an override document into a copy of this one. Models with a known id (or alias) are merged field by
     * field (objects recursively, arrays and scalars replaced, {@code null} clears); new ids are appended.
     * Providers are added or renamed; override rules are tried before existing ones.
     */
    CatalogDocument merge(CatalogDocument override) {
        LinkedHashMap<String, String> providers = new LinkedHashMap<>(this.providers);
        providers.putAll(override.providers);

        List<ObjectNode> rules = new ArrayList<>(override.rules);
        rules.addAll(this.rules);

        LinkedHashMap<String, ObjectNode> models = new LinkedHashMap<>();
        this.models.forEach((k, v) -> models.put(k, v.deepCopy()));
        Map<String, String> modelSource = new LinkedHashMap<>(this.modelSource);
        Map<String, String> aliasToId = new LinkedHashMap<>();
        models.forEach((id, node) -> {
            JsonNode aliases = node.get("aliases");
            if (aliases != null && aliases.isArray()) {
                aliases.forEach(a -> aliasToId.put(a.asText(), id));
            }
        });
        override.models.forEach((id, patch) -> {
            String target = models.containsKey(id) ? id : aliasToId.get(id);
            String where = override.modelSource.get(id);
            if (target != null) {
                ObjectNode merged = models.get(target);
                ObjectNode p = patch.deepCopy();
                p.put("id", target);
                mergePatch(merged, p);
                modelSource.put(target, modelSource.get(target) + " + " + where);
            } else {
                models.put(id, patch.deepCopy());
                modelSource.put(id, where);
            }
        });
        List<String> sources = new ArrayList<>(this.sourceNames);
        sources.addAll(override.sourceNames);
        return new CatalogDocument(sources, override.updated != null ? override.updated : updated, providers, rules, models, modelSource);
    }

    static void mergePatch(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(e -> {
            JsonNode existing = target.get(e.getKey());
            JsonNode value = e.getValue();
            if (value.isObject() && existing != null && existing.isObject()) {
                mergePatch((ObjectNode) existing, (ObjectNode) value);
            } else if (value.isArray()) {
                target.set(e.getKey(), ((ArrayNode) value).deepCopy());
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        });
    }
}
