package dev.camelbedrock.examples;

import dev.camelbedrock.emulator.BedrockEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets of camel-bedrock-catalog: each follows the apache/camel-kamelets conventions, and each runs in a Camel
 * context (camel-kamelet, loaded from classpath:kamelets) against the emulator. A Kamelet whose operation the
 * component does not have yet is skipped with "waits for operation X" and runs by itself once the operation lands.
 */
class KameletsTest {

    static final Map<String, String> OPERATIONS = Map.of(
            "bedrock-converse-action", "converse",
            "bedrock-sink", "converse",
            "bedrock-embed-action", "embed",
            "bedrock-image-action", "image",
            "bedrock-retrieve-and-generate-action", "retrieveAndGenerate",
            "bedrock-guardrail-action", "applyGuardrail");
    static final Set<String> SECRETS = Set.of("accessKey", "secretKey", "sessionToken", "apiKey");
    static final String KNOWLEDGE_BASE = "KBSUPPORT1";

    static BedrockEmulator emulator;
    static CamelContext context;
    static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        emulator = ExamplesMain.emulatorBuilder()
                .knowledgeBase(KNOWLEDGE_BASE, Path.of(KameletsTest.class.getResource("/kb").toURI()))
                .build().start();
        context = new DefaultCamelContext();
        // connection settings for every Kamelet, the way application.properties or a Camel K trait would give them
        for (String kamelet : OPERATIONS.keySet()) {
            String prefix = "camel.kamelet." + kamelet + ".";
            context.getPropertiesComponent().addInitialProperty(prefix + "endpointOverride", emulator.uri().toString());
            context.getPropertiesComponent().addInitialProperty(prefix + "region", "us-east-1");
            context.getPropertiesComponent().addInitialProperty(prefix + "accessKey", "emulator");
            context.getPropertiesComponent().addInitialProperty(prefix + "secretKey", "emulator");
        }
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void everyKameletFollowsTheKameletConventions() throws Exception {
        for (var entry : OPERATIONS.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> kamelet = load(name);
            assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
            Map<String, Object> metadata = map(kamelet, "metadata");
            assertThat(metadata).containsEntry("name", name);
            assertThat(map(metadata, "labels")).containsEntry("camel.apache.org/kamelet.type",
                    name.endsWith("-sink") ? "sink" : "action");
            assertThat(map(metadata, "annotations")).containsKeys("camel.apache.org/kamelet.icon",
                            "camel.apache.org/provider", "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.support.level")
                    .containsEntry("camel.apache.org/catalog.version", System.getProperty("project.version"));

            Map<String, Object> spec = map(kamelet, "spec");
            Map<String, Object> definition = map(spec, "definition");
            assertThat(definition).containsKeys("title", "description").containsEntry("type", "object");
            Map<String, Object> properties = map(definition, "properties");
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) definition.getOrDefault("required", List.of());
            assertThat(properties).as(name).containsKeys(required.toArray(String[]::new))
                    .containsKeys("region", "accessKey", "secretKey", "sessionToken", "apiKey", "endpointOverride");
            properties.forEach((property, value) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) value;
                assertThat(p).as("%s.%s", name, property).containsKeys("title", "description");
                assertThat(p.get("type")).as("%s.%s", name, property).isIn("string", "integer", "number", "boolean");
                if (SECRETS.contains(property)) {
                    assertThat(p).as("%s.%s", name, property).containsEntry("format", "password");
                    assertThat((List<Object>) p.get("x-descriptors")).as("%s.%s", name, property)
                            .contains("urn:camel:group:credentials", "urn:alm:descriptor:com.tectonic.ui:password");
                }
            });

            assertThat((List<Object>) spec.get("dependencies")).as(name).contains("camel:kamelet",
                    "mvn:dev.camelbedrock:camel-bedrock-component:" + System.getProperty("project.version"));
            Map<String, Object> from = map(map(spec, "template"), "from");
            assertThat(from).containsEntry("uri", "kamelet:source");
            @SuppressWarnings("unchecked")
            Map<String, Object> to = map(((List<Map<String, Object>>) from.get("steps")).get(0), "to");
            assertThat(to).containsEntry("uri", "bedrock:" + entry.getValue());
            // every property is passed on, {{x}} when it must be there (required or defaulted), {{?x}} otherwise
            Map<String, Object> parameters = map(to, "parameters");
            assertThat(parameters.keySet()).as(name).isEqualTo(properties.keySet());
            parameters.forEach((parameter, placeholder) -> {
                @SuppressWarnings("unchecked")
                boolean mandatory = required.contains(parameter) || ((Map<String, Object>) properties.get(parameter)).containsKey("default");
                assertThat(placeholder).as("%s.%s", name, parameter)
                        .isEqualTo(mandatory ? "{{" + parameter + "}}" : "{{?" + parameter + "}}");
            });
        }
    }

    @Test
    void converseActionAnswersFromTheModel() throws Exception {
        RouteBuilder.addRoutes(context, r -> r.from("direct:converse")
                .kamelet("bedrock-converse-action?modelId=anthropic.claude-3-haiku-20240307-v1:0&maxTokens=300"));
        String answer = template.requestBody("direct:converse", "In one sentence: what does Apache Camel do?", String.class);
        assertThat(answer).startsWith("Apache Camel is an integration framework");
    }

    @Test
    void sinkSendsTheMessageToTheModel() throws Exception {
        long before = emulator.stats().count("Converse");
        Exchange exchange = template.request("kamelet:bedrock-sink?modelId=anthropic.claude-3-haiku-20240307-v1:0"
                                             + "&systemPrompt=You are terse.",
                e -> e.getMessage().setBody("Log this: the nightly import finished."));
        assertThat(exchange.getException()).isNull();
        assertThat(emulator.stats().count("Converse")).isEqualTo(before + 1);
        assertThat(emulator.lastRequest("Converse").orElseThrow().body()).contains("You are terse.", "nightly import");
    }

    @Test
    void embedActionTurnsTextIntoAVector() throws Exception {
        RouteBuilder.addRoutes(context, r -> r.from("direct:embed")
                .kamelet("bedrock-embed-action?modelId=amazon.titan-embed-text-v2:0&dimensions=256"));
        List<?> vector = template.requestBody("direct:embed", "My parcel arrived damaged", List.class);
        assertThat(vector).hasSize(256).allSatisfy(v -> assertThat(v).isInstanceOf(Float.class));
    }

    @Test
    void imageActionDrawsAPng() throws Exception {
        RouteBuilder.addRoutes(context, r -> r.from("direct:image")
                .kamelet("bedrock-image-action?modelId=amazon.nova-canvas-v1:0&width=512&height=512"));
        byte[] png = template.requestBody("direct:image", "A lighthouse at dusk, watercolour", byte[].class);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void retrieveAndGenerateActionAnswersFromTheKnowledgeBase() throws Exception {
        RouteBuilder.addRoutes(context, r -> r.from("direct:rag")
                .kamelet("bedrock-retrieve-and-generate-action?knowledgeBaseId=" + KNOWLEDGE_BASE
                         + "&modelId=anthropic.claude-3-haiku-20240307-v1:0&numberOfResults=3"));
        String answer = template.requestBody("direct:rag", "How many days do I have to return an item?", String.class);
        assertThat(answer).contains("30 days");
    }

    @Test
    void guardrailActionMasksPersonalData() throws Exception {
        RouteBuilder.addRoutes(context, r -> r.from("direct:guardrail")
                .kamelet("bedrock-guardrail-action?guardrailIdentifier=ticketpii"));
        Exchange exchange = template.request("direct:guardrail",
                e -> e.getMessage().setBody("Please call me on 555-010-0199 or mail jane.doe@example.com"));
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .doesNotContain("555-010-0199", "jane.doe@example.com").contains("{PHONE}", "{EMAIL}");
        assertThat(exchange.getMessage().getHeader("CamelBedrockGuardrailAction", String.class)).isEqualTo("GUARDRAIL_INTERVENED");
    }

    private static Map<String, Object> load(String name) throws Exception {
        try (InputStream in = KameletsTest.class.getClassLoader().getResourceAsStream("kamelets/" + name + ".kamelet.yaml")) {
            assertThat(in).as("kamelets/%s.kamelet.yaml on the classpath", name).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            return doc;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
