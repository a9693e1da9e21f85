package dev.camelbedrock.springboot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.BedrockComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the starter true to the component: {@link BedrockComponentConfiguration} and the enum value hints in
 * {@code additional-spring-configuration-metadata.json} are rendered from the component descriptor's
 * {@code componentProperties} (name, description, type, default, secret, enum) and must equal the checked-in files.
 * Run with {@code -Dstarter.update=true} to rewrite them after the component's options changed.
 */
class ConfigurationSourceTest {

    static final String PREFIX = "camel.component.bedrock";
    private static final Path SOURCE = Path.of("src/main/java/dev/camelbedrock/springboot/BedrockComponentConfiguration.java");
    private static final Path HINTS = Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");
    private static final String UPDATE = "./mvnw -pl camel-bedrock-spring-boot-starter -am test -Dtest=ConfigurationSourceTest"
                                         + " -Dsurefire.failIfNoSpecifiedTests=false -Dstarter.update=true";

    @Test
    void configurationClassMatchesTheComponentDescriptor() throws Exception {
        check(SOURCE, renderSource(options()));
    }

    @Test
    void valueHintsMatchTheComponentDescriptor() throws Exception {
        check(HINTS, renderHints(options()));
    }

    private static void check(Path file, String rendered) throws Exception {
        if (Boolean.getBoolean("starter.update")) {
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
            return;
        }
        String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(current).as(file + " is stale: run " + UPDATE).isEqualTo(rendered);
    }

    /** One component option as the descriptor describes it, with the Java type the starter binds it as. */
    record Option(String name, String description, String kind, String javaType, String defaultValue, boolean secret,
                  List<String> values) {

        String kebabName() {
            return name.replaceAll("([A-Z])", "-$1").toLowerCase();
        }

        /** Spring-friendly types: wrappers, Duration for durations, and a bean reference (String) for objects. */
        String fieldType() {
            return switch (kind) {
                case "duration" -> "Duration";
                case "object" -> "String";
                case "boolean" -> "Boolean";
                case "integer" -> javaType.equals("long") || javaType.equals("java.lang.Long") ? "Long" : "Integer";
                case "number" -> javaType.equals("double") || javaType.equals("java.lang.Double") ? "Double" : "Float";
                default -> "String";
            };
        }

        String initializer() {
            if (defaultValue == null) {
                return "";
            }
            return " = " + switch (fieldType()) {
                case "Duration" -> "Duration.ofMillis(" + defaultValue + ")";
                case "Long" -> defaultValue + "L";
                case "Float" -> defaultValue + "F";
                case "String" -> "\"" + defaultValue.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                default -> defaultValue;
            };
        }

        String javadoc() {
            StringBuilder text = new StringBuilder(description.strip());
            if (!text.isEmpty() && ".!?".indexOf(text.charAt(text.length() - 1)) < 0) {
                text.append('.');
            }
            if (!values.isEmpty()) {
                text.append(" One of: ").append(String.join(", ", values)).append('.');
            }
            if (kind.equals("duration")) {
                text.append(" A duration: 10s, 500ms, or a number of milliseconds.");
            }
            if (kind.equals("object")) {
                text.append(" Set it to a reference to a bean of type ").append(javaType).append(", e.g. #bean:myBean.");
            }
            if (secret) {
                text.append(" This is a secret: toString() masks it.");
            }
            return text.toString().replace("*/", "*&#47;");
        }
    }

    static List<Option> options() throws Exception {
        JsonNode descriptor;
        try (InputStream in = BedrockComponent.class.getResourceAsStream("/META-INF/dev/camelbedrock/component/bedrock.json")) {
            descriptor = new ObjectMapper().readTree(in);
        }
        List<Option> options = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = descriptor.get("componentProperties").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode p = e.getValue();
            List<String> values = new ArrayList<>();
            p.path("enum").forEach(v -> values.add(v.asText()));
            options.add(new Option(e.getKey(), p.path("description").asText(), p.path("type").asText(),
                    p.path("javaType").asText(), p.has("defaultValue") ? p.get("defaultValue").asText() : null,
                    p.path("secret").asBoolean(), values));
        }
        return options;
    }

    static String renderSource(List<Option> options) {
        StringBuilder s = new StringBuilder();
        s.append("""
                /* Generated from the bedrock component's descriptor (bedrock.json) by ConfigurationSourceTest: do not edit.
                 * To regenerate: %s */
                package dev.camelbedrock.springboot;

                import java.time.Duration;
                import java.util.LinkedHashMap;
                import java.util.Map;
                import java.util.Set;
                import java.util.StringJoiner;

                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * The {@code camel.component.bedrock.*} properties: one per option of the {@code bedrock:} component, bound by
                 * Spring Boot and applied to the component by name through Camel's generated configurer.
                 */
                @ConfigurationProperties(prefix = "camel.component.bedrock")
                public class BedrockComponentConfiguration {

                    /** The secret options: {@link #toString()} masks their values. */
                    static final Set<String> SECRETS = Set.of(
                            %s);

                    /**
                     * Whether to enable the auto configuration of the bedrock component. This is enabled by default.
                     */
                    private Boolean enabled = true;
                """.formatted(UPDATE, String.join("\n            ",
                        wrap(String.join(", ", options.stream().filter(Option::secret).map(o -> "\"" + o.name() + "\"").toList()), 100))));
        for (Option o : options) {
            s.append("\n    /**\n");
            for (String line : wrap(o.javadoc(), 112)) {
                s.append("     * ").append(line).append('\n');
            }
            s.append("     */\n    private ").append(o.fieldType()).append(' ').append(o.name()).append(o.initializer()).append(";\n");
        }
        s.append("\n    public Boolean getEnabled() {\n        return enabled;\n    }\n");
        s.append("\n    public void setEnabled(Boolean enabled) {\n        this.enabled = enabled;\n    }\n");
        for (Option o : options) {
            String cap = Character.toUpperCase(o.name().charAt(0)) + o.name().substring(1);
            s.append("\n    public ").append(o.fieldType()).append(" get").append(cap).append("() {\n        return ")
             .append(o.name()).append(";\n    }\n");
            s.append("\n    public void set").append(cap).append('(').append(o.fieldType()).append(' ').append(o.name())
             .append(") {\n        this.").append(o.name()).append(" = ").append(o.name()).append(";\n    }\n");
        }
        s.append("""

                    /** The options that are set (not null), by their component option name, in the descriptor's order. */
                    public Map<String, Object> toComponentProperties() {
                        Map<String, Object> properties = new LinkedHashMap<>();
                """);
        for (Option o : options) {
            s.append("        if (").append(o.name()).append(" != null) {\n            properties.put(\"").append(o.name())
             .append("\", ").append(o.name()).append(");\n        }\n");
        }
        s.append("""
                        return properties;
                    }

                    @Override
                    public String toString() {
                        StringJoiner text = new StringJoiner(", ", "BedrockComponentConfiguration{", "}");
                        text.add("enabled=" + enabled);
                        toComponentProperties().forEach((name, value) -> text.add(name + "=" + (SECRETS.contains(name) ? "******" : value)));
                        return text.toString();
                    }
                }
                """);
        return s.toString();
    }

    static String renderHints(List<Option> options) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode hints = root.putArray("hints");
        for (Option o : options) {
            if (!o.values().isEmpty()) {
                ObjectNode hint = hints.addObject().put("name", PREFIX + "." + o.kebabName());
                ArrayNode values = hint.putArray("values");
                o.values().forEach(v -> values.addObject().put("value", v));
            }
        }
        return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
