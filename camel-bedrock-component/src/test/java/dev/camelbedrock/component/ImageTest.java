package dev.camelbedrock.component;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.camelbedrock.component.error.BedrockContentFilteredException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** image through the SDK to the emulator: decodable images at the asked size, several images, seeds, the content filter. */
class ImageTest extends BedrockTestSupport {

    static final String TITAN = "amazon.titan-image-generator-v2:0";
    static final String CANVAS = "amazon.nova-canvas-v1:0";
    static final String SD35 = "stability.sd3-5-large-v1:0";
    static final String SDXL = "stability.stable-diffusion-xl-v1";

    private Exchange image(String uri, Object body) {
        return template.request(uri, e -> e.getMessage().setBody(body));
    }

    static BufferedImage decode(Object bytes) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream((byte[]) bytes));
        assertThat(img).as("decodable").isNotNull();
        return img;
    }

    @Test
    void titanMakesAPngOfTheAskedSize() throws Exception {
        Exchange out = image("bedrock:image?modelId=" + TITAN + "&width=1152&height=640&seed=42", "a red fox in snow");
        assertThat(out.getException()).isNull();
        byte[] png = out.getMessage().getBody(byte[].class);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage img = decode(png);
        assertThat(img.getWidth()).isEqualTo(1152);
        assertThat(img.getHeight()).isEqualTo(640);
        assertThat(out.getMessage().getHeader(BedrockHeaders.IMAGE_SEEDS)).isEqualTo(List.of(42L));
    }

    @Test
    void severalImagesComeAsAList() throws Exception {
        Exchange out = image("bedrock:image?modelId=" + CANVAS + "&width=512&height=512&numberOfImages=3&quality=premium", "three foxes");
        assertThat(out.getException()).isNull();
        List<?> images = out.getMessage().getBody(List.class);
        assertThat(images).hasSize(3);
        for (Object png : images) {
            BufferedImage img = decode(png);
            assertThat(img.getWidth()).isEqualTo(512);
            assertThat(img.getHeight()).isEqualTo(512);
        }
        var sent = emulator.lastRequest("InvokeModel").orElseThrow().json();
        assertThat(sent.at("/imageGenerationConfig/quality").asText()).isEqualTo("premium");
    }

    @Test
    void stabilityTakesARatioAndReportsItsSeed() throws Exception {
        Exchange out = image("bedrock:image?modelId=" + SD35 + "&aspectRatio=16:9&outputFormat=jpeg", "a lighthouse at dusk");
        assertThat(out.getException()).isNull();
        BufferedImage img = decode(out.getMessage().getBody(byte[].class));
        assertThat((double) img.getWidth() / img.getHeight()).isCloseTo(16.0 / 9.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(out.getMessage().getHeader(BedrockHeaders.IMAGE_SEEDS, List.class)).hasSize(1);
        assertThat(emulator.lastRequest("InvokeModel").orElseThrow().json().get("aspect_ratio").asText()).isEqualTo("16:9");
    }

    @Test
    void sdxlMakesItsListedSizes() throws Exception {
        Exchange out = image("bedrock:image?modelId=" + SDXL + "&width=1152&height=896&style=photographic&seed=7", "a lighthouse");
        assertThat(out.getException()).isNull();
        BufferedImage img = decode(out.getMessage().getBody(byte[].class));
        assertThat(img.getWidth()).isEqualTo(1152);
        assertThat(img.getHeight()).isEqualTo(896);
        assertThat(out.getMessage().getHeader(BedrockHeaders.IMAGE_SEEDS)).isEqualTo(List.of(7L));
    }

    @Test
    void aNativeRequestMapIsSentAsItIs() throws Exception {
        Map<String, Object> request = Map.of("taskType", "TEXT_IMAGE", "textToImageParams", Map.of("text", "a quiet harbour"),
                "imageGenerationConfig", Map.of("width", 768, "height", 768, "numberOfImages", 1));
        Exchange out = image("bedrock:image?modelId=" + CANVAS, request);
        assertThat(out.getException()).isNull();
        assertThat(decode(out.getMessage().getBody(byte[].class)).getWidth()).isEqualTo(768);
    }

    @ParameterizedTest
    @ValueSource(strings = { TITAN, CANVAS, SD35, SDXL })
    void aFilteredResultIsATypedErrorNotAnEmptyBody(String model) {
        // the emulator's content filter withholds images whose prompt has the word "forbidden"
        Exchange out = image("bedrock:image?modelId=" + model, "a forbidden garden");
        assertThat(out.getException()).as(model).isInstanceOf(BedrockContentFilteredException.class);
        assertThat(out.getException().getMessage()).contains("content filter");
        assertThat(((BedrockContentFilteredException) out.getException()).isRetryable()).isFalse();
    }
}
