package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Image models through the real SDK: real decodable PNG/JPEG of the requested size, seeds, size rules, content filter. */
class ImagesTest {

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().build().start();
        client = Sdk.runtimeH2(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    static byte[] bytes(JsonNode b64) {
        return Base64.getDecoder().decode(b64.asText());
    }

    static BufferedImage decode(byte[] data) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(data));
            assertThat(img).as("ImageIO decodes the image").isNotNull();
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void isPng(byte[] data) {
        assertThat(data).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    static String titan(String text, String config) {
        return "{\"taskType\":\"TEXT_IMAGE\",\"textToImageParams\":{\"text\":\"" + text + "\"},"
                + "\"imageGenerationConfig\":{" + config + "}}";
    }

    static String error(String modelId, String body) {
        Throwable t = catchThrowable(() -> Invoke.invoke(client, modelId, body));
        assertThat(t).isInstanceOf(ValidationException.class);
        return ((ValidationException) t).awsErrorDetails().errorMessage();
    }

    @Test
    void titanDefaultSizeIsA1024SquarePng() {
        JsonNode r = Invoke.invoke(client, "amazon.titan-image-generator-v2:0", titan("a red fox in snow", "")).json;
        assertThat(r.get("error").isNull()).isTrue();
        assertThat(r.get("images")).hasSize(1);
        byte[] png = bytes(r.at("/images/0"));
        isPng(png);
        BufferedImage img = decode(png);
        assertThat(img.getWidth()).isEqualTo(1024);
        assertThat(img.getHeight()).isEqualTo(1024);
    }

    @Test
    void titanSizesSeedsPromptsAndCount() {
        String model = "amazon.titan-image-generator-v1";
        JsonNode r = Invoke.invoke(client, model, titan("a red fox", "\"numberOfImages\":3,\"width\":576,\"height\":384,"
                + "\"seed\":7,\"cfgScale\":8.0,\"quality\":\"standard\"")).json;
        assertThat(r.get("images")).hasSize(3);
        Set<String> distinct = new HashSet<>();
        r.get("images").forEach(i -> {
            BufferedImage img = decode(bytes(i));
            assertThat(img.getWidth()).isEqualTo(576);
            assertThat(img.getHeight()).isEqualTo(384);
            distinct.add(i.asText());
        });
        assertThat(distinct).hasSize(3);
        String seed7 = Invoke.invoke(client, model, titan("a red fox", "\"width\":512,\"height\":512,\"seed\":7")).json
                .at("/images/0").asText();
        String seed7again = Invoke.invoke(client, model, titan("a red fox", "\"width\":512,\"height\":512,\"seed\":7")).json
                .at("/images/0").asText();
        String seed8 = Invoke.invoke(client, model, titan("a red fox", "\"width\":512,\"height\":512,\"seed\":8")).json
                .at("/images/0").asText();
        String otherPrompt = Invoke.invoke(client, model, titan("a blue whale", "\"width\":512,\"height\":512,\"seed\":7")).json
                .at("/images/0").asText();
        assertThat(seed7again).isEqualTo(seed7);
        assertThat(seed8).isNotEqualTo(seed7);
        assertThat(otherPrompt).isNotEqualTo(seed7);
        assertThat(pixelsDiffer(decode(bytes(Invoke.json("\"" + seed7 + "\""))), decode(bytes(Invoke.json("\"" + seed8 + "\"")))))
                .isTrue();
    }

    static boolean pixelsDiffer(BufferedImage a, BufferedImage b) {
        int differ = 0;
        for (int y = 0; y < a.getHeight(); y += 8) {
            for (int x = 0; x < a.getWidth(); x += 8) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        return differ > (a.getWidth() / 8) * (a.getHeight() / 8) / 10;
    }

    @Test
    void titanRejectsUnsupportedSizesAndCounts() {
        String model = "amazon.titan-image-generator-v2:0";
        assertThat(error(model, titan("x", "\"width\":1000,\"height\":1000")))
                .startsWith("Malformed input request: #/imageGenerationConfig: width x height 1000x1000 is not a supported size");
        assertThat(error(model, titan("x", "\"numberOfImages\":6")))
                .contains("#/imageGenerationConfig/numberOfImages: 6 is not less or equal to 5");
        assertThat(error(model, titan("x", "\"cfgScale\":11")))
                .contains("#/imageGenerationConfig/cfgScale: 11 is not less or equal to 10");
        assertThat(error(model, "{\"taskType\":\"TEXT_IMAGE\"}")).contains("#: required key [textToImageParams] not found");
        assertThat(error(model, "{\"textToImageParams\":{\"text\":\"x\"}}")).contains("required key [taskType]");
        assertThat(error(model, titan("", ""))).contains("#/textToImageParams/text: expected minLength: 1, actual: 0");
        assertThat(error(model, titan("x".repeat(513), ""))).contains("expected maxLength: 512, actual: 513");
        assertThat(error(model, "{\"taskType\":\"PAINT\",\"textToImageParams\":{\"text\":\"x\"}}"))
                .contains("#/taskType: PAINT is not a valid enum value");
    }

    @Test
    void novaCanvasSizeRulesAndStyle() {
        String model = "amazon.nova-canvas-v1:0";
        BufferedImage img = decode(bytes(Invoke.invoke(client, model, "{\"taskType\":\"TEXT_IMAGE\",\"textToImageParams\":"
                + "{\"text\":\"a lighthouse\",\"negativeText\":\"fog\",\"style\":\"PHOTOREALISM\"},\"imageGenerationConfig\":"
                + "{\"width\":1280,\"height\":720,\"seed\":3}}").json.at("/images/0")));
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(720);
        assertThat(error(model, titan("x", "\"width\":1000,\"height\":1008")))
                .contains("#/imageGenerationConfig/width: 1000 is not a multiple of 16");
        assertThat(error(model, titan("x", "\"width\":304,\"height\":320")))
                .contains("#/imageGenerationConfig/width: 304 is not greater or equal to 320");
        assertThat(error(model, titan("x", "\"width\":4112,\"height\":320")))
                .contains("#/imageGenerationConfig/width: 4112 is not less or equal to 4096");
        assertThat(error(model, titan("x", "\"width\":320,\"height\":1296")))
                .contains("aspect ratio 320:1296").contains("between 1:4 and 4:1");
        assertThat(error(model, titan("x", "\"width\":2048,\"height\":2048")))
                .contains("must be less than 4194304 pixels");
        assertThat(error(model, "{\"taskType\":\"TEXT_IMAGE\",\"textToImageParams\":{\"text\":\"x\",\"style\":\"CUBISM\"}}"))
                .contains("#/textToImageParams/style: CUBISM is not a valid enum value");
        assertThat(error("amazon.titan-image-generator-v2:0", "{\"taskType\":\"TEXT_IMAGE\",\"textToImageParams\":"
                + "{\"text\":\"x\",\"style\":\"PHOTOREALISM\"}}")).contains("extraneous key [style]");
    }

    @Test
    void colorGuidedAndVariationTasks() {
        JsonNode r = Invoke.invoke(client, "amazon.nova-canvas-v1:0", "{\"taskType\":\"COLOR_GUIDED_GENERATION\","
                + "\"colorGuidedGenerationParams\":{\"text\":\"abstract\",\"colors\":[\"#FF0000\"]},"
                + "\"imageGenerationConfig\":{\"width\":320,\"height\":320}}").json;
        BufferedImage img = decode(bytes(r.at("/images/0")));
        assertThat(img.getRGB(160, 160) & 0xFFFFFF).isEqualTo(0xFF0000); // one colour, all red
        String src = r.at("/images/0").asText();
        JsonNode v = Invoke.invoke(client, "amazon.titan-image-generator-v2:0", "{\"taskType\":\"IMAGE_VARIATION\","
                + "\"imageVariationParams\":{\"text\":\"more red\",\"images\":[\"" + src + "\"]},"
                + "\"imageGenerationConfig\":{\"width\":512,\"height\":512,\"numberOfImages\":2}}").json;
        assertThat(v.get("images")).hasSize(2);
        assertThat(error("amazon.nova-canvas-v1:0", "{\"taskType\":\"COLOR_GUIDED_GENERATION\","
                + "\"colorGuidedGenerationParams\":{\"text\":\"x\",\"colors\":[\"red\"]}}"))
                .contains("#/colorGuidedGenerationParams/colors/0");
    }

    @Test
    void stabilityAspectRatiosFormatsAndSeeds() {
        String model = "stability.sd3-5-large-v1:0";
        JsonNode r = Invoke.invoke(client, model, "{\"prompt\":\"a castle\",\"aspect_ratio\":\"16:9\",\"seed\":5}").json;
        assertThat(r.get("seeds").get(0).asLong()).isEqualTo(5);
        assertThat(r.get("finish_reasons").get(0).isNull()).isTrue();
        byte[] png = bytes(r.at("/images/0"));
        isPng(png);
        BufferedImage img = decode(png);
        assertThat(img.getWidth()).isEqualTo(1344);
        assertThat(img.getHeight()).isEqualTo(768);
        byte[] jpeg = bytes(Invoke.invoke(client, "stability.stable-image-core-v1:1",
                "{\"prompt\":\"a castle\",\"aspect_ratio\":\"2:3\",\"output_format\":\"jpeg\"}").json.at("/images/0"));
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(decode(jpeg).getWidth()).isEqualTo(832);
        assertThat(decode(jpeg).getHeight()).isEqualTo(1216);
        JsonNode webp = Invoke.invoke(client, "stability.stable-image-ultra-v1:1",
                "{\"prompt\":\"a castle\",\"aspect_ratio\":\"1:1\",\"output_format\":\"webp\"}").json;
        isPng(bytes(webp.at("/images/0")));
        assertThat(webp.at("/seeds/0").asLong()).isPositive(); // a seed derived from the prompt when none is given
        String a = Invoke.invoke(client, model, "{\"prompt\":\"a castle\",\"aspect_ratio\":\"1:1\",\"seed\":1}").json
                .at("/images/0").asText();
        String b = Invoke.invoke(client, model, "{\"prompt\":\"a castle\",\"aspect_ratio\":\"1:1\",\"seed\":2}").json
                .at("/images/0").asText();
        assertThat(a).isNotEqualTo(b);
        assertThat(error(model, "{\"prompt\":\"x\",\"aspect_ratio\":\"7:3\"}"))
                .contains("#/aspect_ratio: 7:3 is not a valid enum value");
        assertThat(error(model, "{\"prompt\":\"x\",\"output_format\":\"gif\"}"))
                .contains("#/output_format: gif is not a valid enum value");
        assertThat(error(model, "{\"aspect_ratio\":\"1:1\"}")).contains("required key [prompt]");

        String src = Base64.getEncoder().encodeToString(png);
        BufferedImage i2i = decode(bytes(Invoke.invoke(client, model, "{\"prompt\":\"night\",\"mode\":\"image-to-image\","
                + "\"image\":\"" + src + "\",\"strength\":0.5}").json.at("/images/0")));
        assertThat(i2i.getWidth()).isEqualTo(1344);
        assertThat(i2i.getHeight()).isEqualTo(768);
    }

    @Test
    void sdxlArtifacts() {
        String model = "stability.stable-diffusion-xl-v1";
        JsonNode r = Invoke.invoke(client, model, "{\"text_prompts\":[{\"text\":\"a forest\",\"weight\":1.0},{\"text\":"
                + "\"blurry\",\"weight\":-1.0}],\"width\":1152,\"height\":896,\"cfg_scale\":7,\"seed\":42,\"steps\":30,"
                + "\"samples\":1,\"style_preset\":\"photographic\"}").json;
        assertThat(r.get("result").asText()).isEqualTo("success");
        JsonNode art = r.at("/artifacts/0");
        assertThat(art.get("seed").asLong()).isEqualTo(42);
        assertThat(art.get("finishReason").asText()).isEqualTo("SUCCESS");
        BufferedImage img = decode(bytes(art.get("base64")));
        assertThat(img.getWidth()).isEqualTo(1152);
        assertThat(img.getHeight()).isEqualTo(896);
        assertThat(error(model, "{\"text_prompts\":[{\"text\":\"x\"}],\"width\":1000,\"height\":1000}"))
                .contains("1000x1000 is not a supported SDXL size");
        assertThat(error(model, "{\"text_prompts\":[{\"text\":\"x\"}],\"samples\":2}"))
                .contains("#/samples: 2 is not less or equal to 1");
        assertThat(error(model, "{\"text_prompts\":[]}")).contains("#/text_prompts: expected minimum item count: 1");
    }

    @Test
    void contentFilterFromTheConfigFile() throws Exception {
        try (BedrockEmulator other = BedrockEmulator.builder()
                .config(Invoke.json("{\"imageContentFilter\":\"(?i)tabasco\"}")).build().start();
             BedrockRuntimeAsyncClient c = Sdk.runtimeH1(other.uri())) {
            Throwable t = catchThrowable(() -> Invoke.invoke(c, "amazon.titan-image-generator-v2:0", titan("Tabasco", "")));
            assertThat(t).isInstanceOf(ValidationException.class).hasMessageContaining("content filters");
            assertThat(Invoke.invoke(c, "stability.stable-image-core-v1:1", "{\"prompt\":\"forbidden\"}").json
                    .at("/finish_reasons/0").isNull()).isTrue();
        }
        try (BedrockEmulator off = BedrockEmulator.builder().config(Invoke.json("{\"imageContentFilter\":null}"))
                .build().start(); BedrockRuntimeAsyncClient c = Sdk.runtimeH1(off.uri())) {
            assertThat(Invoke.invoke(c, "stability.stable-diffusion-xl-v1", "{\"text_prompts\":[{\"text\":\"forbidden\"}]}")
                    .json.at("/artifacts/0/finishReason").asText()).isEqualTo("SUCCESS");
        }
    }

    @Test
    void contentFilterBlocksLikeEachFamily() {
        String blocked = error("amazon.titan-image-generator-v2:0", titan("a forbidden picture", ""));
        assertThat(blocked).isEqualTo("This request has been blocked by our content filters.");
        assertThat(error("amazon.nova-canvas-v1:0", titan("Forbidden art", ""))).contains("content filters");

        JsonNode s = Invoke.invoke(client, "stability.stable-image-core-v1:1",
                "{\"prompt\":\"something forbidden\",\"aspect_ratio\":\"1:1\"}").json;
        assertThat(s.get("finish_reasons").get(0).asText()).isEqualTo("Filter reason: prompt");
        BufferedImage black = decode(bytes(s.at("/images/0")));
        assertThat(black.getRGB(512, 512) & 0xFFFFFF).isZero();

        JsonNode x = Invoke.invoke(client, "stability.stable-diffusion-xl-v1",
                "{\"text_prompts\":[{\"text\":\"forbidden fruit\"}]}").json;
        assertThat(x.at("/artifacts/0/finishReason").asText()).isEqualTo("CONTENT_FILTERED");

        // "forbiddenly" is not the word "forbidden"
        assertThat(Invoke.invoke(client, "amazon.titan-image-generator-v2:0",
                titan("forbiddenly nice", "\"width\":512,\"height\":512")).json.get("images")).hasSize(1);

        // the trigger is configurable (null turns it off); reset() restores the builder's value
        emulator.imageContentFilter("(?i)banana");
        assertThat(error("amazon.titan-image-generator-v2:0", titan("a Banana", ""))).contains("content filters");
        assertThat(Invoke.invoke(client, "amazon.titan-image-generator-v2:0",
                titan("forbidden", "\"width\":512,\"height\":512")).json.get("images")).hasSize(1);
        emulator.imageContentFilter(null);
        assertThat(Invoke.invoke(client, "amazon.titan-image-generator-v2:0",
                titan("banana", "\"width\":512,\"height\":512")).json.get("images")).hasSize(1);
        emulator.reset();
        assertThat(error("amazon.titan-image-generator-v2:0", titan("forbidden", ""))).contains("content filters");
        assertThat(Sdk.http("POST", emulator.uri().resolve("/_emulator/config"), "{\"imageContentFilter\":\"kiwi\"}").body())
                .contains("\"imageContentFilter\":\"kiwi\"");
        assertThat(error("amazon.titan-image-generator-v2:0", titan("kiwi", ""))).contains("content filters");
    }
}
