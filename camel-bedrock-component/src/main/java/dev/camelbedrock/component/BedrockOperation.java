package dev.camelbedrock.component;

/**
 * The operations of the {@code bedrock:} endpoint: the URI path, overridable per message by the
 * {@link BedrockHeaders#OPERATION} header.
 */
public enum BedrockOperation {
    converse("Chat through the Converse API. In: a String turn, Message, List of Message, or ConverseRequest."
             + " Out: the reply text; usage, stop reason, tool calls in headers."),
    converseStream("Chat through ConverseStream; deltas reach the route while the model writes. Out: an Iterator of text"
                   + " deltas (split(body()).streaming()), or each delta sent to streamTo and the whole text at the end."),
    countTokens("Counts the input tokens converse would send for the same body, without running the model. Out: Integer.");

    private final String description;

    BedrockOperation(String description) {
        this.description = description;
    }

    /** What the operation does, its body in and out: the README's operation table is generated from this. */
    public String description() {
        return description;
    }

    /** Parses an operation name as the URI or the header spells it, with a message listing the accepted names. */
    public static BedrockOperation fromName(String name) {
        for (BedrockOperation op : values()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "Unknown Bedrock operation '" + name + "'. Accepted: " + java.util.Arrays.toString(values()));
    }
}
