package dev.camelbedrock.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelChecksTest {

    private final BedrockModelCatalog catalog = BedrockModelCatalog.defaultCatalog();

    private BedrockModel model(String id) {
        return catalog.require(id);
    }

    // ---- capabilities -------------------------------------------------------------------------------------

    @Test
    void capabilitiesReadNaturally() {
        BedrockModel sonnet = model("anthropic.claude-3-5-sonnet-20241022-v2:0");
        assertThat(sonnet.supports(Capability.TOOL_USE)).isTrue();
        assertThat(sonnet.inputModalities()).contains(Modality.IMAGE, Modality.DOCUMENT);
        assertThat(sonnet.acceptsImageInput()).isTrue();
        assertThat(sonnet.acceptsDocumentInput()).isTrue();
        assertThat(sonnet.supportsStreaming()).isTrue();
        assertThat(sonnet.supportsConverse()).isTrue();
        assertThat(sonnet.supportsSystemPrompt()).isTrue();
        assertThat(sonnet.isTextModel()).isTrue();
        assertThat(sonnet.isEmbeddingModel()).isFalse();
        assertThat(sonnet.capabilities()).contains(Capability.IMAGE_INPUT, Capability.TEXT_GENERATION, Capability.PROMPT_CACHING);
        assertThat(sonnet.requireCapability(Capability.TOOL_USE)).isSameAs(sonnet);
        assertThat(sonnet.supports(Capability.STRUCTURED_OUTPUT)).as("no native structured output before Claude 4.5").isFalse();
        assertThat(model("anthropic.claude-haiku-4-5-20251001-v1:0").supports(Capability.STRUCTURED_OUTPUT)).isTrue();

        BedrockModel titan = model("amazon.titan-text-express-v1");
        assertThat(titan.supportsToolUse()).isFalse();
        assertThat(titan.acceptsImageInput()).isFalse();
        assertThat(titan.inputModalities()).containsExactly(Modality.TEXT);

        BedrockModel embed = model("amazon.titan-embed-text-v2:0");
        assertThat(embed.supportsStreaming()).isFalse();
        assertThat(embed.supportsConverse()).isFalse();
        assertThat(embed.isEmbeddingModel()).isTrue();
        assertThat(embed.outputModalities()).containsExactly(Modality.EMBEDDING);

        assertThat(model("amazon.nova-pro-v1:0").acceptsVideoInput()).isTrue();
        assertThat(model("meta.llama3-2-90b-instruct-v1:0").acceptsImageInput()).isTrue();
        assertThat(model("meta.llama3-8b-instruct-v1:0").supportsToolUse()).isFalse();
        assertThat(model("amazon.nova-canvas-v1:0").isImageModel()).isTrue();
        assertThat(model("amazon.nova-reel-v1:0").supports(Capability.ASYNC_INVOKE)).isTrue();
        assertThat(model("amazon.nova-reel-v1:0").supports(Capability.VIDEO_GENERATION)).isTrue();
        assertThat(model("cohere.rerank-v3-5:0").supports(Capability.RERANKING)).isTrue();
        assertThat(model("deepseek.r1-v1:0").supports(Capability.REASONING)).isTrue();
    }

    @Test
    void missingCapabilityFailsWithWhatIsSupported() {
        assertThatThrownBy(() -> model("amazon.titan-text-express-v1").requireCapability(Capability.TOOL_USE))
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Model 'amazon.titan-text-express-v1' (Titan Text G1 - Express) does not support tool use")
                .hasMessageContaining("It supports: STREAMING, CONVERSE, TEXT_GENERATION")
                .satisfies(e -> {
                    ModelValidationException ex = (ModelValidationException) e;
                    assertThat(ex.modelId()).isEqualTo("amazon.titan-text-express-v1");
                    assertThat(ex.rule()).isEqualTo("TOOL_USE");
                });
        assertThatThrownBy(() -> model("anthropic.claude-3-5-haiku-20241022-v1:0").requireCapability(Capability.IMAGE_INPUT))
                .hasMessageContaining("does not support image input");
        assertThatThrownBy(() -> model("anthropic.claude-v2:77").requireCapability(Capability.IMAGE_INPUT))
                .hasMessageContaining("inferred from the provider rule 'anthropic.claude-v2*'");
    }

    @Test
    void capabilityDerivationFlags() {
        assertThat(Capability.IMAGE_INPUT.isDerived()).isTrue();
        assertThat(Capability.TOOL_USE.isDerived()).isFalse();
    }

    // ---- embeddings ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "amazon.titan-embed-text-v2:0, 256", "amazon.titan-embed-text-v2:0, 512", "amazon.titan-embed-text-v2:0, 1024",
            "amazon.titan-embed-image-v1, 256", "amazon.titan-embed-image-v1, 384", "amazon.titan-embed-image-v1, 1024",
            "cohere.embed-v4:0, 256", "cohere.embed-v4:0, 512", "cohere.embed-v4:0, 1024", "cohere.embed-v4:0, 1536",
            "amazon.nova-2-multimodal-embeddings-v1:0, 3072", "amazon.titan-embed-text-v1, 1536", "cohere.embed-english-v3, 1024"
    })
    void acceptedEmbeddingDimensions(String id, int dims) {
        assertThat(model(id).validateEmbeddingDimensions(dims)).isEqualTo(dims);
    }

    @Test
    void rejectedEmbeddingDimensionsSayWhatIsAccepted() {
        assertThatThrownBy(() -> model("amazon.titan-embed-text-v2:0").validateEmbeddingDimensions(384))
                .isInstanceOf(ModelValidationException.class)
                .hasMessage("Model 'amazon.titan-embed-text-v2:0' (Titan Text Embeddings V2) does not offer 384-dimensional"
                        + " embeddings; accepted: 256, 512, 1024 (default 1024).")
                .satisfies(e -> assertThat(((ModelValidationException) e).rule()).isEqualTo("EMBEDDING_DIMENSIONS"));
        assertThatThrownBy(() -> model("amazon.titan-embed-image-v1").validateEmbeddingDimensions(512))
                .hasMessageContaining("accepted: 256, 384, 1024 (default 1024)");
        assertThatThrownBy(() -> model("cohere.embed-v4:0").validateEmbeddingDimensions(3072))
                .hasMessageContaining("accepted: 256, 512, 1024, 1536 (default 1536)");
        assertThatThrownBy(() -> model("amazon.titan-embed-text-v1").validateEmbeddingDimensions(512))
                .hasMessageContaining("always produces 1536-dimensional embeddings");
        assertThatThrownBy(() -> model("amazon.titan-embed-text-v2:0").validateEmbeddingDimensions(0))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> model("anthropic.claude-3-haiku-20240307-v1:0").validateEmbeddingDimensions(1024))
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("does not produce embeddings");
    }

    @Test
    void embeddingBatchLimits() {
        assertThat(model("cohere.embed-english-v3").embeddingBatchLimit()).isEqualTo(96);
        assertThat(model("cohere.embed-multilingual-v3").embeddingBatchLimit()).isEqualTo(96);
        assertThat(model("cohere.embed-v4:0").embeddingBatchLimit()).isEqualTo(96);
        assertThat(model("amazon.titan-embed-text-v2:0").embeddingBatchLimit()).isEqualTo(1);
        assertThat(model("amazon.titan-embed-image-v1").embeddingBatchLimit()).isEqualTo(1);
        assertThat(model("amazon.nova-2-multimodal-embeddings-v1:0").embeddingBatchLimit()).isEqualTo(1);
        assertThat(model("cohere.embed-english-v3").validateEmbeddingBatch(96)).isEqualTo(96);
        assertThatThrownBy(() -> model("cohere.embed-english-v3").validateEmbeddingBatch(97))
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("accepts at most 96 inputs per request; got 97")
                .hasMessageContaining("Split the batch");
        assertThatThrownBy(() -> model("amazon.titan-embed-text-v2:0").validateEmbeddingBatch(2))
                .hasMessageContaining("accepts at most 1 input per request; got 2");
        assertThatThrownBy(() -> model("amazon.titan-embed-text-v2:0").validateEmbeddingBatch(0))
                .hasMessageContaining("at least one input");
        assertThatThrownBy(() -> model("amazon.nova-pro-v1:0").embeddingBatchLimit())
                .isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("does not produce embeddings");
        assertThat(model("amazon.titan-embed-text-v2:0").defaultEmbeddingDimension()).hasValue(1024);
        assertThat(model("amazon.titan-embed-text-v2:0").embedding().orElseThrow().configurableDimensions()).isTrue();
        assertThat(model("amazon.titan-embed-text-v2:0").embedding().orElseThrow().maxInputTokens()).isEqualTo(8192);
        assertThat(model("anthropic.claude-3-haiku-20240307-v1:0").embeddingDimensions()).isEmpty();
    }

    // ---- image sizes --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"1024, 1024", "320, 320", "2048, 1024", "2560, 1440", "1024, 4000", "4000, 1024", "1280, 720", "2032, 2048"})
    void novaCanvasAcceptedSizes(int w, int h) {
        assertThat(ImageSizeRules.check(model("amazon.nova-canvas-v1:0"), w, h)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "304, 1024, SIDE_RANGE, each side must be 320–4096 pixels; width 304 is not",
            "1024, 4112, SIDE_RANGE, height 4112 is not",
            "1000, 1024, SIDE_MULTIPLE, each side must be divisible by 16; width 1000 is not (nearest: 992 or 1008)",
            "1024, 1030, SIDE_MULTIPLE, height 1030 is not",
            "4096, 960, ASPECT_RATIO_RANGE, must be between 1:4 and 4:1; 4096x960 is 64:15",
            "320, 1296, ASPECT_RATIO_RANGE, 320x1296 is 20:81",
            "2048, 2048, MAX_PIXELS, width × height must be less than 4,194,304 pixels; 2048x2048 is 4,194,304",
            "4000, 1024, , ",
            "4096, 1024, MAX_PIXELS, 4096x1024 is 4,194,304",
            "0, 1024, POSITIVE, width and height must be positive"
    })
    void novaCanvasRuleFailures(int w, int h, ImageSizeRule rule, String message) {
        BedrockModel canvas = model("amazon.nova-canvas-v1:0");
        if (rule == null) {
            assertThat(ImageSizeRules.check(canvas, w, h)).isEmpty();
            return;
        }
        ImageSizeViolation v = ImageSizeRules.check(canvas, w, h).orElseThrow();
        assertThat(v.rule()).isEqualTo(rule);
        assertThat(v.modelId()).isEqualTo("amazon.nova-canvas-v1:0");
        assertThat(v.message()).contains(message).contains("amazon.nova-canvas-v1:0");
        assertThatThrownBy(() -> ImageSizeRules.requireValid(canvas, w, h))
                .isInstanceOf(ModelValidationException.class)
                .hasMessage(v.message())
                .satisfies(e -> assertThat(((ModelValidationException) e).rule()).isEqualTo(rule.name()));
    }

    @Test
    void titanImageGeneratorAcceptsOnlyItsListedSizes() {
        for (String id : new String[]{"amazon.titan-image-generator-v1", "amazon.titan-image-generator-v2:0"}) {
            BedrockModel titan = model(id);
            assertThat(ImageSizeRules.check(titan, 1024, 1024)).isEmpty();
            assertThat(ImageSizeRules.check(titan, 1173, 640)).isEmpty();
            assertThat(ImageSizeRules.check(titan, 384, 576)).isEmpty();
            ImageSizeViolation v = ImageSizeRules.check(titan, 1024, 768).orElseThrow();
            assertThat(v.rule()).isEqualTo(ImageSizeRule.ALLOWED_SIZES);
            assertThat(v.message()).startsWith("Image size 1024x768 is not accepted by model '" + id + "'")
                    .contains("only these sizes are accepted: 1024x1024, 768x768, 512x512");
            assertThat(titan.imageSpec().orElseThrow().maxImages()).isEqualTo(5);
        }
    }

    @Test
    void stabilityTakesAspectRatios() {
        BedrockModel sd35 = model("stability.sd3-5-large-v1:0");
        assertThat(sd35.imageSpec().orElseThrow().usesAspectRatios()).isTrue();
        assertThat(ImageSizeRules.checkAspectRatio(sd35, "16:9")).isEmpty();
        assertThat(ImageSizeRules.checkAspectRatio(sd35, "9:21")).isEmpty();
        ImageSizeViolation v = ImageSizeRules.checkAspectRatio(sd35, "4:3").orElseThrow();
        assertThat(v.rule()).isEqualTo(ImageSizeRule.ALLOWED_ASPECT_RATIOS);
        assertThat(v.message()).isEqualTo("Aspect ratio '4:3' is not accepted by model 'stability.sd3-5-large-v1:0'"
                + " (Stable Diffusion 3.5 Large); accepted: 16:9, 1:1, 21:9, 2:3, 3:2, 4:5, 5:4, 9:16, 9:21.");
        assertThatThrownBy(() -> ImageSizeRules.requireValidAspectRatio(sd35, "banana")).isInstanceOf(ModelValidationException.class);
        ImageSizeRules.requireValidAspectRatio(sd35, "1:1");
        // a width and height is checked by its reduced ratio
        assertThat(ImageSizeRules.check(sd35, 1920, 1080)).isEmpty();
        assertThat(ImageSizeRules.check(sd35, 1024, 1024)).isEmpty();
        assertThat(ImageSizeRules.check(sd35, 1344, 768).orElseThrow().message())
                .contains("takes an aspect_ratio instead of a size").contains("1344x768 has ratio 7:4");
        assertThat(ImageSizeRules.check(model("stability.stable-image-ultra-v1:1"), 1000, 800)).isEmpty();
    }

    @Test
    void sdxlAcceptsItsListedSizes() {
        BedrockModel sdxl = model("stability.stable-diffusion-xl-v1");
        assertThat(ImageSizeRules.check(sdxl, 1344, 768)).isEmpty();
        assertThat(ImageSizeRules.check(sdxl, 512, 512).orElseThrow().rule()).isEqualTo(ImageSizeRule.ALLOWED_SIZES);
    }

    @Test
    void nonImageModelsAndModelsWithoutSizeData() {
        ImageSizeViolation v = ImageSizeRules.check(model("amazon.nova-pro-v1:0"), 1024, 1024).orElseThrow();
        assertThat(v.rule()).isEqualTo(ImageSizeRule.IMAGE_MODEL);
        assertThat(v.message()).contains("does not generate images");
        assertThat(ImageSizeRules.checkAspectRatio(model("amazon.nova-pro-v1:0"), "1:1").orElseThrow().rule())
                .isEqualTo(ImageSizeRule.IMAGE_MODEL);
        assertThat(ImageSizeRules.check(model("stability.stable-image-inpaint-v1:0"), 777, 333)).isEmpty();
        assertThat(ImageSizeRules.check(model("amazon.titan-image-generator-v9:0"), 777, 333)).isEmpty();
        assertThat(ImageSizeRules.checkAspectRatio(model("amazon.nova-canvas-v1:0"), "7:1")).isEmpty();
    }

    // ---- misc -----------------------------------------------------------------------------------------------------

    @Test
    void pricingIsReferenceData() {
        Pricing p = model("anthropic.claude-3-haiku-20240307-v1:0").pricing().orElseThrow();
        assertThat(p.inputPer1kTokens()).isEqualByComparingTo("0.00025");
        assertThat(p.outputPer1kTokens()).isEqualByComparingTo("0.00125");
        assertThat(p.currency()).isEqualTo("USD");
        assertThat(p.estimate(1000, 2000)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal("0.00275")));
        assertThat(model("amazon.nova-canvas-v1:0").pricing().orElseThrow().perImage()).isEqualByComparingTo("0.04");
        Pricing cached = model("anthropic.claude-3-7-sonnet-20250219-v1:0").pricing().orElseThrow();
        assertThat(cached.cacheReadPer1kTokens()).isEqualByComparingTo("0.0003");
        assertThat(cached.cacheWritePer1kTokens()).isEqualByComparingTo("0.00375");
        assertThat(p.cacheReadPer1kTokens()).isNull();
        assertThat(model("amazon.nova-canvas-v1:0").pricing().orElseThrow().estimate(10, 0)).isEmpty();
        assertThat(model("amazon.titan-embed-text-v2:0").pricing().orElseThrow().estimate(1000, 0))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00002"));
        assertThat(model("amazon.nova-reel-v1:0").pricing()).isEmpty();
    }

    @Test
    void lifecycleNotesAndLimits() {
        assertThat(model("anthropic.claude-v2").lifecycle()).isEqualTo(ModelLifecycle.LEGACY);
        assertThat(model("anthropic.claude-sonnet-4-20250514-v1:0").lifecycle()).isEqualTo(ModelLifecycle.ACTIVE);
        assertThat(model("amazon.nova-canvas-v1:0").notes()).hasValueSatisfying(n -> assertThat(n).contains("4,194,304"));
        assertThat(model("anthropic.claude-3-7-sonnet-20250219-v1:0").maxOutputTokens()).hasValue(64000);
        assertThat(model("amazon.nova-reel-v1:0").maxOutputTokens()).isEmpty();
    }

    @Test
    void valueTypes() {
        assertThat(ImageSize.parse("1024x768")).isEqualTo(new ImageSize(1024, 768));
        assertThat(ImageSize.parse("1024 X 768").toString()).isEqualTo("1024x768");
        assertThatThrownBy(() -> ImageSize.parse("big")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSize.parse("0x5")).hasMessageContaining("positive");
        assertThat(AspectRatio.of(1920, 1080)).isEqualTo(new AspectRatio(16, 9));
        assertThat(AspectRatio.parse("2:2").sameRatio(AspectRatio.parse("1:1"))).isTrue();
        assertThat(AspectRatio.parse("1:4").compareRatio(AspectRatio.parse("4:1"))).isNegative();
        assertThatThrownBy(() -> AspectRatio.parse("16/9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddingSpec(java.util.List.of(), null, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
