package dev.camelbedrock.catalog;

import java.util.List;
import java.util.Objects;

/**
 * Size rules and limits of an image-generation model, checked by {@link ImageSizeRules}.
 *
 * <p>Every member is optional. A model lists exact {@code sizes} (Titan Image Generator, SDXL), or side and
 * ratio constraints (Nova Canvas), or the {@code aspectRatios} its {@code aspect_ratio} field takes (Stability).
 *
 * @param sizes              the only width×height pairs accepted; empty when free sizes are allowed
 * @param minSide            smallest width or height in pixels, or {@code null}
 * @param maxSide            largest width or height in pixels, or {@code null}
 * @param sideMultipleOf     width and height must be divisible by this, or {@code null}
 * @param minAspectRatio     narrowest width:height allowed (e.g. 1:4), or {@code null}
 * @param maxAspectRatio     widest width:height allowed (e.g. 4:1), or {@code null}
 * @param maxPixelsExclusive width × height must be strictly below this, or {@code null}
 * @param aspectRatios       values the {@code aspect_ratio} request field takes; empty when the model takes sizes
 * @param maxImages          most images per request, or {@code null}
 * @param maxPromptChars     longest prompt in characters, or {@code null}
 */
public record ImageSpec(
        List<ImageSize> sizes,
        Integer minSide,
        Integer maxSide,
        Integer sideMultipleOf,
        AspectRatio minAspectRatio,
        AspectRatio maxAspectRatio,
        Long maxPixelsExclusive,
        List<AspectRatio> aspectRatios,
        Integer maxImages,
        Integer maxPromptChars) {

    public ImageSpec {
        sizes = List.copyOf(Objects.requireNonNull(sizes, "sizes"));
        aspectRatios = List.copyOf(Objects.requireNonNull(aspectRatios, "aspectRatios"));
    }

    /** Whether the model is driven by an {@code aspect_ratio} value rather than a width and height. */
    public boolean usesAspectRatios() {
        return !aspectRatios.isEmpty() && sizes.isEmpty();
    }
}
