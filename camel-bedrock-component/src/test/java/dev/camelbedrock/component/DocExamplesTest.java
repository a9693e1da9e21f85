package dev.camelbedrock.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML DSL examples of docs/knowledge-guardrails-throughput.md load into a CamelContext and their bedrock: endpoints
 * accept every option they use (an unknown option or a bad value fails endpoint creation).
 */
class DocExamplesTest {

    static final Path DOC = Path.of("..", "docs", "knowledge-guardrails-throughput.md");

    @Test
    void everyYamlExampleLoadsAndItsEndpointsAcceptTheirOptions() throws Exception {
        Assumptions.assumeTrue(Files.exists(DOC), "the doc has moved (folded into the README?): point DOC at it");
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(11);
        for (int i = 0; i < blocks.size(); i++) {
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                context.setAutoStartup(false);
                BedrockComponent bedrock = new BedrockComponent();
                bedrock.getConfiguration().setRegion("us-east-1");
                context.addComponent("bedrock", bedrock);
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("example" + i + ".camel.yaml", blocks.get(i)));
                context.start();
                assertThat(context.getEndpoints()).as("example " + i).anyMatch(e -> e instanceof BedrockEndpoint);
            }
        }
    }
}
