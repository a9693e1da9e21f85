package dev.camelbedrock.catalog;

/** The image size rules {@link ImageSizeRules} checks, in the order it checks them. */
public enum ImageSizeRule {
    /** The model does not generate images. */
    IMAGE_MODEL,
    /** Width and height must be positive. */
    POSITIVE,
    /** The width:height ratio must be one of the model's {@code aspect_ratio} values (Stability). */
    ALLOWED_ASPECT_RATIOS,
    /** The size must be one of the model's listed sizes (Titan Image Generator, SDXL). */
    ALLOWED_SIZES,
    /** Each side must lie within the model's minimum and maximum (Nova Canvas: 320–4096). */
    SIDE_RANGE,
    /** Each side must be divisible by the model's step (Nova Canvas: 16). */
    SIDE_MULTIPLE,
    /** The width:height ratio must lie within the model's range (Nova Canvas: 1:4 to 4:1). */
    ASPECT_RATIO_RANGE,
    /** Width × height must be below the model's pixel limit (Nova Canvas: 4,194,304). */
    MAX_PIXELS
}
