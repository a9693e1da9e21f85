package dev.camelbedrock.catalog;

/**
 * A request does not fit the model: a missing capability, an embedding dimension or batch size it does not
 * accept, or an image size that breaks one of its size rules. Thrown before any network call; the message says
 * what was wrong and what is accepted.
 */
public class ModelValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String modelId;
    private final String rule;

    public ModelValidationException(String modelId, String rule, String message) {
        super(message);
        this.modelId = modelId;
        this.rule = rule;
    }

    /** The model the request was checked against. */
    public String modelId() {
        return modelId;
    }

    /** A short name of the rule that failed, e.g. {@code TOOL_USE}, {@code EMBEDDING_DIMENSIONS}, {@code SIDE_MULTIPLE}. */
    public String rule() {
        return rule;
    }
}
