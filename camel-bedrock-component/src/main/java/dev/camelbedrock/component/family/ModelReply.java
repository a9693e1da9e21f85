package dev.camelbedrock.component.family;

/**
 * What a family codec reads from a native reply, or gathers from a stream of chunks.
 *
 * @param text         the reply text
 * @param stopReason   why the model stopped, in the model's own words (end_turn, FINISH, stop, COMPLETE ...), or null
 * @param inputTokens  input tokens, when the body says
 * @param outputTokens output tokens, when the body says
 */
public record ModelReply(String text, String stopReason, Integer inputTokens, Integer outputTokens) {
}
