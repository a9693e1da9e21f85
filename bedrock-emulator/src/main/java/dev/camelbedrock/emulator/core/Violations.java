package dev.camelbedrock.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects constraint violations and reports them together in Coral's form:
 * {@code 2 validation errors detected: Value 'x' at 'a.b' failed to satisfy constraint: ...; ...}.
 */
public final class Violations {

    private final List<String> list = new ArrayList<>();

    public Violations required(JsonNode parent, String field, String path) {
        JsonNode v = parent == null ? null : parent.get(field);
        if (v == null || v.isNull()) {
            list.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    public Violations pattern(String value, String path, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            list.add(value(value) + " at '" + path + "' failed to satisfy constraint: Member must satisfy regular "
                    + "expression pattern: " + pattern.pattern());
        }
        return this;
    }

    public Violations length(String value, String path, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            list.add(value(value) + " at '" + path + "' failed to satisfy constraint: Member must have length "
                    + (value.length() < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return this;
    }

    public Violations range(JsonNode value, String path, long min, long max) {
        if (value != null && !value.isNull()) {
            if (!value.isIntegralNumber()) {
                list.add(value(value.asText()) + " at '" + path + "' failed to satisfy constraint: Member must be an "
                        + "integer");
            } else if (value.asLong() < min) {
                list.add("Value '" + value.asLong() + "' at '" + path + "' failed to satisfy constraint: Member must "
                        + "have value greater than or equal to " + min);
            } else if (value.asLong() > max) {
                list.add("Value '" + value.asLong() + "' at '" + path + "' failed to satisfy constraint: Member must "
                        + "have value less than or equal to " + max);
            }
        }
        return this;
    }

    public Violations enumValue(String value, String path, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            list.add(value(value) + " at '" + path + "' failed to satisfy constraint: Member must satisfy enum value "
                    + "set: " + allowed);
        }
        return this;
    }

    public Violations add(String violation) {
        list.add(violation);
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Throws a ValidationException when there is any violation. */
    public void throwIfAny(Service service) {
        if (!list.isEmpty()) {
            throw new ServiceException("ValidationException", ErrorCodes.status(service, "ValidationException"),
                    list.size() + " validation error" + (list.size() == 1 ? "" : "s") + " detected: "
                            + String.join("; ", list));
        }
    }

    private static String value(String v) {
        return "Value '" + v + "'";
    }
}
