package dev.camelbedrock.component.image;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;

import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;

/**
 * Stability SD3 / SD3.5 Large / Stable Image Core / Ultra: {@code {"prompt","negative_prompt","aspect_ratio","seed",
 * "output_format"}} → {@code images[]}, {@code seeds[]}, {@code finish_reasons[]} (null, or the filter's reason). One
 * image per request. The body takes a ratio, not a size: width and height are sent as their reduced ratio (1024x576 →
 * 16:9), and the model picks the resolution.
 */
final class StabilityCodec extends ImageCodecBase {

    StabilityCodec() {
        super(ModelFamily.STABILITY);
    }

    @Override
    public ObjectNode request(String prompt, ImageOptions o, String modelId) {
        refuse(o.cfgScale(), "cfgScale");
        refuse(o.quality(), "quality");
        refuse(o.style(), "style");
        oneImagePerRequest(o, family());
        String ratio = o.aspectRatio();
        if (ratio == null && o.width() != null) {
            int gcd = BigInteger.valueOf(o.width()).gcd(BigInteger.valueOf(o.height())).intValue();
            ratio = gcd == 0 ? null : o.width() / gcd + ":" + o.height() / gcd;
        }
        ObjectNode body = object().put("prompt", prompt);
        putIf(body, "negative_prompt", o.negativeText());
        putIf(body, "aspect_ratio", ratio);
        putIf(body, "seed", o.seed());
        return putIf(body, "output_format", o.outputFormat());
    }

    @Override
    public ImageAsk ask(JsonNode request) {
        return new ImageAsk(null, null, request.hasNonNull("aspect_ratio") ? request.get("aspect_ratio").asText() : null,
                request.path("prompt").asText(null), 1, seed(request.get("seed")));
    }

    @Override
    public ImageReply reply(JsonNode body) {
        List<Long> seeds = new ArrayList<>();
        body.path("seeds").forEach(s -> seeds.add(s.longValue()));
        String filtered = null;
        for (JsonNode reason : body.path("finish_reasons")) {
            if (!reason.isNull()) {
                filtered = reason.asText();
            }
        }
        return new ImageReply(decode(body.path("images")), seeds, filtered, null);
    }
}
