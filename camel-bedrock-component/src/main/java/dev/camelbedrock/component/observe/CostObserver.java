package dev.camelbedrock.component.observe;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.cost.CallUsage;
import dev.camelbedrock.component.cost.CostEstimates;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets {@link BedrockHeaders#ESTIMATED_COST_USD} on each exchange whose call completed and can be priced
 * ({@link CostEstimates}); when it cannot, no header and a debug line saying why.
 */
final class CostObserver implements CallObserver {

    private static final Logger LOG = LoggerFactory.getLogger(CostObserver.class);

    private final String endpointModelId;

    CostObserver(String endpointModelId) {
        this.endpointModelId = endpointModelId;
    }

    /** Whether calls of {@code operation} have a price the catalog may know. */
    static boolean priced(String operation) {
        return switch (operation) {
            case "converse", "converseStream", "invokeModel", "invokeModelStream", "embed" -> true;
            default -> false;
        };
    }

    @Override
    public Observation start(Exchange exchange, String operation) {
        if (!priced(operation)) {
            return Observation.NONE;
        }
        return (ex, modelId, firstChunkNanos, failure) -> {
            if (failure != null) {
                return;
            }
            String model = modelId != null ? modelId : CallObservers.requestedModel(ex, endpointModelId);
            CostEstimates.Estimate estimate = CostEstimates.estimate(operation, model, CallUsage.of(ex.getMessage()));
            if (estimate.usd() != null) {
                ex.getMessage().setHeader(BedrockHeaders.ESTIMATED_COST_USD, estimate.usd());
            } else {
                LOG.debug("{} on {}: no cost estimate, {}", operation, model, estimate.unknownBecause());
            }
        };
    }
}
