package dev.camelbedrock.component;

/**
 * The operations of the {@code bedrock:} endpoint: the URI path, overridable per message by the
 * {@link BedrockHeaders#OPERATION} header.
 */
public enum BedrockOperation {
    /** Chat through the Converse API: reply text in the body, usage and tool calls in headers. */
    converse,
    /** Chat through ConverseStream: text deltas reach the route while the model generates. */
    converseStream,
    /** Counts the input tokens of a prompt, messages, a Converse or InvokeModel request, or a native body, without running the model. */
    countTokens,
    /** InvokeModel: a native request body sent as it is, or a prompt the model family's codec turns into one. */
    invokeModel,
    /** InvokeModelWithResponseStream: each chunk (raw) or text delta (prompt) reaches the route as it arrives. */
    invokeModelStream,
    /** Embeddings of a String (List of Float), a List of Strings (List of List of Float, in input order) or image bytes. */
    embed,
    /** Image generation from a prompt (or a native request Map): PNG bytes, a List of them when several are asked. */
    image;

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
