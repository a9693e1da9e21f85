package dev.camelbedrock.catalog;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a requested image size (or Stability {@code aspect_ratio}) against a model's {@link ImageSpec} before any
 * network call. {@code check…} methods return the first rule that fails; {@code require…} methods throw it as a
 * {@link ModelValidationException}. Image models without size data (inferred models, Stability image services)
 * pass every size check except {@link ImageSizeRule#POSITIVE}.
 *
 * <p>Rules by model: Titan Image Generator v1/v2 and SDXL accept only their listed sizes; Nova Canvas takes any
 * size whose sides are 320–4096 and divisible by 16, with a width:height ratio between 1:4 and 4:1 and fewer than
 * 4,194,304 pixels; Stability SD3/SD3.5/Core/Ultra take an {@code aspect_ratio} from their list instead of a size.
 */
public final class ImageSizeRules {

    private ImageSizeRules() {
    }

    /**
     * Checks a width and height.
     *
     * @return the first broken rule, or empty when the size is accepted (or no rules are known)
     */
    public static Optional<ImageSizeViolation> check(BedrockModel model, int width, int height) {
        String size = width + "x" + height;
        if (!model.isImageModel()) {
            return fail(model, ImageSizeRule.IMAGE_MODEL, model.describe() + " does not generate images (family "
                    + model.family() + "), so an image size of " + size + " does not apply.");
        }
        if (width <= 0 || height <= 0) {
            return fail(model, ImageSizeRule.POSITIVE, "Image size " + size + " is not valid for model " + model.label()
                    + ": width and height must be positive.");
        }
        Optional<ImageSpec> specOpt = model.imageSpec();
        if (specOpt.isEmpty()) {
            return Optional.empty();
        }
        ImageSpec spec = specOpt.get();
        String head = "Image size " + size + " is not accepted by model " + model.label() + ": ";

        if (spec.usesAspectRatios()) {
            AspectRatio ratio = AspectRatio.of(width, height);
            boolean ok = spec.aspectRatios().stream().anyMatch(r -> r.sameRatio(ratio));
            if (!ok) {
                return fail(model, ImageSizeRule.ALLOWED_ASPECT_RATIOS, head + "the model takes an aspect_ratio instead of a size, and "
                        + size + " has ratio " + ratio + ", which is not one of " + ratios(spec) + ".");
            }
            return Optional.empty();
        }
        if (!spec.sizes().isEmpty()) {
            boolean ok = spec.sizes().stream().anyMatch(s -> s.width() == width && s.height() == height);
            if (!ok) {
                return fail(model, ImageSizeRule.ALLOWED_SIZES, head + "only these sizes are accepted: "
                        + spec.sizes().stream().map(ImageSize::toString).collect(Collectors.joining(", ")) + ".");
            }
        }
        Integer min = spec.minSide();
        Integer max = spec.maxSide();
        if (min != null || max != null) {
            String range = (min != null ? min : 1) + "–" + (max != null ? max : "∞");
            if (outside(width, min, max)) {
                return fail(model, ImageSizeRule.SIDE_RANGE, head + "each side must be " + range + " pixels; width " + width + " is not.");
            }
            if (outside(height, min, max)) {
                return fail(model, ImageSizeRule.SIDE_RANGE, head + "each side must be " + range + " pixels; height " + height + " is not.");
            }
        }
        Integer step = spec.sideMultipleOf();
        if (step != null) {
            if (width % step != 0) {
                return fail(model, ImageSizeRule.SIDE_MULTIPLE, head + "each side must be divisible by " + step + "; width "
                        + width + " is not (nearest: " + nearest(width, step) + ").");
            }
            if (height % step != 0) {
                return fail(model, ImageSizeRule.SIDE_MULTIPLE, head + "each side must be divisible by " + step + "; height "
                        + height + " is not (nearest: " + nearest(height, step) + ").");
            }
        }
        AspectRatio ratio = AspectRatio.of(width, height);
        if ((spec.minAspectRatio() != null && ratio.compareRatio(spec.minAspectRatio()) < 0)
                || (spec.maxAspectRatio() != null && ratio.compareRatio(spec.maxAspectRatio()) > 0)) {
            return fail(model, ImageSizeRule.ASPECT_RATIO_RANGE, head + "the aspect ratio (width:height) must be between "
                    + (spec.minAspectRatio() != null ? spec.minAspectRatio() : "any") + " and "
                    + (spec.maxAspectRatio() != null ? spec.maxAspectRatio() : "any") + "; " + size + " is " + ratio + ".");
        }
        if (spec.maxPixelsExclusive() != null && (long) width * height >= spec.maxPixelsExclusive()) {
            return fail(model, ImageSizeRule.MAX_PIXELS, head + "width × height must be less than "
                    + String.format("%,d", spec.maxPixelsExclusive()) + " pixels; " + size + " is "
                    + String.format("%,d", (long) width * height) + ".");
        }
        return Optional.empty();
    }

    /**
     * Checks a Stability-style {@code aspect_ratio} value such as {@code "16:9"}.
     *
     * @return the broken rule, or empty when the value is accepted (or the model lists no aspect ratios)
     */
    public static Optional<ImageSizeViolation> checkAspectRatio(BedrockModel model, String aspectRatio) {
        if (!model.isImageModel()) {
            return fail(model, ImageSizeRule.IMAGE_MODEL, model.describe() + " does not generate images (family "
                    + model.family() + "), so an aspect ratio does not apply.");
        }
        Optional<ImageSpec> spec = model.imageSpec();
        if (spec.isEmpty() || spec.get().aspectRatios().isEmpty()) {
            return Optional.empty();
        }
        String given = aspectRatio == null ? "" : aspectRatio.trim();
        boolean ok = spec.get().aspectRatios().stream().anyMatch(r -> r.toString().equals(given));
        if (!ok) {
            return fail(model, ImageSizeRule.ALLOWED_ASPECT_RATIOS, "Aspect ratio '" + aspectRatio + "' is not accepted by model "
                    + model.label() + "; accepted: " + ratios(spec.get()) + ".");
        }
        return Optional.empty();
    }

    /** As {@link #check}, throwing the first broken rule. */
    public static void requireValid(BedrockModel model, int width, int height) {
        check(model, width, height).ifPresent(v -> {
            throw v.toException();
        });
    }

    /** As {@link #checkAspectRatio}, throwing the broken rule. */
    public static void requireValidAspectRatio(BedrockModel model, String aspectRatio) {
        checkAspectRatio(model, aspectRatio).ifPresent(v -> {
            throw v.toException();
        });
    }

    private static boolean outside(int side, Integer min, Integer max) {
        return (min != null && side < min) || (max != null && side > max);
    }

    private static String nearest(int side, int step) {
        int lower = (side / step) * step;
        int upper = lower + step;
        return lower > 0 ? lower + " or " + upper : String.valueOf(upper);
    }

    private static String ratios(ImageSpec spec) {
        return spec.aspectRatios().stream().map(AspectRatio::toString).collect(Collectors.joining(", "));
    }

    private static Optional<ImageSizeViolation> fail(BedrockModel model, ImageSizeRule rule, String message) {
        return Optional.of(new ImageSizeViolation(model.id(), rule, message));
    }
}
