package dev.camelbedrock.emulator.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a request against its operation's input shape before any operation code runs, as the service's front
 * end does: a value of the wrong JSON type fails the deserialisation ({@code SerializationException}, the first
 * one found); otherwise every constraint violation is collected and reported together in the service's form,
 * {@code N validation error(s) detected: Value 'x' at 'messages.1.member.content' failed to satisfy constraint:
 * Member must ...} (list members 1-based and followed by {@code .member}; values of sensitive shapes and blobs are
 * not repeated: {@code Value at '...'}).
 */
public final class RequestValidator {

    /** How the validator reads the parts of an HTTP request the input shape binds. */
    public interface Request {
        /** A path parameter (percent-decoded), or null. */
        String uri(String name);

        /** The first value of a query parameter, or null. */
        String query(String name);

        /** A header value, or null. */
        String header(String name);

        /** The JSON body (an empty body is an empty object); read only when the input has body members. */
        JsonNode body();
    }

    /** A refusal: the error code and its message. */
    public record Refusal(String errorCode, String message) {
    }

    private static final class WrongType extends RuntimeException {
        WrongType(String message) {
            super(message, null, false, false);
        }
    }

    private final ShapeTable table;
    private final List<String> violations = new ArrayList<>();

    private RequestValidator(ShapeTable table) {
        this.table = table;
    }

    /** Checks one request of {@code operation}; null when it is valid or the operation is not in the table. */
    public static Refusal check(ShapeTable table, String operation, Request request) {
        JsonNode op = table.operation(operation);
        if (op == null || !op.has("input")) {
            return null;
        }
        RequestValidator v = new RequestValidator(table);
        try {
            v.input(table.shape(op.get("input").asText()), request);
        } catch (WrongType e) {
            return new Refusal("SerializationException", e.getMessage());
        }
        if (v.violations.isEmpty()) {
            return null;
        }
        int n = v.violations.size();
        return new Refusal("ValidationException", n + " validation error" + (n == 1 ? "" : "s") + " detected: "
                + String.join("; ", v.violations));
    }

    private void input(JsonNode shape, Request request) {
        String payload = shape.path("payload").asText(null);
        JsonNode members = shape.path("members");
        boolean bodyMembers = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            if (!m.getValue().has("location") && !m.getKey().equals(payload)) {
                bodyMembers = true;
            }
        }
        JsonNode body = bodyMembers ? request.body() : null;
        if (body != null && !body.isObject()) {
            throw wrongType(body, "structure");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = members.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            String name = m.getKey();
            JsonNode member = m.getValue();
            String location = member.path("location").asText(null);
            String shapeName = member.get("shape").asText();
            JsonNode target = table.shape(shapeName);
            if (name.equals(payload)) {
                continue; // the raw body, read by the operation
            }
            JsonNode value;
            if (location == null) {
                value = body.get(name);
            } else {
                String wire = member.path("locationName").asText(name);
                String text = switch (location) {
                    case "uri" -> request.uri(wire);
                    case "querystring" -> request.query(wire);
                    case "header" -> request.header(wire);
                    default -> null;
                };
                if (text == null && "uri".equals(location)) {
                    continue; // the route matched, so the label is there under the emulator's own name
                }
                value = text == null ? null : scalar(text, target.path("type").asText());
            }
            if (value == null || value.isNull()) {
                if (required(shape, name)) {
                    violations.add("Value null at '" + name + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            value(value, shapeName, name, false);
        }
    }

    /** A header, label or query value as the JSON value of its shape's type (left as text when it does not parse). */
    private static JsonNode scalar(String text, String type) {
        switch (type) {
            case "integer", "long" -> {
                try {
                    return LongNode.valueOf(Long.parseLong(text.trim()));
                } catch (NumberFormatException e) {
                    throw new WrongType("STRING_VALUE can not be converted to an Integer");
                }
            }
            case "boolean" -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new WrongType("STRING_VALUE can not be converted to a Boolean");
                }
                return BooleanNode.valueOf(Boolean.parseBoolean(text));
            }
            default -> {
                return TextNode.valueOf(text);
            }
        }
    }

    private static boolean required(JsonNode shape, String member) {
        for (JsonNode r : shape.path("required")) {
            if (r.asText().equals(member)) {
                return true;
            }
        }
        return false;
    }

    private void value(JsonNode v, String shapeName, String path, boolean sensitive) {
        JsonNode shape = table.shape(shapeName);
        boolean hidden = sensitive || shape.path("sensitive").asBoolean(false);
        switch (shape.path("type").asText()) {
            case "structure" -> structure(v, shape, path, hidden);
            case "list" -> list(v, shape, path, hidden);
            case "map" -> map(v, shape, path, hidden);
            case "string" -> {
                if (!v.isTextual()) {
                    throw wrongType(v, "String");
                }
                String problem = stringProblem(v.asText(), shapeName, shape);
                if (problem != null) {
                    violations.add(valueAt(v, path, hidden) + " failed to satisfy constraint: " + problem);
                }
            }
            case "integer", "long" -> {
                if (!v.isIntegralNumber()) {
                    throw wrongType(v, shape.path("type").asText().equals("long") ? "Long" : "Integer");
                }
                range(v, shape, path, hidden);
            }
            case "float", "double" -> {
                if (!v.isNumber()) {
                    throw wrongType(v, shape.path("type").asText().equals("float") ? "Float" : "Double");
                }
                range(v, shape, path, hidden);
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    throw wrongType(v, "Boolean");
                }
            }
            case "blob" -> blob(v, shape, path);
            case "timestamp" -> {
                if (!v.isTextual() && !v.isNumber()) {
                    throw wrongType(v, "Timestamp");
                }
            }
            default -> {
            }
        }
    }

    private void structure(JsonNode v, JsonNode shape, String path, boolean hidden) {
        if (shape.path("document").asBoolean(false)) {
            return; // any JSON
        }
        if (!v.isObject()) {
            throw wrongType(v, "structure");
        }
        JsonNode members = shape.path("members");
        for (JsonNode r : shape.path("required")) {
            JsonNode child = v.get(r.asText());
            if (child == null || child.isNull()) {
                violations.add("Value null at '" + join(path, r.asText())
                        + "' failed to satisfy constraint: Member must not be null");
            }
        }
        List<String> set = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode member = members.get(f.getKey());
            if (member == null || f.getValue().isNull()) {
                continue; // unknown members are ignored, as the service does
            }
            set.add(f.getKey());
            value(f.getValue(), member.get("shape").asText(), join(path, f.getKey()), hidden);
        }
        if (shape.path("union").asBoolean(false) && set.size() != 1) {
            List<String> names = new ArrayList<>();
            members.fieldNames().forEachRemaining(names::add);
            violations.add("Value at '" + path + "' failed to satisfy constraint: Member must have exactly one of "
                    + new TreeSet<>(names) + " set, but " + (set.isEmpty() ? "none was" : set + " were") + " set");
        }
    }

    private void list(JsonNode v, JsonNode shape, String path, boolean hidden) {
        if (!v.isArray()) {
            throw wrongType(v, "list");
        }
        String problem = lengthProblem(v.size(), shape);
        if (problem != null) {
            violations.add(valueAt(v, path, hidden) + " failed to satisfy constraint: " + problem);
        }
        String member = shape.path("member").asText();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String at = path + "." + (i + 1) + ".member";
            if (item.isNull()) {
                violations.add("Value null at '" + at + "' failed to satisfy constraint: Member must not be null");
            } else {
                value(item, member, at, hidden);
            }
        }
    }

    private void map(JsonNode v, JsonNode shape, String path, boolean hidden) {
        if (!v.isObject()) {
            throw wrongType(v, "map");
        }
        String problem = lengthProblem(v.size(), shape);
        if (problem != null) {
            violations.add(valueAt(v, path, hidden) + " failed to satisfy constraint: " + problem);
        }
        String keyShape = shape.path("key").asText();
        String valueShapeName = shape.path("value").asText();
        JsonNode valueShape = table.shape(valueShapeName);
        TreeSet<String> keyProblems = new TreeSet<>();
        TreeSet<String> valueProblems = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String kp = stringProblem(f.getKey(), keyShape, table.shape(keyShape));
            if (kp != null) {
                keyProblems.add(kp);
            }
            JsonNode value = f.getValue();
            if (value.isNull()) {
                continue;
            }
            if ("string".equals(valueShape.path("type").asText())) {
                if (!value.isTextual()) {
                    throw wrongType(value, "String");
                }
                String vp = stringProblem(value.asText(), valueShapeName, valueShape);
                if (vp != null) {
                    valueProblems.add(vp);
                }
            } else {
                value(value, valueShapeName, join(path, f.getKey()), hidden);
            }
        }
        if (!keyProblems.isEmpty()) {
            violations.add(valueAt(v, path, hidden) + " failed to satisfy constraint: Map keys must satisfy "
                    + "constraint: " + keyProblems);
        }
        if (!valueProblems.isEmpty()) {
            violations.add(valueAt(v, path, hidden) + " failed to satisfy constraint: Map value must satisfy "
                    + "constraint: " + valueProblems);
        }
    }

    private void blob(JsonNode v, JsonNode shape, String path) {
        if (!v.isTextual()) {
            throw wrongType(v, "Blob");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(v.asText());
        } catch (IllegalArgumentException e) {
            throw new WrongType("Base64 encoded value at '" + path + "' could not be decoded");
        }
        String problem = lengthProblem(bytes.length, shape);
        if (problem != null) {
            violations.add("Value at '" + path + "' failed to satisfy constraint: " + problem);
        }
    }

    /** The first constraint a string breaks (enum, then length, then pattern), or null. */
    private String stringProblem(String s, String shapeName, JsonNode shape) {
        JsonNode enums = shape.get("enum");
        if (enums != null && enums.isArray()) {
            List<String> allowed = new ArrayList<>();
            enums.forEach(e -> allowed.add(e.asText()));
            return allowed.contains(s) ? null : "Member must satisfy enum value set: " + allowed;
        }
        String problem = lengthProblem(s.codePointCount(0, s.length()), shape);
        if (problem != null) {
            return problem;
        }
        JsonNode pattern = shape.get("pattern");
        if (pattern != null && !table.pattern(shapeName, pattern.asText()).matcher(s).matches()) {
            return "Member must satisfy regular expression pattern: " + pattern.asText();
        }
        return null;
    }

    private static String lengthProblem(long length, JsonNode shape) {
        JsonNode min = shape.get("min");
        JsonNode max = shape.get("max");
        if (min != null && length < min.asLong()) {
            return "Member must have length greater than or equal to " + min.asLong();
        }
        if (max != null && length > max.asLong()) {
            return "Member must have length less than or equal to " + max.asLong();
        }
        return null;
    }

    private void range(JsonNode v, JsonNode shape, String path, boolean hidden) {
        BigDecimal value = v.decimalValue();
        JsonNode min = shape.get("min");
        JsonNode max = shape.get("max");
        String problem = null;
        if (min != null && value.compareTo(min.decimalValue()) < 0) {
            problem = "Member must have value greater than or equal to " + number(min);
        } else if (max != null && value.compareTo(max.decimalValue()) > 0) {
            problem = "Member must have value less than or equal to " + number(max);
        }
        if (problem != null) {
            violations.add(valueAt(v, path, hidden) + " failed to satisfy constraint: " + problem);
        }
    }

    private static String number(JsonNode n) {
        return n.isIntegralNumber() ? Long.toString(n.asLong()) : n.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String valueAt(JsonNode v, String path, boolean hidden) {
        return (hidden ? "Value" : "Value '" + render(v) + "'") + " at '" + path + "'";
    }

    /** The value as the service prints it: text as is, lists as {@code [a, b]}, maps as {@code {k=v}}. */
    private static String render(JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(render(i)));
            return items.toString();
        }
        if (v.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                sb.append(f.getKey()).append('=').append(render(f.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        return v.asText();
    }

    private static WrongType wrongType(JsonNode v, String expected) {
        if (v.isObject()) {
            return new WrongType("Start of structure or map found where not expected.");
        }
        if (v.isArray()) {
            return new WrongType("Start of list found where not expected.");
        }
        String token = v.isTextual() ? "STRING_VALUE" : v.isNumber() ? "NUMBER_VALUE" : v.isBoolean()
                ? (v.asBoolean() ? "TRUE_VALUE" : "FALSE_VALUE") : "VALUE";
        return new WrongType(token + " can not be converted to " + article(expected));
    }

    private static String article(String type) {
        String t = Character.toUpperCase(type.charAt(0)) + type.substring(1);
        return ("AEIOU".indexOf(t.charAt(0)) >= 0 ? "an " : "a ") + t;
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }
}
