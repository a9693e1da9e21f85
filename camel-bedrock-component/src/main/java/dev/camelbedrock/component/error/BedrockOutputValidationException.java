package dev.camelbedrock.component.error;

import java.util.List;

/**
 * Structured output (outputSchema, outputClass): the model's reply did not match the schema, and the repair rounds
 * (outputRepairAttempts) did not fix it. Carries the last reply and what is wrong with it.
 */
public class BedrockOutputValidationException extends BedrockException {

    private final String reply;
    private final List<String> violations;

    public BedrockOutputValidationException(String operation, String modelId, String reply, List<String> violations,
                                            int repairs) {
        super(operation + ": the model's reply does not match the output schema" + (repairs > 0
              ? " after " + repairs + " repair round" + (repairs == 1 ? "" : "s") : "") + ": " + String.join("; ", violations),
              operation, modelId, null);
        this.reply = reply;
        this.violations = List.copyOf(violations);
    }

    /** The last reply: JSON text (or what the model sent instead). */
    public String getReply() {
        return reply;
    }

    /** What is wrong with the reply, each naming where. */
    public List<String> getViolations() {
        return violations;
    }
}
