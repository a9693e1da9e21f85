package dev.camelbedrock.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML DSL examples of docs/invoke-embed-image.md load and run against the emulator as written. */
class DocsExamplesTest extends BedrockTestSupport {

    private static final Path DOC = Path.of("..", "docs", "invoke-embed-image.md");

    /** A message for each example route, by route id. */
    private static final Map<String, Object> INPUTS = Map.of(
            "invoke-prompt", "Name a river",
            "invoke-raw", "ignored: the route sets the body",
            "invoke-stream", "Count to five",
            "embed-texts", List.of("first text", "second text"),
            "image-canvas", "a lighthouse at dusk",
            "count-native", "How many tokens is this?");

    static List<String> yamlBlocks() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyYamlExampleLoadsAndRuns() throws Exception {
        List<String> blocks = yamlBlocks();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < blocks.size(); i++) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("doc-" + i + ".camel.yaml", blocks.get(i)));
        }
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId()).containsAll(INPUTS.keySet());
        for (var input : INPUTS.entrySet()) {
            Exchange out = template.request("direct:" + input.getKey(), e -> e.getMessage().setBody(input.getValue()));
            assertThat(out.getException()).as(input.getKey()).isNull();
        }
        assertThat(emulator.stats().count("InvokeModel", "amazon.nova-canvas-v1:0")).isEqualTo(1);
        assertThat(emulator.stats().count("InvokeModelWithResponseStream", "amazon.nova-lite-v1:0")).isEqualTo(1);
        assertThat(emulator.stats().count("CountTokens")).isEqualTo(1);
    }
}
