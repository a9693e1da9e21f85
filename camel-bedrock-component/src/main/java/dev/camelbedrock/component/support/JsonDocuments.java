package dev.camelbedrock.component.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/**
 * The one converter between JSON (Jackson) and the SDK's {@link Document}, used wherever a free-form JSON value
 * crosses: tool input schemas, tool inputs, additional model fields.
 */
public final class JsonDocuments {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonDocuments() {
    }

    /** Parses JSON text; the exception message says what is wrong and where. */
    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** A JSON value from a String (parsed), Map/List (converted) or JsonNode. */
    public static JsonNode toJson(Object value) throws JsonProcessingException {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return parse(s);
        }
        if (value instanceof Document d) {
            return fromDocument(d);
        }
        return MAPPER.valueToTree(value);
    }

    public static Document toDocument(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Document.fromNull();
        }
        if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                map.put(f.getKey(), toDocument(f.getValue()));
            }
            return Document.fromMap(map);
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>(node.size());
            node.forEach(n -> list.add(toDocument(n)));
            return Document.fromList(list);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Document.fromNumber(node.longValue()) : Document.fromNumber(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        return Document.fromString(node.asText());
    }

    public static JsonNode fromDocument(Document doc) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (doc == null || doc.isNull()) {
            return f.nullNode();
        }
        if (doc.isMap()) {
            ObjectNode o = f.objectNode();
            doc.asMap().forEach((k, v) -> o.set(k, fromDocument(v)));
            return o;
        }
        if (doc.isList()) {
            ArrayNode a = f.arrayNode();
            doc.asList().forEach(v -> a.add(fromDocument(v)));
            return a;
        }
        if (doc.isBoolean()) {
            return f.booleanNode(doc.asBoolean());
        }
        if (doc.isNumber()) {
            SdkNumber n = doc.asNumber();
            BigDecimal d = n.bigDecimalValue();
            try {
                return f.numberNode(d.longValueExact());
            } catch (ArithmeticException notIntegral) {
                return f.numberNode(d);
            }
        }
        return f.textNode(doc.asString());
    }

    /** A Document as plain Java values: Map, List, String, Number, Boolean, null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Document doc) {
        if (doc == null || !doc.isMap()) {
            return Map.of();
        }
        return MAPPER.convertValue(fromDocument(doc), Map.class);
    }
}
