package dev.camelbedrock.component.structured;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.camelbedrock.component.schema.JsonSchemas;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.CamelContext;

/**
 * What a structured reply must be: the JSON Schema (outputSchema, or generated from outputClass), the class the reply
 * becomes, and how many repair rounds a wrong reply gets. Built when the endpoint starts; immutable.
 */
public final class OutputContract {

    /** The tool that carries the answer for models without native structured output. */
    public static final String TOOL_NAME = "structured_output";

    private static final ObjectMapper LENIENT = JsonDocuments.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JsonNode schema;
    private final JsonSchemas.Validator validator;
    private final Class<?> target;
    private final int repairAttempts;

    private OutputContract(JsonNode schema, Class<?> target, int repairAttempts) {
        this.schema = schema;
        this.validator = JsonSchemas.validator(schema);
        this.target = target;
        this.repairAttempts = repairAttempts;
    }

    /**
     * The contract of the options, or null when neither outputSchema nor outputClass is set.
     *
     * @throws IllegalArgumentException naming the option and what is wrong with it
     */
    public static OutputContract of(CamelContext context, String outputSchema, String outputClass, int repairAttempts) {
        if (outputSchema == null && outputClass == null) {
            return null;
        }
        if (outputSchema != null && outputClass != null) {
            throw new IllegalArgumentException("outputSchema and outputClass are both set; set one (outputClass generates"
                                               + " the schema from the class)");
        }
        if (repairAttempts < 0) {
            throw new IllegalArgumentException("outputRepairAttempts is " + repairAttempts + "; accepted: 0 or more (default 1)");
        }
        if (outputSchema != null) {
            return new OutputContract(JsonSchemas.read(context, outputSchema, "option outputSchema"), null, repairAttempts);
        }
        Class<?> type;
        try {
            type = context.getClassResolver().resolveMandatoryClass(outputClass);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("outputClass " + outputClass + " is not on the classpath; give the fully"
                                               + " qualified name of a class Jackson can read JSON into", e);
        }
        JsonNode schema = generate(type);
        JsonSchemas.requireSchema(schema, "the schema generated from outputClass " + outputClass);
        return new OutputContract(schema, type, repairAttempts);
    }

    /** A schema from a class: its fields, all required, no other properties (what strict structured output expects). */
    static JsonNode generate(Class<?> type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        config.forFields().withRequiredCheck(field -> true);
        return new SchemaGenerator(config.build()).generateSchema(type);
    }

    public JsonNode schema() {
        return schema;
    }

    public int repairAttempts() {
        return repairAttempts;
    }

    /** What is wrong with a reply given as JSON text (empty when it matches the schema). */
    public List<String> violations(String text) {
        JsonNode node = parse(text);
        if (node == null) {
            return List.of("the reply is not JSON: " + abbreviate(text));
        }
        return violations(node);
    }

    public List<String> violations(JsonNode reply) {
        List<String> found = new ArrayList<>(validator.violations(reply));
        if (found.isEmpty() && target != null) {
            try {
                LENIENT.treeToValue(reply, target);
            } catch (Exception e) {
                found.add("the reply does not map to " + target.getName() + ": " + e.getMessage());
            }
        }
        return found;
    }

    /** The body a valid reply becomes: an instance of outputClass, else plain Java values (a Map for an object). */
    public Object body(JsonNode reply) {
        try {
            return target != null ? LENIENT.treeToValue(reply, target) : LENIENT.treeToValue(reply, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException("a checked reply does not convert: " + e.getMessage(), e);
        }
    }

    /** JSON text parsed, tolerating a Markdown code fence around it; null when it is not JSON. */
    public static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.startsWith("```")) {
            int firstLine = t.indexOf('\n');
            int end = t.lastIndexOf("```");
            if (firstLine > 0 && end > firstLine) {
                t = t.substring(firstLine + 1, end).trim();
            }
        }
        try {
            return JsonDocuments.parse(t);
        } catch (Exception e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "(nothing)";
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
