package dev.camelbedrock.component.cost;

import java.math.BigDecimal;
import java.util.Optional;

import dev.camelbedrock.catalog.BedrockModel;
import dev.camelbedrock.catalog.BedrockModelCatalog;
import dev.camelbedrock.catalog.Pricing;
import dev.camelbedrock.component.family.ModelLookup;

/**
 * The estimated price of one exchange's call in USD, from the catalog's on-demand list prices: input, output,
 * cache-read and cache-write tokens each at their own price. An estimate, not a bill: prices vary by region and change
 * over time (the catalog's date is {@link #pricesDate()}), and discounts (batch, provisioned throughput, savings
 * plans) are not applied. When a price the usage needs is not in the catalog, or the usage is not known, there is no
 * estimate and {@link Estimate#unknownBecause()} says why: never a number that leaves part of the call out.
 */
public final class CostEstimates {

    private CostEstimates() {
    }

    /**
     * Either the estimate, or why there is none.
     *
     * @param usd            the estimated price in USD, or null
     * @param unknownBecause why there is no estimate, or null
     */
    public record Estimate(BigDecimal usd, String unknownBecause) {

        static Estimate unknown(String why) {
            return new Estimate(null, why);
        }

        public Optional<BigDecimal> value() {
            return Optional.ofNullable(usd);
        }
    }

    /** The date of the catalog's data, prices included (for instance {@code 2026-11-22}), if it gives one. */
    public static Optional<String> pricesDate() {
        return BedrockModelCatalog.defaultCatalog().updated();
    }

    /**
     * The estimate for a call of {@code operation} ({@link dev.camelbedrock.component.BedrockOperation} name) on
     * {@code modelId} that used {@code usage}.
     */
    public static Estimate estimate(String operation, String modelId, CallUsage usage) {
        boolean tokens = switch (operation) {
            case "converse", "converseStream", "invokeModel", "invokeModelStream" -> true;
            case "embed" -> false;
            default -> throw new IllegalArgumentException("no price applies to operation " + operation);
        };
        if (modelId == null) {
            return Estimate.unknown("the model is not known");
        }
        Optional<Pricing> found = ModelLookup.find(modelId).flatMap(BedrockModel::pricing);
        if (found.isEmpty()) {
            return Estimate.unknown("the catalog has no price for model " + modelId);
        }
        Pricing pricing = found.get();
        if (usage.inputTokens() == null || (tokens && usage.outputTokens() == null)) {
            return Estimate.unknown("the call reported no token usage");
        }
        if (!tokens && pricing.perImage() != null) {
            // a multimodal embedding model prices input images too; how many the call embedded is not reported
            return Estimate.unknown("model " + modelId + " also prices input images, which are not counted");
        }
        Optional<BigDecimal> usd = pricing.estimate(usage.inputTokens(), CallUsage.orZero(usage.outputTokens()),
                CallUsage.orZero(usage.cacheReadTokens()), CallUsage.orZero(usage.cacheWriteTokens()));
        return usd.map(v -> new Estimate(v, null)).orElseGet(() -> Estimate.unknown(
                "the catalog lacks a price this call's usage needs (model " + modelId + ", " + usage + ")"));
    }
}
