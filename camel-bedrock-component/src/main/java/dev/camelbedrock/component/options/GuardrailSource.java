package dev.camelbedrock.component.options;

/** Whether applyGuardrail checks text as model input or as model output (guardrailSource). */
public enum GuardrailSource implements OptionValue {

    INPUT("INPUT"),
    OUTPUT("OUTPUT");

    private final String value;

    GuardrailSource(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
