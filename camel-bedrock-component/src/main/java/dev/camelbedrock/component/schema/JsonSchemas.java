package dev.camelbedrock.component.schema;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/**
 * JSON Schema for tool arguments and structured output: reading a schema given inline or as a resource, checking that it
 * is a JSON Schema (against the 2020-12 meta-schema, which the validator ships), and checking values against it.
 */
public final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static volatile JsonSchema metaSchema;

    private JsonSchemas() {
    }

    /**
     * A schema given as inline JSON (starting with '{') or as a resource ({@code classpath:}, {@code file:}); remote URLs
     * are refused.
     *
     * @param what how the error names the option, e.g. "option outputSchema"
     */
    public static JsonNode read(CamelContext context, String value, String what) {
        String json = value.trim();
        if (!json.startsWith("{")) {
            if (json.startsWith("http:") || json.startsWith("https:")) {
                throw new IllegalArgumentException(what + " names a remote URL (" + value + "); a schema is read only from"
                        + " classpath: or file: resources, or given inline as JSON");
            }
            try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(context, json)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalArgumentException(what + " names resource '" + value + "' which cannot be read ("
                        + e.getMessage() + "); accepted: inline JSON, classpath:... or file:...", e);
            }
        }
        JsonNode schema;
        try {
            schema = JsonDocuments.parse(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
        }
        requireSchema(schema, what);
        return schema;
    }

    /** Refuses a value that is not a JSON Schema object, listing what the meta-schema says is wrong. */
    public static void requireSchema(JsonNode schema, String what) {
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON Schema: a schema is a JSON object, got " + schema);
        }
        List<String> problems = messages(meta().validate(schema));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + " is not a valid JSON Schema: " + String.join("; ", problems));
        }
        try {
            FACTORY.getSchema(schema);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " is not a usable JSON Schema: " + e.getMessage(), e);
        }
    }

    /** A checked schema, ready to validate values; thread-safe. */
    public static Validator validator(JsonNode schema) {
        return new Validator(FACTORY.getSchema(schema));
    }

    private static JsonSchema meta() {
        JsonSchema m = metaSchema;
        if (m == null) {
            m = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
            metaSchema = m;
        }
        return m;
    }

    private static List<String> messages(Set<ValidationMessage> found) {
        List<String> out = new ArrayList<>(found.size());
        for (ValidationMessage m : found) {
            out.add(m.getMessage());
        }
        out.sort(null);
        return out;
    }

    /** Validates values against one schema. */
    public static final class Validator {
        private final JsonSchema schema;

        private Validator(JsonSchema schema) {
            this.schema = schema;
        }

        /** What is wrong with {@code value} (empty when it is valid), each naming where, e.g. "$.order_id: is missing". */
        public List<String> violations(JsonNode value) {
            return messages(schema.validate(value));
        }
    }
}
