package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Titan Image Generator v1/v2 and Nova Canvas: {@code {"taskType":"TEXT_IMAGE","textToImageParams":{"text",
 * "negativeText","style"(Canvas)},"imageGenerationConfig":{"numberOfImages":1-5,"width","height","cfgScale",
 * "seed","quality"}}} → {@code {"images":["<b64 PNG>",…],"error":null}}. Also {@code COLOR_GUIDED_GENERATION}
 * ({@code colorGuidedGenerationParams.text/colors} — the colours paint the picture) and {@code IMAGE_VARIATION}
 * ({@code imageVariationParams.images/text}). Sizes: Titan a fixed list (default 1024x1024); Canvas each side
 * 320–4096 and divisible by 16, aspect ratio 1:4–4:1, fewer than 4,194,304 pixels. A blocked prompt answers
 * 400 ValidationException "This request has been blocked by our content filters.".
 */
final class TitanImages extends NonTextFamily {

    /** Titan Image Generator's supported width x height pairs. */
    static final List<String> TITAN_SIZES = List.of("1024x1024", "768x768", "512x512", "768x1152", "384x576",
            "1152x768", "576x384", "768x1280", "384x640", "1280x768", "640x384", "896x1152", "448x576", "1152x896",
            "576x448", "768x1408", "384x704", "1408x768", "704x384", "640x1408", "320x704", "1408x640", "704x320",
            "1152x640", "1173x640");
    static final Set<String> STYLES = Set.of("3D_ANIMATED_FAMILY_FILM", "DESIGN_SKETCH", "FLAT_VECTOR_ILLUSTRATION",
            "GRAPHIC_NOVEL_ILLUSTRATION", "MAXIMALISM", "MIDCENTURY_RETRO", "PHOTOREALISM", "SOFT_DIGITAL_PAINTING");
    private static final Set<String> TASKS = Set.of("TEXT_IMAGE", "COLOR_GUIDED_GENERATION", "IMAGE_VARIATION",
            "INPAINTING", "OUTPAINTING", "BACKGROUND_REMOVAL", "VIRTUAL_TRY_ON");

    private final boolean canvas;

    TitanImages(boolean canvas) {
        this.canvas = canvas;
    }

    @Override
    String name() {
        return canvas ? "amazon-nova-canvas" : "amazon-titan-image";
    }

    @Override
    boolean offload() {
        return true;
    }

    @Override
    Output invoke(Invocation inv) {
        JsonNode b = inv.body;
        String task = Bodies.requiredString(b, "#", "taskType");
        if (!TASKS.contains(task)) {
            throw Bodies.malformed("#/taskType: " + task + " is not a valid enum value");
        }
        int maxText = canvas ? 1024 : 512;
        String text;
        String negative;
        String style = null;
        List<Color> palette = null;
        String extra = "";
        switch (task) {
            case "TEXT_IMAGE": {
                String p = "#/textToImageParams";
                JsonNode params = Bodies.requiredObject(b, "#", "textToImageParams");
                text = Bodies.length(Bodies.requiredString(params, p, "text"), p + "/text", 1, maxText);
                negative = Bodies.length(Bodies.optionalString(params, p, "negativeText"), p + "/negativeText", 1,
                        maxText);
                if (canvas) {
                    style = Bodies.optionalEnum(params, p, "style", STYLES);
                } else if (params.has("style")) {
                    throw Bodies.malformed(p + ": extraneous key [style] is not permitted");
                }
                break;
            }
            case "COLOR_GUIDED_GENERATION": {
                String p = "#/colorGuidedGenerationParams";
                JsonNode params = Bodies.requiredObject(b, "#", "colorGuidedGenerationParams");
                text = Bodies.length(Bodies.requiredString(params, p, "text"), p + "/text", 1, maxText);
                negative = Bodies.length(Bodies.optionalString(params, p, "negativeText"), p + "/negativeText", 1,
                        maxText);
                ArrayNode colors = Bodies.requiredArray(params, p, "colors");
                if (colors.isEmpty() || colors.size() > 10) {
                    throw Bodies.malformed(p + "/colors: expected 1 to 10 items, found: " + colors.size());
                }
                palette = new ArrayList<>();
                for (int i = 0; i < colors.size(); i++) {
                    String hex = colors.get(i).asText();
                    if (!hex.matches("#[0-9a-fA-F]{6}")) {
                        throw Bodies.malformed(Bodies.path(p + "/colors", i) + ": string [" + hex
                                + "] does not match pattern ^#[0-9a-fA-F]{6}$");
                    }
                    palette.add(Color.decode(hex));
                }
                break;
            }
            case "IMAGE_VARIATION": {
                String p = "#/imageVariationParams";
                JsonNode params = Bodies.requiredObject(b, "#", "imageVariationParams");
                ArrayNode images = Bodies.requiredArray(params, p, "images");
                if (images.isEmpty() || images.size() > 5) {
                    throw Bodies.malformed(p + "/images: expected 1 to 5 items, found: " + images.size());
                }
                for (int i = 0; i < images.size(); i++) {
                    extra += Json.string(images.get(i)).hashCode();
                    Bodies.base64(images.get(i).asText(), Bodies.path(p + "/images", i));
                }
                text = Bodies.length(Bodies.optionalString(params, p, "text"), p + "/text", 1, maxText);
                negative = Bodies.length(Bodies.optionalString(params, p, "negativeText"), p + "/negativeText", 1,
                        maxText);
                break;
            }
            default:
                throw ServiceException.validation("The emulator supports the task types TEXT_IMAGE, "
                        + "COLOR_GUIDED_GENERATION and IMAGE_VARIATION for " + inv.model.requested() + "; " + task
                        + " is not implemented.");
        }
        String cp = "#/imageGenerationConfig";
        JsonNode cfg = Bodies.optionalObject(b, "#", "imageGenerationConfig");
        if (cfg == null) {
            cfg = Json.object();
        }
        int count = orDefault(Bodies.optionalInt(cfg, cp, "numberOfImages", 1, 5), 1);
        int width = orDefault(Bodies.optionalInt(cfg, cp, "width", Integer.MIN_VALUE, Integer.MAX_VALUE), 1024);
        int height = orDefault(Bodies.optionalInt(cfg, cp, "height", Integer.MIN_VALUE, Integer.MAX_VALUE), 1024);
        checkSize(width, height, cp);
        Bodies.optionalNumber(cfg, cp, "cfgScale", 1.1, 10);
        long seed = orDefault(Bodies.optionalLong(cfg, cp, "seed", 0, canvas ? 858_993_459L : 2_147_483_646L),
                canvas ? 12L : 42L);
        String quality = Bodies.optionalEnum(cfg, cp, "quality", Set.of("standard", "premium"));

        if (ContentFilter.blocks(inv, text)) {
            throw ServiceException.validation(ContentFilter.BLOCKED);
        }
        ObjectNode r = Json.object();
        ArrayNode images = r.putArray("images");
        for (int i = 0; i < count; i++) {
            String key = String.join("\u0000", name(), task, String.valueOf(text), String.valueOf(negative),
                    String.valueOf(style), String.valueOf(quality), extra, Long.toString(seed), Integer.toString(i));
            byte[] png = ImageRenderer.encode(ImageRenderer.render(width, height, key, palette), "png");
            images.add(Base64.getEncoder().encodeToString(png));
        }
        r.putNull("error");
        return new Output(r, text == null ? 1 : ChatReplies.textTokens(text), 0);
    }

    private void checkSize(int width, int height, String cp) {
        if (!canvas) {
            if (!TITAN_SIZES.contains(width + "x" + height)) {
                throw Bodies.malformed(cp + ": width x height " + width + "x" + height
                        + " is not a supported size; supported sizes: " + String.join(", ", TITAN_SIZES));
            }
            return;
        }
        for (String[] side : new String[][] {{"width", String.valueOf(width)}, {"height", String.valueOf(height)}}) {
            int v = Integer.parseInt(side[1]);
            String p = cp + "/" + side[0];
            if (v < 320) {
                throw Bodies.malformed(p + ": " + v + " is not greater or equal to 320");
            }
            if (v > 4096) {
                throw Bodies.malformed(p + ": " + v + " is not less or equal to 4096");
            }
            if (v % 16 != 0) {
                throw Bodies.malformed(p + ": " + v + " is not a multiple of 16");
            }
        }
        if (width > 4L * height || height > 4L * width) {
            throw Bodies.malformed(cp + ": the aspect ratio " + width + ":" + height
                    + " of width and height must be between 1:4 and 4:1");
        }
        if ((long) width * height >= 4_194_304L) {
            throw Bodies.malformed(cp + ": width x height (" + width + "x" + height + " = " + (long) width * height
                    + " pixels) must be less than 4194304 pixels");
        }
    }

    private static int orDefault(Integer v, int d) {
        return v == null ? d : v;
    }

    private static long orDefault(Long v, long d) {
        return v == null ? d : v;
    }
}
