package dev.camelbedrock.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Published on-demand list prices in USD, as reference data: they vary by region and change over time.
 * Every member may be {@code null} (not known or not applicable).
 *
 * @param inputPer1kTokens  price per 1,000 input tokens
 * @param outputPer1kTokens price per 1,000 output tokens
 * @param perImage          price per generated image (image models, standard quality, default size) or per input
 *                          image (multimodal embeddings)
 * @param cacheReadPer1kTokens  price per 1,000 input tokens read from the prompt cache
 * @param cacheWritePer1kTokens price per 1,000 input tokens written to the prompt cache
 */
public record Pricing(BigDecimal inputPer1kTokens, BigDecimal outputPer1kTokens, BigDecimal perImage,
                      BigDecimal cacheReadPer1kTokens, BigDecimal cacheWritePer1kTokens) {

    /** Prices without prompt-cache prices. */
    public Pricing(BigDecimal inputPer1kTokens, BigDecimal outputPer1kTokens, BigDecimal perImage) {
        this(inputPer1kTokens, outputPer1kTokens, perImage, null, null);
    }

    /** Currency of all prices. */
    public String currency() {
        return "USD";
    }

    /**
     * Estimates the price of one call from token counts, when both token prices are known.
     *
     * @param inputTokens  input tokens
     * @param outputTokens output tokens
     * @return the estimate in USD, or empty when a needed price is unknown
     */
    public Optional<BigDecimal> estimate(long inputTokens, long outputTokens) {
        return estimate(inputTokens, outputTokens, 0, 0);
    }

    /**
     * Estimates the price of one call from token counts, each kind at its own price (exact: no rounding). The input
     * price is always needed; another price only when tokens of its kind were used.
     *
     * @param inputTokens      input tokens at the input price (cache reads and writes not included)
     * @param outputTokens     output tokens
     * @param cacheReadTokens  input tokens read from the prompt cache
     * @param cacheWriteTokens input tokens written to the prompt cache
     * @return the estimate in USD, or empty when a needed price is unknown
     */
    public Optional<BigDecimal> estimate(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens) {
        if (inputPer1kTokens == null) {
            return Optional.empty();
        }
        BigDecimal sum = price(inputPer1kTokens, inputTokens);
        for (BigDecimal term : new BigDecimal[] {
                price(outputPer1kTokens, outputTokens), price(cacheReadPer1kTokens, cacheReadTokens),
                price(cacheWritePer1kTokens, cacheWriteTokens) }) {
            if (term == null) {
                return Optional.empty();
            }
            sum = sum.add(term);
        }
        return Optional.of(sum);
    }

    /** {@code tokens} at {@code per1k}; zero for no tokens, null when tokens were used and the price is unknown. */
    private static BigDecimal price(BigDecimal per1k, long tokens) {
        if (tokens == 0) {
            return BigDecimal.ZERO;
        }
        return per1k == null ? null : per1k.multiply(BigDecimal.valueOf(tokens)).movePointLeft(3);
    }
}
