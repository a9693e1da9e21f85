package dev.camelbedrock.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated descriptor loads into Camel's own catalog, which then validates bedrock: URIs like any component's. */
class CatalogDescriptorTest {

    static String json;
    static CamelCatalog catalog;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = BedrockComponent.class.getResourceAsStream("/META-INF/dev/camelbedrock/component/bedrock.json")) {
            assertThat(in).as("generated descriptor on the classpath").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalog = new DefaultCamelCatalog();
        catalog.addComponent("bedrock", BedrockComponent.class.getName(), json);
    }

    @Test
    void goodUrisValidate() {
        for (String uri : new String[] {
                "bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0&region=us-east-1",
                "bedrock:converseStream?modelId=us.amazon.nova-lite-v1:0&streamTo=direct:x&maxTokens=100&temperature=0.5",
                "bedrock:countTokens?modelId=x&endpointOverride=http://127.0.0.1:1234&httpProtocol=HTTP1_1&maxAttempts=2",
                "bedrock:invokeModel?modelId=x&modelFamily=ANTHROPIC_MESSAGES&invokeBodyFormat=prompt&rawResponseType=JsonNode",
                "bedrock:invokeModelStream?modelId=x&streamTo=direct:x&accept=application/json&contentType=application/json",
                "bedrock:embed?modelId=x&dimensions=256&normalize=true&embeddingTypes=int8&embeddingInputType=search_query&embedConcurrency=4",
                "bedrock:image?modelId=x&width=1024&height=1024&seed=42&cfgScale=7.5&quality=premium&numberOfImages=2&outputFormat=png" }) {
            EndpointValidationResult r = catalog.validateEndpointProperties(uri);
            assertThat(r.isSuccess()).as(uri + " -> " + r.summaryErrorMessage(false)).isTrue();
        }
    }

    @Test
    void theOperationHeaderListsEveryOperation() throws Exception {
        JsonNode values = new ObjectMapper().readTree(json).at("/headers/" + BedrockHeaders.OPERATION + "/enum");
        java.util.List<String> listed = new java.util.ArrayList<>();
        values.forEach(v -> listed.add(v.asText()));
        assertThat(listed).containsExactlyElementsOf(java.util.Arrays.stream(BedrockOperation.values()).map(Enum::name).toList());
    }

    @Test
    void badUrisAreReported() {
        assertThat(catalog.validateEndpointProperties("bedrock:converse?modelId=x&maxTokenz=5").getUnknown()).contains("maxTokenz");
        assertThat(catalog.validateEndpointProperties("bedrock:chat?modelId=x").getInvalidEnum()).containsKey("operation");
        assertThat(catalog.validateEndpointProperties("bedrock:converse?maxTokens=many").getInvalidInteger()).containsKey("maxTokens");
        assertThat(catalog.validateEndpointProperties("bedrock:converse?httpProtocol=HTTP3").getInvalidEnum()).containsKey("httpProtocol");
        assertThat(catalog.validateEndpointProperties("bedrock:?modelId=x").isSuccess()).isFalse();
        assertThat(catalog.validateEndpointProperties("bedrock:invokeModel?modelFamily=CLAUDE").getInvalidEnum()).containsKey("modelFamily");
        assertThat(catalog.validateEndpointProperties("bedrock:invokeModel?invokeBodyFormat=native").getInvalidEnum())
                .containsKey("invokeBodyFormat");
        assertThat(catalog.validateEndpointProperties("bedrock:image?quality=ultra").getInvalidEnum()).containsKey("quality");
    }

    @Test
    void knowledgeGuardrailAndThroughputOptionsValidate() {
        for (String uri : new String[] {
                "bedrock:retrieve?knowledgeBaseId=KB12345678&numberOfResults=5&searchType=HYBRID",
                "bedrock:retrieveAndGenerate?knowledgeBaseId=KB12345678&modelId=x&accountId=123456789012&rerankingModelId=amazon.rerank-v1:0",
                "bedrock:startIngestionJob?knowledgeBaseId=KB12345678&dataSourceId=DS12345678&waitForCompletion=true&pollInterval=30s&waitTimeout=2h",
                "bedrock:applyGuardrail?guardrailIdentifier=gr1&guardrailVersion=1&guardrailSource=OUTPUT&guardrailInterventionAction=fail",
                "bedrock:createProvisionedThroughput?provisionedModelName=pm&modelId=x&modelUnits=1&commitmentDuration=SixMonths",
                "bedrock:listProvisionedThroughputs?statusEquals=InService&sortOrder=Descending&pageSize=10",
                "bedrock:listFoundationModels?byOutputModality=EMBEDDING&byInferenceType=PROVISIONED" }) {
            EndpointValidationResult r = catalog.validateEndpointProperties(uri);
            assertThat(r.isSuccess()).as(uri + " -> " + r.summaryErrorMessage(false)).isTrue();
        }
        assertThat(catalog.validateEndpointProperties("bedrock:retrieve?searchType=FUZZY").getInvalidEnum()).containsKey("searchType");
        assertThat(catalog.validateEndpointProperties("bedrock:applyGuardrail?guardrailSource=BOTH").getInvalidEnum())
                .containsKey("guardrailSource");
        assertThat(catalog.validateEndpointProperties("bedrock:createProvisionedThroughput?commitmentDuration=OneYear").getInvalidEnum())
                .containsKey("commitmentDuration");
        assertThat(catalog.validateEndpointProperties("bedrock:createProvisionedThroughput?modelUnits=two").getInvalidInteger())
                .containsKey("modelUnits");
    }

    @Test
    void everyOptionAndHeaderIsDocumentedAndSecretsAreMarked() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            root.get(section).fields().forEachRemaining(f -> assertThat(f.getValue().path("description").asText())
                    .as(section + "." + f.getKey()).isNotBlank());
        }
        for (String secret : new String[] { "accessKey", "secretKey", "sessionToken", "apiKey", "proxyPassword", "roleExternalId" }) {
            assertThat(root.at("/properties/" + secret + "/secret").asBoolean()).as(secret).isTrue();
            assertThat(root.at("/componentProperties/" + secret + "/secret").asBoolean()).as(secret).isTrue();
        }
        assertThat(root.at("/component/producerOnly").asBoolean()).isTrue();
        assertThat(root.at("/component/async").asBoolean()).isTrue();
    }
}
