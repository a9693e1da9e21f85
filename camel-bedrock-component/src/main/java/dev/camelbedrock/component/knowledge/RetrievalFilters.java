package dev.camelbedrock.component.knowledge;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.JsonDocuments;
import software.amazon.awssdk.services.bedrockagentruntime.model.FilterAttribute;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalFilter;

/**
 * Reads a knowledge-base metadata filter written the way Bedrock's JSON writes it, e.g.
 * {@code {"andAll":[{"equals":{"key":"category","value":"faq"}},{"greaterThan":{"key":"year","value":2020}}]}}, into
 * the SDK's {@link RetrievalFilter}. Every mistake is reported with its JSON path.
 */
final class RetrievalFilters {

    private static final Map<String, Function<FilterAttribute, RetrievalFilter>> OPERATORS = Map.ofEntries(
            Map.entry("equals", RetrievalFilter::fromEqualsValue),
            Map.entry("notEquals", RetrievalFilter::fromNotEquals),
            Map.entry("greaterThan", RetrievalFilter::fromGreaterThan),
            Map.entry("greaterThanOrEquals", RetrievalFilter::fromGreaterThanOrEquals),
            Map.entry("lessThan", RetrievalFilter::fromLessThan),
            Map.entry("lessThanOrEquals", RetrievalFilter::fromLessThanOrEquals),
            Map.entry("in", RetrievalFilter::fromIn),
            Map.entry("notIn", RetrievalFilter::fromNotIn),
            Map.entry("startsWith", RetrievalFilter::fromStartsWith),
            Map.entry("listContains", RetrievalFilter::fromListContains),
            Map.entry("stringContains", RetrievalFilter::fromStringContains));

    static final String ACCEPTED = "one of equals, notEquals, greaterThan, greaterThanOrEquals, lessThan, lessThanOrEquals, in, notIn,"
                                   + " startsWith, listContains, stringContains ({\"key\":...,\"value\":...}), andAll, orAll (a list of"
                                   + " at least 2 filters)";

    private RetrievalFilters() {
    }

    /** A filter from JSON text, a Map, a JsonNode, or an SDK RetrievalFilter (returned as is). */
    static RetrievalFilter parse(Object value, String what, String operation) {
        if (value instanceof RetrievalFilter f) {
            return f;
        }
        JsonNode node;
        try {
            node = JsonDocuments.toJson(value);
        } catch (Exception e) {
            throw new BedrockInputException(operation, null, what + " is not valid JSON: " + e.getMessage(), e);
        }
        return filter(node, "$", what, operation);
    }

    private static RetrievalFilter filter(JsonNode node, String path, String what, String operation) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw bad(what, path, "a filter is a JSON object with exactly one operator", operation);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        Map.Entry<String, JsonNode> op = fields.next();
        String name = op.getKey();
        JsonNode arg = op.getValue();
        String at = path + "." + name;
        if (name.equals("andAll") || name.equals("orAll")) {
            if (!arg.isArray() || arg.size() < 2) {
                throw bad(what, at, name + " needs a list of at least 2 filters", operation);
            }
            List<RetrievalFilter> all = new ArrayList<>(arg.size());
            for (int i = 0; i < arg.size(); i++) {
                all.add(filter(arg.get(i), at + "[" + i + "]", what, operation));
            }
            return name.equals("andAll") ? RetrievalFilter.fromAndAll(all) : RetrievalFilter.fromOrAll(all);
        }
        Function<FilterAttribute, RetrievalFilter> make = OPERATORS.get(name);
        if (make == null) {
            throw bad(what, path, "unknown operator '" + name + "'", operation);
        }
        JsonNode key = arg.get("key");
        if (!arg.isObject() || key == null || !key.isTextual() || key.asText().isBlank() || !arg.has("value")) {
            throw bad(what, at, name + " needs {\"key\":\"<metadata key>\",\"value\":<JSON value>}", operation);
        }
        if ((name.equals("in") || name.equals("notIn")) && !arg.get("value").isArray()) {
            throw bad(what, at, name + " needs a list as its value", operation);
        }
        return make.apply(FilterAttribute.builder().key(key.asText()).value(JsonDocuments.toDocument(arg.get("value"))).build());
    }

    private static BedrockInputException bad(String what, String path, String problem, String operation) {
        return new BedrockInputException(operation, null, what + " at " + path + ": " + problem + "; accepted: " + ACCEPTED);
    }
}
