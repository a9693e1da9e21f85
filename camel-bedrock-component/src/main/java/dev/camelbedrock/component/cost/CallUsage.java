package dev.camelbedrock.component.cost;

import dev.camelbedrock.component.BedrockHeaders;
import org.apache.camel.Message;

/**
 * What one exchange's Bedrock call used, as its result headers report it (for a tool loop, the sums over its rounds;
 * for a coalesced embedding, this exchange's share). A count is null when the call did not report it.
 *
 * @param inputTokens      input tokens billed at the input price (cache reads and writes not included)
 * @param outputTokens     output tokens
 * @param cacheReadTokens  input tokens read from the prompt cache
 * @param cacheWriteTokens input tokens written to the prompt cache
 */
public record CallUsage(Long inputTokens, Long outputTokens, Long cacheReadTokens, Long cacheWriteTokens) {

    /** The usage headers of {@code message}. */
    public static CallUsage of(Message message) {
        return new CallUsage(count(message, BedrockHeaders.INPUT_TOKENS), count(message, BedrockHeaders.OUTPUT_TOKENS),
                count(message, BedrockHeaders.CACHE_READ_INPUT_TOKENS), count(message, BedrockHeaders.CACHE_WRITE_INPUT_TOKENS));
    }

    /** All the input: billed input tokens plus cache reads and writes (what the GenAI conventions count as input). */
    public Long allInputTokens() {
        if (inputTokens == null) {
            return null;
        }
        return inputTokens + orZero(cacheReadTokens) + orZero(cacheWriteTokens);
    }

    static long orZero(Long count) {
        return count == null ? 0 : count;
    }

    private static Long count(Message message, String header) {
        Object value = message.getHeader(header);
        return value instanceof Number n ? n.longValue() : null;
    }
}
