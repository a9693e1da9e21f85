package dev.camelbedrock.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelDetails;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ModelModality;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

import java.util.List;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlPlaneTest {

    static BedrockEmulator emulator;
    static BedrockAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().build().start();
        client = Sdk.controlPlane(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void listsTheCatalog() {
        List<FoundationModelSummary> all = join(client.listFoundationModels(b -> { })).modelSummaries();
        assertThat(all.size()).isGreaterThanOrEqualTo(40);
        assertThat(all).extracting(FoundationModelSummary::providerName)
                .contains("Anthropic", "Amazon", "Meta", "Mistral AI", "Cohere", "AI21 Labs", "Stability AI",
                        "DeepSeek", "OpenAI");
        FoundationModelSummary haiku = all.stream().filter(m -> m.modelId().equals(HAIKU)).findFirst().orElseThrow();
        // the region comes from the client's SigV4 scope
        assertThat(haiku.modelArn()).isEqualTo("arn:aws:bedrock:eu-west-1::foundation-model/" + HAIKU);
        assertThat(haiku.inputModalities()).containsExactly(ModelModality.TEXT, ModelModality.IMAGE);
        assertThat(haiku.responseStreamingSupported()).isTrue();
        assertThat(haiku.modelLifecycle().statusAsString()).isEqualTo("ACTIVE");
    }

    @Test
    void filters() {
        List<FoundationModelSummary> anthropic = join(client.listFoundationModels(b -> b.byProvider("anthropic")))
                .modelSummaries();
        assertThat(anthropic).isNotEmpty().allMatch(m -> m.providerName().equals("Anthropic"));

        List<FoundationModelSummary> embeddings = join(client.listFoundationModels(b -> b
                .byOutputModality(ModelModality.EMBEDDING))).modelSummaries();
        assertThat(embeddings).extracting(FoundationModelSummary::modelId)
                .contains("amazon.titan-embed-text-v2:0", "cohere.embed-english-v3")
                .doesNotContain(HAIKU);

        List<FoundationModelSummary> images = join(client.listFoundationModels(b -> b
                .byOutputModality(ModelModality.IMAGE).byProvider("Stability AI"))).modelSummaries();
        assertThat(images).isNotEmpty().allMatch(m -> m.modelId().startsWith("stability."));

        List<FoundationModelSummary> provisioned = join(client.listFoundationModels(b -> b
                .byInferenceType(InferenceType.PROVISIONED))).modelSummaries();
        assertThat(provisioned).isNotEmpty().allMatch(m -> m.inferenceTypesSupported().contains(InferenceType.PROVISIONED))
                .noneMatch(m -> m.modelId().equals("anthropic.claude-sonnet-4-20250514-v1:0"));

        assertThatThrownBy(() -> join(client.listFoundationModels(b -> b.byOutputModality("AUDIO"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("byOutputModality");
    }

    @Test
    void getsOneModelByIdOrArn() {
        FoundationModelDetails byId = join(client.getFoundationModel(b -> b.modelIdentifier("amazon.nova-pro-v1:0")))
                .modelDetails();
        assertThat(byId.modelName()).isEqualTo("Nova Pro");
        FoundationModelDetails byArn = join(client.getFoundationModel(b -> b.modelIdentifier(
                "arn:aws:bedrock:us-east-1::foundation-model/openai.gpt-oss-20b-1:0"))).modelDetails();
        assertThat(byArn.providerName()).isEqualTo("OpenAI");
        assertThatThrownBy(() -> join(client.getFoundationModel(b -> b.modelIdentifier("acme.nothing-v1"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(emulator.stats().count("GetFoundationModel")).isEqualTo(3);
    }
}
