package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.embedding.FeatureHashingEmbedder;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Stability SDXL 1.0: {@code {"text_prompts":[{"text","weight"}],"width","height","cfg_scale","seed","steps",
 * "samples":1,"style_preset",…}} → {@code {"result":"success","artifacts":[{"seed","base64","finishReason"}]}}.
 * Sizes: 1024x1024, 1152x896, 896x1152, 1216x832, 832x1216, 1344x768, 768x1344, 1536x640, 640x1536 (default
 * 1024x1024). Prompts with a negative weight are the negative prompt. A blocked prompt answers
 * {@code finishReason: CONTENT_FILTERED} with an all-black image.
 */
final class SdxlImages extends NonTextFamily {

    static final List<String> SIZES = List.of("1024x1024", "1152x896", "896x1152", "1216x832", "832x1216",
            "1344x768", "768x1344", "1536x640", "640x1536");
    private static final Set<String> PRESETS = Set.of("3d-model", "analog-film", "anime", "cinematic", "comic-book",
            "digital-art", "enhance", "fantasy-art", "isometric", "line-art", "low-poly", "modeling-compound",
            "neon-punk", "origami", "photographic", "pixel-art", "tile-texture");

    @Override
    String name() {
        return "stability-sdxl";
    }

    @Override
    boolean offload() {
        return true;
    }

    @Override
    Output invoke(Invocation inv) {
        JsonNode b = inv.body;
        ArrayNode prompts = Bodies.requiredArray(b, "#", "text_prompts");
        if (prompts.isEmpty()) {
            throw Bodies.malformed("#/text_prompts: expected minimum item count: 1, found: 0");
        }
        StringBuilder positive = new StringBuilder();
        StringBuilder negative = new StringBuilder();
        for (int i = 0; i < prompts.size(); i++) {
            String p = Bodies.path("#/text_prompts", i);
            String text = Bodies.length(Bodies.requiredString(prompts.get(i), p, "text"), p + "/text", 1, 2000);
            Double weight = Bodies.optionalNumber(prompts.get(i), p, "weight", -10, 10);
            StringBuilder target = weight != null && weight < 0 ? negative : positive;
            target.append(target.length() > 0 ? " | " : "").append(text);
        }
        Integer w = Bodies.optionalInt(b, "#", "width", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Integer h = Bodies.optionalInt(b, "#", "height", Integer.MIN_VALUE, Integer.MAX_VALUE);
        int width = w == null ? 1024 : w;
        int height = h == null ? 1024 : h;
        if (!SIZES.contains(width + "x" + height)) {
            throw Bodies.malformed("#/width: width x height " + width + "x" + height
                    + " is not a supported SDXL size; supported sizes: " + String.join(", ", SIZES));
        }
        Bodies.optionalNumber(b, "#", "cfg_scale", 0, 35);
        Bodies.optionalInt(b, "#", "steps", 10, 150);
        Bodies.optionalInt(b, "#", "samples", 1, 1);
        Long seedIn = Bodies.optionalLong(b, "#", "seed", 0, 4_294_967_295L);
        String preset = Bodies.optionalEnum(b, "#", "style_preset", PRESETS);
        Bodies.optionalEnum(b, "#", "clip_guidance_preset", Set.of("FAST_BLUE", "FAST_GREEN", "NONE", "SIMPLE",
                "SLOW", "SLOWER", "SLOWEST"));
        long seed = seedIn == null || seedIn == 0
                ? Math.floorMod(FeatureHashingEmbedder.hash(positive + "\u0000" + negative), 4_294_967_295L) + 1
                : seedIn;
        boolean blocked = ContentFilter.blocks(inv, positive.toString());
        BufferedImage img = blocked ? ImageRenderer.blank(width, height)
                : ImageRenderer.render(width, height, String.join("\u0000", "sdxl", positive, negative,
                String.valueOf(preset), Long.toString(seed)), null);
        ObjectNode r = Json.object();
        r.put("result", "success");
        ObjectNode a = r.putArray("artifacts").addObject();
        a.put("seed", seed);
        a.put("base64", Base64.getEncoder().encodeToString(ImageRenderer.encode(img, "png")));
        a.put("finishReason", blocked ? "CONTENT_FILTERED" : "SUCCESS");
        return new Output(r, ChatReplies.textTokens(positive.toString()), 0);
    }
}
