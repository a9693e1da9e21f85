package dev.camelbedrock.emulator.guardrails;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The outcome of applying one guardrail version to some text blocks: whether it intervened, whether it
 * blocked (then {@link #outputs()} is the blocked message) or masked (then the masked texts, one per block),
 * the {@code GuardrailAssessment} JSON and the usage.
 */
public final class GuardrailResult {

    private final Guardrail guardrail;
    private final Guardrail.Source source;
    private final boolean blocked;
    private final boolean masked;
    private final List<String> outputs;
    private final List<String> maskedTexts;
    private final ObjectNode assessment;
    private final ObjectNode usage;

    GuardrailResult(Guardrail guardrail, Guardrail.Source source, boolean blocked, boolean masked,
                    List<String> outputs, List<String> maskedTexts, ObjectNode assessment, ObjectNode usage) {
        this.guardrail = guardrail;
        this.source = source;
        this.blocked = blocked;
        this.masked = masked;
        this.outputs = List.copyOf(outputs);
        this.maskedTexts = List.copyOf(maskedTexts);
        this.assessment = assessment;
        this.usage = usage;
    }

    /** {@code GUARDRAIL_INTERVENED} when a policy blocked or masked something, else {@code NONE}. */
    public String action() {
        return intervened() ? "GUARDRAIL_INTERVENED" : "NONE";
    }

    public boolean intervened() {
        return blocked || masked;
    }

    /** A BLOCK action fired: the content must be replaced by {@link #blockedMessage()}. */
    public boolean blocked() {
        return blocked;
    }

    /** Only ANONYMIZE actions fired: use {@link #maskedTexts()}. */
    public boolean masked() {
        return masked && !blocked;
    }

    /** The blocked message of the guardrail for this source. */
    public String blockedMessage() {
        return guardrail.blockedMessage(source);
    }

    /** The ApplyGuardrail {@code outputs} texts: the blocked message, or the masked blocks, or none. */
    public List<String> outputs() {
        return outputs;
    }

    /** One text per input block with ANONYMIZE matches masked ({@code {EMAIL}}, {@code {regex name}}). */
    public List<String> maskedTexts() {
        return maskedTexts;
    }

    /** The text to use instead of the input: blocked message, or the masked blocks joined by a newline. */
    public String text() {
        return blocked ? blockedMessage() : String.join("\n", maskedTexts);
    }

    /** The {@code GuardrailAssessment} JSON (policies, invocation metrics, applied guardrail details). */
    public ObjectNode assessment() {
        return assessment;
    }

    /** The {@code GuardrailUsage} JSON. */
    public ObjectNode usage() {
        return usage;
    }

    /** {@code Guardrail blocked.}, {@code Guardrail masked.} or {@code No action.} */
    public String actionReason() {
        return blocked ? "Guardrail blocked." : masked ? "Guardrail masked." : "No action.";
    }

    public Guardrail guardrail() {
        return guardrail;
    }
}
