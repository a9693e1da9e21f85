package dev.camelbedrock.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's operation, option and header tables true to the code: they are rendered from BedrockOperation
 * and the generated descriptor, and must match the README between the generated markers. Run with
 * {@code -Dreadme.update=true} to rewrite them after changing options or headers.
 */
class ReadmeTablesTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void readmeTablesMatchTheCode() throws Exception {
        JsonNode descriptor;
        try (InputStream in = BedrockComponent.class.getResourceAsStream("/META-INF/dev/camelbedrock/component/bedrock.json")) {
            descriptor = new ObjectMapper().readTree(in);
        }
        JsonNode toolDescriptor;
        try (InputStream in = BedrockComponent.class.getResourceAsStream("/META-INF/dev/camelbedrock/component/tool/bedrock-tool.json")) {
            toolDescriptor = new ObjectMapper().readTree(in);
        }
        Map<String, String> tables = Map.of(
                "operations", operations(),
                "options", options(descriptor.get("properties")),
                "headers", headers(descriptor.get("headers")),
                "tool-options", options(toolDescriptor.get("properties")) + "\nHeaders of a tool route's exchange:\n\n"
                                + headers(toolDescriptor.get("headers")));

        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String updated = readme;
        for (var table : tables.entrySet()) {
            Pattern block = Pattern.compile("(<!-- generated:" + table.getKey() + " -->\\n)(.*?)(<!-- /generated:" + table.getKey() + " -->)",
                    Pattern.DOTALL);
            Matcher m = block.matcher(updated);
            assertThat(m.find()).as("README has the generated:" + table.getKey() + " markers").isTrue();
            updated = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + table.getValue() + m.group(3)));
        }
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, updated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(readme).as("README tables are stale: run ./mvnw -pl camel-bedrock-component test -Dtest=ReadmeTablesTest"
                             + " -Dreadme.update=true").isEqualTo(updated);
    }

    static String operations() {
        StringBuilder sb = new StringBuilder("| operation | what it does |\n| --- | --- |\n");
        for (BedrockOperation op : BedrockOperation.values()) {
            sb.append("| `").append(op.name()).append("` | ").append(cell(op.description())).append(" |\n");
        }
        return sb.toString();
    }

    static String options(JsonNode properties) {
        StringBuilder sb = new StringBuilder("| option | group | default | type | description |\n| --- | --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode p = e.getValue();
            if ("path".equals(p.path("kind").asText()) || e.getKey().equals("lazyStartProducer")) {
                continue;
            }
            String type = p.path("javaType").asText();
            type = type.replaceAll("[a-z]+(\\.[a-z0-9]+)*\\.", ""); // java.util.Map<java.lang.String, ...> -> Map<String, ...>
            if (p.has("enum")) {
                StringBuilder values = new StringBuilder();
                p.get("enum").forEach(v -> values.append(values.isEmpty() ? "" : ", ").append(v.asText()));
                type = "one of: " + values;
            }
            sb.append("| `").append(e.getKey()).append("` | ").append(p.path("label").asText().isEmpty() ? "common" : p.path("label").asText())
              .append(" | ").append(p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "")
              .append(" | ").append(cell(type))
              .append(" | ").append(p.path("secret").asBoolean() ? "**Secret.** " : "").append(cell(p.path("description").asText()))
              .append(" |\n");
        }
        return sb.toString();
    }

    static String headers(JsonNode headers) {
        StringBuilder sb = new StringBuilder("| header | type | description |\n| --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            var e = it.next();
            String type = e.getValue().path("javaType").asText();
            sb.append("| `").append(e.getKey()).append("` | ").append(cell(type.replaceAll("[a-z]+(\\.[a-z]+)*\\.", "")))
              .append(" | ").append(cell(e.getValue().path("description").asText())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
