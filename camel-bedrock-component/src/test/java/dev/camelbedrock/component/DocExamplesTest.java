package dev.camelbedrock.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML DSL routes of the README and the guides under docs/: every one loads into a CamelContext and its bedrock:
 * endpoints accept every option they use (an unknown option or a bad value fails endpoint creation; other schemes,
 * kafka:, platform-http: …, are stubbed); and the examples of docs/invoke-embed-image.md run against the emulator as
 * written.
 */
class DocExamplesTest extends BedrockTestSupport {

    /** A message for each example route of docs/invoke-embed-image.md, by route id. */
    private static final Map<String, Object> INPUTS = Map.of(
            "invoke-prompt", "Name a river",
            "invoke-raw", "ignored: the route sets the body",
            "invoke-stream", "Count to five",
            "embed-texts", List.of("first text", "second text"),
            "image-canvas", "a lighthouse at dusk",
            "count-native", "How many tokens is this?");

    static List<Path> documents() throws Exception {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("..", "README.md"));
        try (Stream<Path> files = Files.list(Path.of("..", "docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** The ```yaml blocks of a document, in order. */
    static List<String> yamlBlocks(Path doc) throws Exception {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyYamlRouteInTheDocsLoadsAndItsEndpointsAcceptTheirOptions() throws Exception {
        int checked = 0;
        for (Path doc : documents()) {
            int i = 0;
            for (String block : yamlBlocks(doc)) {
                i++;
                if (!block.stripLeading().startsWith("- route:") || !block.contains("bedrock:")) {
                    continue; // Kamelets, Pipes, application.yaml: not Camel routes
                }
                String name = doc.getFileName() + " example " + i;
                try (DefaultCamelContext context = new DefaultCamelContext()) {
                    context.setAutoStartup(false);
                    BedrockComponent bedrock = new BedrockComponent();
                    bedrock.getConfiguration().setRegion("us-east-1");
                    // endpoints check at start that credentials resolve; the examples rely on the default chain
                    bedrock.getConfiguration().setAccessKey("AKIDDOCEXAMPLES");
                    bedrock.getConfiguration().setSecretKey("doc-examples");
                    context.addComponent("bedrock", bedrock);
                    ComponentResolver real = PluginHelper.getComponentResolver(context);
                    context.getCamelContextExtension().addContextPlugin(ComponentResolver.class, (scheme, ctx) -> {
                        Component c = real.resolveComponent(scheme, ctx);
                        return c != null ? c : new StubComponent();
                    });
                    context.getPropertiesComponent().setIgnoreMissingProperty(true);
                    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("example-" + i + ".camel.yaml", block));
                    context.start();
                    assertThat(context.getEndpoints()).as(name).anyMatch(e -> e instanceof BedrockEndpoint);
                } catch (Exception e) {
                    throw new AssertionError(name + " does not load: " + e.getMessage(), e);
                }
                checked++;
            }
        }
        assertThat(checked).as("YAML routes checked").isGreaterThanOrEqualTo(15);
    }

    @Test
    void everyYamlExampleLoadsAndRuns() throws Exception {
        List<String> blocks = yamlBlocks(Path.of("..", "docs", "invoke-embed-image.md"));
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

    /** Any other scheme: an endpoint that accepts every option and does nothing. */
    static final class StubComponent extends DefaultComponent {
        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            parameters.clear();
            return new DefaultEndpoint(uri, this) {
                @Override
                public Producer createProducer() {
                    return new DefaultProducer(this) {
                        @Override
                        public void process(Exchange exchange) {
                        }
                    };
                }

                @Override
                public Consumer createConsumer(Processor processor) {
                    return new DefaultConsumer(this, processor);
                }
            };
        }
    }
}
