package dev.camelbedrock.examples;

import dev.camelbedrock.emulator.BedrockEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation's YAML route and its Java twin give a sensible result on the emulator. */
class EveryOperationExamplesTest {

    static BedrockEmulator emulator;
    static CamelContext context;
    static ProducerTemplate template;
    static Path outputDir;

    @BeforeAll
    static void start() throws Exception {
        emulator = ExamplesMain.operationsEmulatorBuilder().build().start();
        outputDir = Files.createTempDirectory("examples-out");
        context = new DefaultCamelContext();
        ExamplesMain.operationProperties(emulator, outputDir.toString())
                .forEach(context.getPropertiesComponent()::addInitialProperty);
        context.getRegistry().bind("bedrock", EmulatorComponents.bedrock(emulator));
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveResource(context, "classpath:routes/operations.camel.yaml"));
        context.addRoutes(new OperationRoutes());
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        emulator.close();
    }

    private static Exchange send(String uri, Object body) {
        Exchange exchange = template.request(uri, e -> e.getMessage().setBody(body));
        assertThat(exchange.getException()).as(uri).isNull();
        return exchange;
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "java"})
    void runtimeOperations(String dsl) throws Exception {
        String answer = send("direct:" + dsl + "-invokeModel", "What does Apache Camel do?").getMessage().getBody(String.class);
        assertThat(answer).isNotBlank();

        String streamed = send("direct:" + dsl + "-invokeModelStream", "Write three short lines about message routing.")
                .getMessage().getBody(String.class);
        assertThat(streamed).isEqualTo("Messages arrive from many places.\nRoutes decide where each one goes.\nEndpoints carry them the rest of the way.");

        Integer tokens = send("direct:" + dsl + "-countTokens", "How many tokens is this?").getMessage().getBody(Integer.class);
        assertThat(tokens).isPositive();

        List<?> vector = send("direct:" + dsl + "-embed", "camel").getMessage().getBody(List.class);
        assertThat(vector).hasSize(256);

        Exchange image = send("direct:" + dsl + "-image", "A camel in the desert at sunset");
        Path png = Path.of(image.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class));
        assertThat(png).exists();
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(512);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "java"})
    void knowledgeBaseAndGuardrail(String dsl) {
        List<?> chunks = send("direct:" + dsl + "-retrieve", "How long does shipping take?").getMessage().getBody(List.class);
        assertThat(chunks).isNotEmpty();

        List<dev.camelbedrock.component.rerank.BedrockRerankResult> best = send("direct:" + dsl + "-rerank",
                "How long does shipping take?").getMessage().getBody(List.class);
        assertThat(best).hasSize(2);
        assertThat(best.get(0).score()).isGreaterThanOrEqualTo(best.get(1).score());
        assertThat(best.get(0).document()).isInstanceOf(dev.camelbedrock.component.knowledge.BedrockRetrievalResult.class);

        Exchange rag = send("direct:" + dsl + "-retrieveAndGenerate", "How many days do I have to return an item?");
        assertThat(rag.getMessage().getBody(String.class)).isNotBlank();
        assertThat(rag.getMessage().getHeader("CamelBedrockCitations", List.class)).isNotEmpty();

        Exchange job = send("direct:" + dsl + "-startIngestionJob", null);
        assertThat(job.getMessage().getHeader("CamelBedrockIngestionJobStatus", String.class)).isEqualTo("COMPLETE");
        Exchange read = send("direct:" + dsl + "-getIngestionJob", job.getMessage().getHeader("CamelBedrockIngestionJobId"));
        assertThat(read.getMessage().getHeader("CamelBedrockIngestionJobStatus", String.class)).isEqualTo("COMPLETE");

        Exchange guarded = send("direct:" + dsl + "-applyGuardrail", "Mail jane.doe@example.com or call 555-123-4567");
        assertThat(guarded.getMessage().getHeader("CamelBedrockGuardrailAction", String.class)).isEqualTo("GUARDRAIL_INTERVENED");
        assertThat(guarded.getMessage().getBody(String.class)).contains("{EMAIL}").doesNotContain("jane.doe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "java"})
    void provisionedThroughputAndModels(String dsl) {
        String name = dsl + "-example-pt";
        Exchange created = send("direct:" + dsl + "-createProvisionedThroughput", name);
        assertThat(created.getMessage().getHeader("CamelBedrockProvisionedModelStatus", String.class)).isEqualTo("InService");
        assertThat(created.getMessage().getHeader("CamelBedrockProvisionedModelArn", String.class)).contains("provisioned-model");

        Exchange got = send("direct:" + dsl + "-getProvisionedThroughput", name);
        assertThat(got.getMessage().getHeader("CamelBedrockProvisionedModelStatus", String.class)).isEqualTo("InService");

        List<?> all = send("direct:" + dsl + "-listProvisionedThroughputs", null).getMessage().getBody(List.class);
        assertThat(all).isNotEmpty();

        String renamed = send("direct:" + dsl + "-updateProvisionedThroughput", name).getMessage().getBody(String.class);
        assertThat(renamed).isEqualTo(name + "-renamed");
        send("direct:" + dsl + "-deleteProvisionedThroughput", renamed);

        List<?> models = send("direct:" + dsl + "-listFoundationModels", null).getMessage().getBody(List.class);
        assertThat(models).isNotEmpty();
        Object model = send("direct:" + dsl + "-getFoundationModel", null).getMessage().getBody();
        assertThat(model.toString()).contains("amazon.titan-embed-text-v2:0");
    }

    @org.junit.jupiter.api.Test
    void yamlAndJavaTwinsGiveEqualResults() throws Exception {
        for (String op : List.of("invokeModel", "invokeModelStream", "countTokens", "embed", "retrieveAndGenerate",
                "applyGuardrail", "listFoundationModels", "getFoundationModel")) {
            Object yaml = send("direct:yaml-" + op, "Mail jane@example.com: how many days do I have to return an item?").getMessage().getBody();
            Object java = send("direct:java-" + op, "Mail jane@example.com: how many days do I have to return an item?").getMessage().getBody();
            assertThat(java).as(op).isEqualTo(yaml);
        }
        Path yamlPng = Path.of(send("direct:yaml-image", "A red square").getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class));
        Path javaPng = Path.of(send("direct:java-image", "A red square").getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class));
        assertThat(Files.readAllBytes(javaPng)).isEqualTo(Files.readAllBytes(yamlPng));
    }

    @org.junit.jupiter.api.Test
    void everyDirectRouteIsCovered() {
        List<String> ids = context.getRoutes().stream().map(r -> r.getRouteId()).sorted().toList();
        assertThat(ids).hasSize(36);
        assertThat(ids.stream().filter(id -> id.startsWith("yaml-")).map(id -> id.substring(5)).toList())
                .isEqualTo(ids.stream().filter(id -> id.startsWith("java-")).map(id -> id.substring(5)).toList());
    }
}
