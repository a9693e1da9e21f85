package dev.camelbedrock.component.image;

import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.error.BedrockInputException;

/**
 * The image options, checked once; the family codec refuses what its body has no field for.
 *
 * @param width          image width in pixels, or null
 * @param height         image height in pixels, or null
 * @param aspectRatio    w:h for models that take a ratio (Stability SD3/Core/Ultra), or null
 * @param seed           the seed, or null for the model's
 * @param cfgScale       how strictly to follow the prompt, or null
 * @param quality        standard or premium (Titan, Nova Canvas), or null
 * @param numberOfImages how many images, or null for one
 * @param negativeText   what not to draw, or null
 * @param style          Nova Canvas style / SDXL style preset, or null
 * @param outputFormat   png, jpeg or webp (Stability), or null
 */
public record ImageOptions(Integer width, Integer height, String aspectRatio, Long seed, Float cfgScale, String quality,
                           Integer numberOfImages, String negativeText, String style, String outputFormat) {

    static ImageOptions read(EndpointOptions c, String operation, String modelId) {
        if ((c.getWidth() == null) != (c.getHeight() == null)) {
            throw new BedrockInputException(operation, modelId, "options width and height go together; only "
                    + (c.getWidth() == null ? "height" : "width") + " is set");
        }
        if (c.getAspectRatio() != null && c.getWidth() != null) {
            throw new BedrockInputException(operation, modelId, "options aspectRatio and width/height both set; give one of them");
        }
        if (c.getNumberOfImages() != null && c.getNumberOfImages() < 1) {
            throw new BedrockInputException(operation, modelId, "option numberOfImages is " + c.getNumberOfImages() + "; accepted: 1 or more");
        }
        if (c.getSeed() != null && c.getSeed() < 0) {
            throw new BedrockInputException(operation, modelId, "option seed is " + c.getSeed() + "; accepted: 0 or more");
        }
        return new ImageOptions(c.getWidth(), c.getHeight(), c.getAspectRatio(), c.getSeed(), c.getCfgScale(),
                text(c.getQuality()), c.getNumberOfImages(), c.getNegativeText(), c.getStyle(), text(c.getOutputFormat()));
    }

    private static String text(Enum<?> option) {
        return option == null ? null : option.toString();
    }
}
