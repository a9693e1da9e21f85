package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.embedding.FeatureHashingEmbedder;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stability SD3 / SD3.5 Large / Stable Image Core / Ultra: {@code {"prompt","negative_prompt","aspect_ratio",
 * "seed","output_format":"png"|"jpeg"|"webp","mode","image","strength"}} → {@code {"seeds":[…],
 * "finish_reasons":[null],"images":["<b64>"]}}. The aspect ratio picks a ~1 megapixel size (1:1 → 1024x1024,
 * 16:9 → 1344x768, …); image-to-image (SD3 models) keeps the input image's size. {@code jpeg} is a real JPEG;
 * {@code webp} is written as PNG (the JDK has no WebP writer). Seed 0 or absent: a seed derived from the prompt,
 * returned in {@code seeds}. A blocked prompt answers 200 with {@code finish_reasons:["Filter reason: prompt"]}
 * and an all-black image.
 */
final class StabilityImages extends NonTextFamily {

    static final Map<String, int[]> RATIOS = new LinkedHashMap<>();

    static {
        RATIOS.put("1:1", new int[] {1024, 1024});
        RATIOS.put("16:9", new int[] {1344, 768});
        RATIOS.put("21:9", new int[] {1536, 640});
        RATIOS.put("2:3", new int[] {832, 1216});
        RATIOS.put("3:2", new int[] {1216, 832});
        RATIOS.put("4:5", new int[] {896, 1088});
        RATIOS.put("5:4", new int[] {1088, 896});
        RATIOS.put("9:16", new int[] {768, 1344});
        RATIOS.put("9:21", new int[] {640, 1536});
    }

    @Override
    String name() {
        return "stability";
    }

    @Override
    boolean offload() {
        return true;
    }

    @Override
    Output invoke(Invocation inv) {
        JsonNode b = inv.body;
        String prompt = Bodies.length(Bodies.requiredString(b, "#", "prompt"), "#/prompt", 1, 10_000);
        String negative = Bodies.length(Bodies.optionalString(b, "#", "negative_prompt"), "#/negative_prompt", 0,
                10_000);
        String format = Bodies.optionalEnum(b, "#", "output_format", Set.of("png", "jpeg", "webp"));
        if (format == null) {
            format = "png";
        }
        Long seedIn = Bodies.optionalLong(b, "#", "seed", 0, 4_294_967_294L);
        String mode = Bodies.optionalEnum(b, "#", "mode", Set.of("text-to-image", "image-to-image"));
        boolean sd3 = inv.baseId() == null || inv.baseId().contains("sd3");
        int width;
        int height;
        String extra = "";
        if ("image-to-image".equals(mode)) {
            if (!sd3) {
                throw Bodies.malformed("#: extraneous key [mode] is not permitted");
            }
            if (b.has("aspect_ratio")) {
                throw Bodies.malformed("#: extraneous key [aspect_ratio] is not permitted with mode image-to-image");
            }
            String image = Bodies.requiredString(b, "#", "image");
            Bodies.optionalNumber(b, "#", "strength", 0, 1);
            if (!b.has("strength")) {
                throw Bodies.missing("#", "strength");
            }
            byte[] data = Bodies.base64(image, "#/image");
            int[] size = ImageRenderer.size(data);
            if (size == null) {
                throw Bodies.malformed("#/image: is not a PNG, JPEG or WebP image");
            }
            width = size[0];
            height = size[1];
            extra = Integer.toString(java.util.Arrays.hashCode(data));
        } else {
            String ratio = Bodies.optionalEnum(b, "#", "aspect_ratio", RATIOS.keySet());
            int[] size = RATIOS.get(ratio == null ? "1:1" : ratio);
            width = size[0];
            height = size[1];
        }
        long seed = seedIn == null || seedIn == 0
                ? Math.floorMod(FeatureHashingEmbedder.hash(prompt + "\u0000" + negative), 4_294_967_294L) + 1
                : seedIn;
        ObjectNode r = Json.object();
        r.putArray("seeds").add(seed);
        BufferedImage img;
        if (ContentFilter.blocks(inv, prompt)) {
            r.putArray("finish_reasons").add("Filter reason: prompt");
            img = ImageRenderer.blank(width, height);
        } else {
            r.putArray("finish_reasons").addNull();
            String key = String.join("\u0000", inv.baseId() == null ? "stability" : inv.baseId(), prompt,
                    String.valueOf(negative), extra, Long.toString(seed));
            img = ImageRenderer.render(width, height, key, null);
        }
        r.putArray("images").add(Base64.getEncoder().encodeToString(ImageRenderer.encode(img, format)));
        return new Output(r, ChatReplies.textTokens(prompt), 0);
    }
}
