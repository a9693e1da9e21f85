package dev.camelbedrock.component.image;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.NativeJson;

import static dev.camelbedrock.component.family.NativeJson.integer;
import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;

/**
 * Stability SDXL 1.0: {@code {"text_prompts":[{text,weight}],"width","height","cfg_scale","seed","style_preset"}} →
 * {@code artifacts[]} ({@code base64}, {@code seed}, {@code finishReason} SUCCESS | ERROR | CONTENT_FILTERED). The
 * negative text is a prompt of weight -1. One image per request; the output is PNG.
 */
final class StabilitySdxlCodec extends ImageCodecBase {

    StabilitySdxlCodec() {
        super(ModelFamily.STABILITY_SDXL);
    }

    @Override
    public ObjectNode request(String prompt, ImageOptions o, String modelId) {
        refuse(o.aspectRatio(), "aspectRatio");
        refuse(o.quality(), "quality");
        oneImagePerRequest(o, family());
        oneOf(o.outputFormat(), "outputFormat", "png");
        ObjectNode body = object();
        ArrayNode prompts = body.putArray("text_prompts");
        prompts.addObject().put("text", prompt).put("weight", 1.0);
        if (o.negativeText() != null) {
            prompts.addObject().put("text", o.negativeText()).put("weight", -1.0);
        }
        putIf(body, "width", o.width());
        putIf(body, "height", o.height());
        putIf(body, "cfg_scale", o.cfgScale());
        putIf(body, "seed", o.seed());
        return putIf(body, "style_preset", o.style());
    }

    @Override
    public ImageAsk ask(JsonNode request) {
        String prompt = null;
        for (JsonNode p : request.path("text_prompts")) {
            if (prompt == null && p.path("weight").asDouble(1.0) >= 0) {
                prompt = p.path("text").asText(null);
            }
        }
        return new ImageAsk(integer(request, "/width"), integer(request, "/height"), null, prompt, 1, seed(request.get("seed")));
    }

    @Override
    public ImageReply reply(JsonNode body) {
        List<byte[]> images = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        String filtered = null;
        String error = null;
        for (JsonNode a : body.path("artifacts")) {
            String reason = a.path("finishReason").asText("SUCCESS");
            if (reason.equals("CONTENT_FILTERED")) {
                filtered = reason;
            } else if (reason.equals("ERROR")) {
                error = reason;
            } else {
                images.add(NativeJson.fromBase64(a.path("base64").asText()));
            }
            if (a.path("seed").isNumber()) {
                seeds.add(a.get("seed").longValue());
            }
        }
        return new ImageReply(images, seeds, filtered, error);
    }
}
