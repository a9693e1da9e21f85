package dev.camelbedrock.component.options;

/** What applyGuardrail does when the guardrail intervenes (guardrailInterventionAction). */
public enum GuardrailInterventionAction implements OptionValue {

    CONTINUE("continue"),
    FAIL("fail");

    private final String value;

    GuardrailInterventionAction(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
