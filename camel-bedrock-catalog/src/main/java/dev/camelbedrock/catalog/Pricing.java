package dev.camelbedrock.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
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

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

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
        if (inputPer1kTokens == null || (outputTokens > 0 && outputPer1kTokens == null)) {
            return Optional.empty();
        }
        BigDecimal in = inputPer1kTokens.multiply(BigDecimal.valueOf(inputTokens)).divide(THOUSAND, MathContext.DECIMAL64);
        BigDecimal out = outputTokens > 0
                ? outputPer1kTokens.multiply(BigDecimal.valueOf(outputTokens)).divide(THOUSAND, MathContext.DECIMAL64)
                : BigDecimal.ZERO;
        return Optional.of(in.add(out));
    }
}
