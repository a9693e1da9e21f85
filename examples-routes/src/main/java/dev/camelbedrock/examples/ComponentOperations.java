package dev.camelbedrock.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The operations of the bedrock: component on the classpath, read from its generated catalog descriptor. The
 * examples switch steps on only when the component has their operation (embed and applyGuardrail arrive after
 * converse); see docs/kafka-and-kamelets.md.
 */
public final class ComponentOperations {

    private static final String DESCRIPTOR = "META-INF/dev/camelbedrock/component/bedrock.json";
    private static final Set<String> OPERATIONS = load();

    private ComponentOperations() {
    }

    public static boolean has(String operation) {
        return OPERATIONS.contains(operation);
    }

    public static Set<String> all() {
        return OPERATIONS;
    }

    private static Set<String> load() {
        try (InputStream in = ComponentOperations.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTOR + " is not on the classpath: add the camel-bedrock-component"
                        + " dependency (its jar carries this generated descriptor)");
            }
            Set<String> operations = new LinkedHashSet<>();
            JsonNode values = new ObjectMapper().readTree(in).path("properties").path("operation").path("enum");
            values.forEach(v -> operations.add(v.asText()));
            return Set.copyOf(operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
