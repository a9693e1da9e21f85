package dev.camelbedrock.component.family;

/**
 * What a family codec gathers from the chunks of one stream besides the text deltas: the stop reason and the token
 * counts, each taken from whichever chunk carries it.
 */
public final class StreamedReply {

    private String stopReason;
    private Integer inputTokens;
    private Integer outputTokens;

    public void stopReason(String reason) {
        if (reason != null) {
            stopReason = reason;
        }
    }

    public void inputTokens(Integer n) {
        if (n != null) {
            inputTokens = n;
        }
    }

    public void outputTokens(Integer n) {
        if (n != null) {
            outputTokens = n;
        }
    }

    public ModelReply toReply(String text) {
        return new ModelReply(text, stopReason, inputTokens, outputTokens);
    }
}
