package dev.camelbedrock.catalog;

/**
 * The first image size rule a request breaks.
 *
 * @param modelId the model checked
 * @param rule    the rule that failed
 * @param message what was wrong and what the model accepts
 */
public record ImageSizeViolation(String modelId, ImageSizeRule rule, String message) {

    /** This violation as an exception, to throw before a network call. */
    public ModelValidationException toException() {
        return new ModelValidationException(modelId, rule.name(), message);
    }
}
