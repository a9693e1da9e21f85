package dev.camelbedrock.component.image;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.CodecInputException;
import dev.camelbedrock.component.support.JsonDocuments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON each image codec builds and reads. */
class ImageCodecTest {

    static ImageCodec codec(ModelFamily family) {
        return ImageCodecs.CODECS.forFamily(family).orElseThrow();
    }

    static JsonNode json(String text) throws Exception {
        return JsonDocuments.parse(text);
    }

    static ImageOptions options(Integer w, Integer h, String ratio, Long seed, Float cfg, String quality, Integer n, String negative,
                                String style, String format) {
        return new ImageOptions(w, h, ratio, seed, cfg, quality, n, negative, style, format);
    }

    @Test
    void titanAndNovaCanvas() throws Exception {
        JsonNode req = json(codec(ModelFamily.TITAN_IMAGE).request("a red fox in snow",
                options(1024, 1024, null, 42L, 8.0f, "standard", 2, "blurry", null, null), "amazon.titan-image-generator-v2:0").toString());
        assertThat(req).isEqualTo(json("""
                {"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a red fox in snow","negativeText":"blurry"},
                 "imageGenerationConfig":{"numberOfImages":2,"width":1024,"height":1024,"cfgScale":8.0,"seed":42,"quality":"standard"}}"""));
        assertThat(codec(ModelFamily.TITAN_IMAGE).ask(req)).isEqualTo(new ImageCodec.ImageAsk(1024, 1024, null, "a red fox in snow", 2, 42L));
        JsonNode canvas = json(codec(ModelFamily.TITAN_IMAGE).request("a fox", options(null, null, null, null, null, null, null, null,
                "PHOTOREALISM", null), "amazon.nova-canvas-v1:0").toString());
        assertThat(canvas.at("/textToImageParams/style").asText()).isEqualTo("PHOTOREALISM");
        assertThatThrownBy(() -> codec(ModelFamily.TITAN_IMAGE).request("a fox", options(null, null, null, null, null, null, null, null,
                "PHOTOREALISM", null), "amazon.titan-image-generator-v2:0")).isInstanceOf(CodecInputException.class).hasMessageContaining("Nova Canvas only");
        assertThatThrownBy(() -> codec(ModelFamily.TITAN_IMAGE).request("a fox", options(null, null, "16:9", null, null, null, null, null,
                null, null), "amazon.nova-canvas-v1:0")).hasMessageContaining("width and height");

        ImageReply ok = codec(ModelFamily.TITAN_IMAGE).reply(json("{\"images\":[\"iVBORw==\",\"AQI=\"],\"error\":null}"));
        assertThat(ok.images()).hasSize(2);
        assertThat(ok.images().get(1)).containsExactly(1, 2);
        assertThat(ok.filtered()).isNull();
        assertThat(codec(ModelFamily.TITAN_IMAGE).reply(json("{\"images\":[],\"error\":\"This request has been blocked by our content filters.\"}"))
                .filtered()).contains("blocked");
        assertThat(codec(ModelFamily.TITAN_IMAGE).reply(json("{\"images\":[],\"error\":\"Internal failure\"}")).error()).isEqualTo("Internal failure");
    }

    @Test
    void stability() throws Exception {
        JsonNode req = json(codec(ModelFamily.STABILITY).request("a fox", options(1344, 768, null, 7L, null, null, null, "blurry", null, "jpeg"),
                "stability.sd3-5-large-v1:0").toString());
        assertThat(req).as("width and height become their ratio").isEqualTo(json(
                "{\"prompt\":\"a fox\",\"negative_prompt\":\"blurry\",\"aspect_ratio\":\"7:4\",\"seed\":7,\"output_format\":\"jpeg\"}"));
        JsonNode ratio = json(codec(ModelFamily.STABILITY).request("a fox", options(null, null, "16:9", null, null, null, null, null, null, null),
                "stability.stable-image-core-v1:1").toString());
        assertThat(codec(ModelFamily.STABILITY).ask(ratio).aspectRatio()).isEqualTo("16:9");
        assertThatThrownBy(() -> codec(ModelFamily.STABILITY).request("a fox", options(null, null, null, null, null, null, 2, null, null, null), "x"))
                .hasMessageContaining("one image per request");
        assertThatThrownBy(() -> codec(ModelFamily.STABILITY).request("a fox", options(null, null, null, null, 7f, null, null, null, null, null), "x"))
                .hasMessageContaining("cfgScale");

        ImageReply r = codec(ModelFamily.STABILITY).reply(json("{\"seeds\":[12345],\"finish_reasons\":[null],\"images\":[\"AQI=\"]}"));
        assertThat(r.seeds()).containsExactly(12345L);
        assertThat(r.filtered()).isNull();
        assertThat(codec(ModelFamily.STABILITY).reply(json("{\"seeds\":[1],\"finish_reasons\":[\"Filter reason: prompt\"],\"images\":[]}"))
                .filtered()).isEqualTo("Filter reason: prompt");
    }

    @Test
    void sdxl() throws Exception {
        JsonNode req = json(codec(ModelFamily.STABILITY_SDXL).request("a fox", options(1024, 1024, null, 3L, 7f, null, null, "blurry",
                "photographic", null), "stability.stable-diffusion-xl-v1").toString());
        assertThat(req).isEqualTo(json("""
                {"text_prompts":[{"text":"a fox","weight":1.0},{"text":"blurry","weight":-1.0}],"width":1024,"height":1024,
                 "cfg_scale":7.0,"seed":3,"style_preset":"photographic"}"""));
        assertThat(codec(ModelFamily.STABILITY_SDXL).ask(req)).isEqualTo(new ImageCodec.ImageAsk(1024, 1024, null, "a fox", 1, 3L));
        ImageReply r = codec(ModelFamily.STABILITY_SDXL).reply(json(
                "{\"result\":\"success\",\"artifacts\":[{\"seed\":123,\"base64\":\"AQI=\",\"finishReason\":\"SUCCESS\"}]}"));
        assertThat(r.images()).hasSize(1);
        assertThat(r.seeds()).isEqualTo(List.of(123L));
        assertThat(codec(ModelFamily.STABILITY_SDXL).reply(json(
                "{\"result\":\"success\",\"artifacts\":[{\"seed\":1,\"base64\":\"\",\"finishReason\":\"CONTENT_FILTERED\"}]}")).filtered())
                .isEqualTo("CONTENT_FILTERED");
    }
}
