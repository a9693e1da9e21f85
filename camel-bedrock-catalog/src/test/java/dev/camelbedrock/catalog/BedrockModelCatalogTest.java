package dev.camelbedrock.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BedrockModelCatalogTest {

    private final BedrockModelCatalog catalog = BedrockModelCatalog.defaultCatalog();

    @Test
    void defaultCatalogIsLoadedOnce() {
        assertThat(BedrockModelCatalog.defaultCatalog()).isSameAs(catalog);
        assertThat(catalog.sources()).containsExactly("classpath:" + BedrockModelCatalog.RESOURCE);
        assertThat(catalog.updated()).isPresent();
        assertThat(catalog.toString()).contains("models");
    }

    @Test
    void holdsAtLeastSixtyModels() {
        assertThat(catalog.size()).isGreaterThanOrEqualTo(60);
        assertThat(catalog.list()).hasSize(catalog.size());
    }

    @Test
    void findsABaseId() {
        BedrockModel m = catalog.require("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(m.family()).isEqualTo(ModelFamily.ANTHROPIC_MESSAGES);
        assertThat(m.name()).isEqualTo("Claude 3 Haiku");
        assertThat(m.provider()).isEqualTo("anthropic");
        assertThat(m.providerName()).isEqualTo("Anthropic");
        assertThat(m.isInferred()).isFalse();
        assertThat(m.contextWindow()).hasValue(200000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu", "apac", "global", "us-gov", "jp", "au", "ca"})
    void inferenceProfileIdsResolveToTheBaseModel(String prefix) {
        BedrockModel m = catalog.require(prefix + ".anthropic.claude-sonnet-4-20250514-v1:0");
        assertThat(m.id()).isEqualTo("anthropic.claude-sonnet-4-20250514-v1:0");
        assertThat(m.isInferred()).isFalse();
    }

    @Test
    void arnsThatNameTheModelResolve() {
        assertThat(catalog.require("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0").id())
                .isEqualTo("amazon.titan-embed-text-v2:0");
        assertThat(catalog.require("arn:aws:bedrock:us-east-1:123456789012:foundation-model/amazon.titan-embed-text-v2:0").id())
                .isEqualTo("amazon.titan-embed-text-v2:0");
        assertThat(catalog.require("arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.amazon.nova-pro-v1:0").id())
                .isEqualTo("amazon.nova-pro-v1:0");
        assertThat(catalog.require("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abcdefghijkl").id())
                .isEqualTo("amazon.titan-text-express-v1");
    }

    @ParameterizedTest
    @CsvSource({
            "anthropic.claude-3-haiku-20240307-v1:0:200k, anthropic.claude-3-haiku-20240307-v1:0",
            "amazon.titan-text-express-v1:0:8k, amazon.titan-text-express-v1",
            "meta.llama3-2-11b-instruct-v1:0:128k, meta.llama3-2-11b-instruct-v1:0",
            "amazon.nova-pro-v1:0:300k, amazon.nova-pro-v1:0",
            "anthropic.claude-v2:1:18k, anthropic.claude-v2:1"
    })
    void provisionedThroughputContextVariantsResolveToTheBaseModel(String variant, String base) {
        BedrockModel m = catalog.require(variant);
        assertThat(m.id()).isEqualTo(base);
        assertThat(m.isInferred()).isFalse();
    }

    @Test
    void aliasesResolve() {
        assertThat(catalog.require("amazon.titan-image-generator-v2").id()).isEqualTo("amazon.titan-image-generator-v2:0");
        assertThat(catalog.require("us.anthropic.claude-sonnet-4-6-v1").id()).isEqualTo("anthropic.claude-sonnet-4-6");
    }

    @ParameterizedTest
    @CsvSource({
            "anthropic.claude-future-v9:0, ANTHROPIC_MESSAGES",
            "us.anthropic.claude-opus-9-20300101-v1:0, ANTHROPIC_MESSAGES",
            "meta.llama9-405b-instruct-v1:0, LLAMA",
            "amazon.titan-embed-text-v9, TITAN_EMBED_TEXT",
            "amazon.titan-embed-image-v9, TITAN_EMBED_IMAGE",
            "amazon.titan-image-generator-v9:0, TITAN_IMAGE",
            "amazon.titan-text-ultra-v1, TITAN_TEXT",
            "amazon.nova-canvas-v2:0, TITAN_IMAGE",
            "amazon.nova-reel-v2:0, NOVA_REEL",
            "amazon.nova-3-sonic-v1:0, NOVA_SONIC",
            "amazon.nova-3-multimodal-embeddings-v1:0, NOVA_EMBED",
            "amazon.nova-3-pro-v1:0, NOVA",
            "cohere.embed-xyz, COHERE_EMBED",
            "cohere.command-r-plus-v2:0, COHERE_COMMAND_R",
            "cohere.command-nightly-v1, COHERE_COMMAND",
            "cohere.rerank-v4:0, RERANK",
            "mistral.mistral-7b-instruct-v0:3, MISTRAL_TEXT",
            "mistral.mistral-large-2511-v1:0, MISTRAL_CHAT",
            "mistral.ministral-3-24b-instruct, OPENAI_CHAT",
            "ai21.jamba-2-large-v1:0, AI21_JAMBA",
            "deepseek.r1-0528-v1:0, DEEPSEEK",
            "deepseek.v4-v1:0, OPENAI_CHAT",
            "openai.gpt-oss-999b-1:0, OPENAI_CHAT",
            "qwen.qwen4-72b-v1:0, OPENAI_CHAT",
            "stability.sd4-large-v1:0, STABILITY",
            "stability.stable-diffusion-xl-v2, STABILITY_SDXL",
            "stability.stable-image-ultra-v2:0, STABILITY",
            "stability.stable-image-sharpen-v1:0, STABILITY_IMAGE_SERVICES",
            "luma.ray-v3:0, LUMA_RAY",
            "twelvelabs.marengo-embed-4-0-v1:0, TWELVELABS_MARENGO"
    })
    void unknownIdsOfKnownProvidersAreInferredFromProviderRules(String id, ModelFamily family) {
        BedrockModel m = catalog.require(id);
        assertThat(m.family()).isEqualTo(family);
        assertThat(m.isInferred()).isTrue();
        assertThat(m.inferredFromRule()).isPresent();
        assertThat(m.id()).isEqualTo(catalog.parse(id).baseModelId().orElseThrow());
        assertThat(m.name()).isEqualTo(m.id());
        assertThat(m.contextWindow()).isEmpty();
        assertThat(m.pricing()).isEmpty();
        assertThat(m.toString()).contains("inferred from");
    }

    @Test
    void inferredModelsCarryRuleCapabilities() {
        BedrockModel claude = catalog.require("anthropic.claude-future-v9:0");
        assertThat(claude.acceptsImageInput()).isTrue();
        assertThat(claude.supportsToolUse()).isTrue();
        assertThat(claude.inferredFromRule()).contains("anthropic.*");

        BedrockModel claude2 = catalog.require("anthropic.claude-v2:9");
        assertThat(claude2.inferredFromRule()).contains("anthropic.claude-v2*");
        assertThat(claude2.acceptsImageInput()).isFalse();

        BedrockModel cohere = catalog.require("cohere.embed-xyz");
        assertThat(cohere.embeddingBatchLimit()).isEqualTo(96);
        assertThat(cohere.embeddingDimensions()).isEmpty();
        assertThat(cohere.validateEmbeddingDimensions(777)).isEqualTo(777); // unknown dimensions: left to the service

        BedrockModel titan = catalog.require("amazon.titan-embed-text-v9");
        assertThat(titan.embeddingBatchLimit()).isEqualTo(1);

        BedrockModel sd = catalog.require("stability.sd4-large-v1:0");
        assertThat(ImageSizeRules.checkAspectRatio(sd, "7:4")).isPresent();
        assertThat(ImageSizeRules.checkAspectRatio(sd, "16:9")).isEmpty();
    }

    @Test
    void unknownProviderFailsClearly() {
        assertThat(catalog.find("foo.bar-v1")).isEmpty();
        assertThatThrownBy(() -> catalog.require("foo.bar-v1"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("Unknown model 'foo.bar-v1'")
                .hasMessageContaining("provider 'foo' is not in the catalog")
                .hasMessageContaining("known providers: ai21, amazon, anthropic")
                .hasMessageContaining("Accepted model identifiers:")
                .satisfies(e -> assertThat(((UnknownModelException) e).reference().provider()).contains("foo"));
        assertThatThrownBy(() -> catalog.require("us.foo.bar-v1"))
                .hasMessageContaining("from the cross-Region inference profile id 'us.foo.bar-v1'");
    }

    @Test
    void knownProviderWithoutMatchingRuleFailsClearly() {
        assertThat(catalog.find("amazon.widget-v1")).isEmpty();
        assertThatThrownBy(() -> catalog.require("amazon.widget-v1"))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("provider 'amazon' is known")
                .hasMessageContaining("amazon.titan-embed* -> TITAN_EMBED_TEXT")
                .hasMessageContaining("explicit model family");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl",
            "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6",
            "arn:aws:bedrock:us-east-1:123456789012:imported-model/abcdefghijkl",
            "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdefghijkl",
            "arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefghijkl",
            "arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12AB:1",
            "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1",
            "arn:aws:sagemaker:us-east-1:123456789012:endpoint/my-ep"
    })
    void arnsThatHideTheModelNeedAnExplicitFamily(String arn) {
        assertThat(catalog.find(arn)).isEmpty();
        assertThat(catalog.resolveFamily(arn, ModelFamily.LLAMA)).isEqualTo(ModelFamily.LLAMA);
        assertThatThrownBy(() -> catalog.resolveFamily(arn, null))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("does not name the underlying model")
                .hasMessageContaining("Give the model family explicitly")
                .hasMessageContaining("ANTHROPIC_MESSAGES");
        assertThatThrownBy(() -> catalog.require(arn))
                .isInstanceOf(UnknownModelException.class)
                .hasMessageContaining("resolveFamily(identifier, family)");
    }

    @Test
    void resolveFamilyPrefersTheExplicitFamilyAndOtherwiseLooksUp() {
        assertThat(catalog.resolveFamily("us.meta.llama3-3-70b-instruct-v1:0", null)).isEqualTo(ModelFamily.LLAMA);
        assertThat(catalog.resolveFamily("meta.llama3-3-70b-instruct-v1:0", ModelFamily.OPENAI_CHAT)).isEqualTo(ModelFamily.OPENAI_CHAT);
        assertThat(catalog.resolveFamily("meta.llama9-1t", null)).isEqualTo(ModelFamily.LLAMA);
        assertThatThrownBy(() -> catalog.resolveFamily("foo.bar", null)).isInstanceOf(UnknownModelException.class);
        assertThatThrownBy(() -> catalog.resolveFamily("not an id", ModelFamily.LLAMA)).isInstanceOf(InvalidModelIdentifierException.class);
    }

    @Test
    void malformedIdentifiersThrowFromFind() {
        assertThatThrownBy(() -> catalog.find("hello")).isInstanceOf(InvalidModelIdentifierException.class);
    }

    @Test
    void listsByProviderAndFamily() {
        assertThat(catalog.byProvider("anthropic")).isNotEmpty().allSatisfy(m -> assertThat(m.provider()).isEqualTo("anthropic"));
        assertThat(catalog.byProvider("Mistral AI")).isNotEmpty().allSatisfy(m -> assertThat(m.provider()).isEqualTo("mistral"));
        assertThat(catalog.byProvider("ANTHROPIC")).hasSameSizeAs(catalog.byProvider("anthropic"));
        assertThat(catalog.byProvider("nobody")).isEmpty();
        assertThat(catalog.byFamily(ModelFamily.TITAN_IMAGE)).extracting(BedrockModel::id)
                .contains("amazon.titan-image-generator-v1", "amazon.titan-image-generator-v2:0", "amazon.nova-canvas-v1:0");
        assertThat(catalog.byFamily(ModelFamily.COHERE_EMBED)).extracting(BedrockModel::id)
                .containsExactly("cohere.embed-english-v3", "cohere.embed-multilingual-v3", "cohere.embed-v4:0");
        assertThat(catalog.providers()).containsEntry("ai21", "AI21 Labs").containsKey("writer");
        assertThat(catalog.rules()).isNotEmpty();
        assertThat(catalog.rules().get(0).provider()).isEqualTo("anthropic");
    }

    @Test
    void inferenceProfileFacts() {
        BedrockModel sonnet4 = catalog.require("anthropic.claude-sonnet-4-20250514-v1:0");
        assertThat(sonnet4.inferenceProfileRequired()).isTrue();
        assertThat(sonnet4.inferenceProfilePrefixes()).contains("us", "eu", "global");
        assertThat(sonnet4.inferenceProfileId("us")).isEqualTo("us.anthropic.claude-sonnet-4-20250514-v1:0");
        assertThat(sonnet4.inferenceProfileId("EU.")).isEqualTo("eu.anthropic.claude-sonnet-4-20250514-v1:0");
        assertThatThrownBy(() -> sonnet4.inferenceProfileId("mars"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown inference profile geography 'mars'")
                .hasMessageContaining("us-gov");
        assertThat(catalog.require("anthropic.claude-3-haiku-20240307-v1:0").inferenceProfileRequired()).isFalse();
    }
}
