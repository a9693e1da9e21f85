package dev.camelbedrock.component;

import java.util.List;

import dev.camelbedrock.component.error.BedrockResourceNotFoundException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.model.FoundationModelDetails;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;

import static org.assertj.core.api.Assertions.assertThat;

/** listFoundationModels and getFoundationModel through the SDK to the emulator. */
class FoundationModelsTest extends BedrockTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("bedrock:listFoundationModels");
                from("direct:anthropicText").to("bedrock:listFoundationModels?byProvider=Anthropic&byOutputModality=TEXT"
                                                + "&byInferenceType=ON_DEMAND");
                from("direct:embeddings").to("bedrock:listFoundationModels?byOutputModality=EMBEDDING");
                from("direct:get").to("bedrock:getFoundationModel?modelId=" + MODEL);
            }
        };
    }

    @Test
    void listsEveryModelOrAFilteredFew() {
        List<FoundationModelSummary> all = template.requestBody("direct:list", null, List.class);
        List<FoundationModelSummary> anthropic = template.requestBody("direct:anthropicText", null, List.class);
        List<FoundationModelSummary> embeddings = template.requestBody("direct:embeddings", null, List.class);
        assertThat(all).hasSizeGreaterThan(anthropic.size());
        assertThat(anthropic).isNotEmpty().allSatisfy(m -> {
            assertThat(m.providerName()).isEqualTo("Anthropic");
            assertThat(m.outputModalitiesAsStrings()).contains("TEXT");
        });
        assertThat(anthropic).extracting(FoundationModelSummary::modelId).contains(MODEL);
        assertThat(embeddings).isNotEmpty().allSatisfy(m -> assertThat(m.outputModalitiesAsStrings()).contains("EMBEDDING"));
        assertThat(emulator.lastRequest("ListFoundationModels").orElseThrow().path()).isEqualTo("/foundation-models");
    }

    @Test
    void getsOneModelByIdOrHeader() {
        FoundationModelDetails haiku = template.requestBody("direct:get", null, FoundationModelDetails.class);
        assertThat(haiku.modelId()).isEqualTo(MODEL);
        assertThat(haiku.modelArn()).isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/" + MODEL);

        FoundationModelDetails titan = template.requestBodyAndHeader("direct:get", null, BedrockHeaders.MODEL_ID,
                "amazon.titan-embed-text-v2:0", FoundationModelDetails.class);
        assertThat(titan.outputModalitiesAsStrings()).containsExactly("EMBEDDING");
    }

    @Test
    void anUnknownModelIsNotFound() {
        Exchange out = template.request("direct:get", e -> e.getMessage().setHeader(BedrockHeaders.MODEL_ID, "acme.nothing-v1:0"));
        assertThat(out.getException()).isInstanceOf(BedrockResourceNotFoundException.class);
        assertThat(out.getException().getMessage()).startsWith("getFoundationModel on model acme.nothing-v1:0 failed: ResourceNotFoundException");
    }
}
