package dev.camelbedrock.component.image;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.CodecInputException;

import static dev.camelbedrock.component.family.NativeJson.integer;
import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;

/**
 * Titan Image Generator v1/v2 and Nova Canvas, TEXT_IMAGE: {@code {"taskType":"TEXT_IMAGE","textToImageParams":{"text",
 * "negativeText","style"},"imageGenerationConfig":{"numberOfImages","width","height","cfgScale","seed","quality"}}} →
 * {@code images[]} (base64 PNG), {@code error}. {@code style} is Nova Canvas only; the output is always PNG. An
 * {@code error} that speaks of filtering or blocking is the content filter; any other is a failed generation.
 */
final class TitanImageCodec extends ImageCodecBase {

    TitanImageCodec() {
        super(ModelFamily.TITAN_IMAGE);
    }

    @Override
    public ObjectNode request(String prompt, ImageOptions o, String modelId) {
        if (o.aspectRatio() != null) {
            throw new CodecInputException("option aspectRatio is set, but " + family() + " takes width and height; set those");
        }
        if (o.style() != null && modelId.contains("titan-image")) {
            throw new CodecInputException("option style is Nova Canvas only; Titan Image Generator takes no style");
        }
        oneOf(o.outputFormat(), "outputFormat", "png");
        ObjectNode params = object().put("text", prompt);
        putIf(params, "negativeText", o.negativeText());
        putIf(params, "style", o.style());
        ObjectNode config = object();
        putIf(config, "numberOfImages", o.numberOfImages());
        putIf(config, "width", o.width());
        putIf(config, "height", o.height());
        putIf(config, "cfgScale", o.cfgScale());
        putIf(config, "seed", o.seed());
        putIf(config, "quality", o.quality());
        ObjectNode body = object().put("taskType", "TEXT_IMAGE");
        body.set("textToImageParams", params);
        body.set("imageGenerationConfig", config);
        return body;
    }

    @Override
    public ImageAsk ask(JsonNode request) {
        JsonNode config = request.path("imageGenerationConfig");
        Integer n = integer(config, "/numberOfImages");
        return new ImageAsk(integer(config, "/width"), integer(config, "/height"), null,
                request.at("/textToImageParams/text").asText(null), n == null ? 1 : n, seed(config.get("seed")));
    }

    @Override
    public ImageReply reply(JsonNode body) {
        String error = body.hasNonNull("error") ? body.get("error").asText() : null;
        boolean filtered = error != null && speaksOfFiltering(error);
        return new ImageReply(decode(body.path("images")), List.of(), filtered ? error : null, filtered ? null : error);
    }
}
