package dev.camelbedrock.component.error;

import java.util.List;

import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;

/**
 * applyGuardrail with {@code guardrailInterventionAction=fail}: the guardrail intervened (blocked or masked content), and
 * the route asked for that to fail the exchange so it can {@code onException} it. Carries what the guardrail said.
 */
public class BedrockGuardrailInterventionException extends BedrockException {

    private final String action;
    private final String actionReason;
    private final List<BedrockGuardrailFinding> findings;
    private final List<GuardrailAssessment> assessments;
    private final List<String> outputs;

    public BedrockGuardrailInterventionException(String message, String operation, String action, String actionReason,
                                                 List<BedrockGuardrailFinding> findings, List<GuardrailAssessment> assessments,
                                                 List<String> outputs) {
        super(message, operation, null, null);
        this.action = action;
        this.actionReason = actionReason;
        this.findings = List.copyOf(findings);
        this.assessments = List.copyOf(assessments);
        this.outputs = List.copyOf(outputs);
    }

    /** GUARDRAIL_INTERVENED. */
    public String getAction() {
        return action;
    }

    /** Why, when Bedrock says; may be null. */
    public String getActionReason() {
        return actionReason;
    }

    /** What each policy detected, flattened. */
    public List<BedrockGuardrailFinding> getFindings() {
        return findings;
    }

    /** The assessments as Bedrock returned them. */
    public List<GuardrailAssessment> getAssessments() {
        return assessments;
    }

    /** The guardrail's output texts: the masked text, or the configured blocked message. */
    public List<String> getOutputs() {
        return outputs;
    }

    /** The output texts joined by a line break: what the body would have been with guardrailInterventionAction=continue. */
    public String getOutputText() {
        return String.join("\n", outputs);
    }
}
