package dev.camelbedrock.catalog;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What an embedding model accepts and returns.
 *
 * @param dimensions       the vector sizes the model can produce; one value means "fixed", empty means "not known"
 * @param defaultDimension the size produced when the request does not choose one, or {@code null} when not known
 * @param batchLimit       how many inputs (texts or images) one InvokeModel request may carry
 * @param maxInputTokens   the longest input in tokens, or {@code null} when not known
 */
public record EmbeddingSpec(List<Integer> dimensions, Integer defaultDimension, int batchLimit, Integer maxInputTokens) {

    public EmbeddingSpec {
        dimensions = List.copyOf(Objects.requireNonNull(dimensions, "dimensions"));
        if (batchLimit < 1) {
            throw new IllegalArgumentException("batchLimit must be at least 1, got " + batchLimit);
        }
    }

    /** The default vector size, if known. */
    public OptionalInt defaultDimensionIfKnown() {
        return defaultDimension == null ? OptionalInt.empty() : OptionalInt.of(defaultDimension);
    }

    /** Whether a request can choose among more than one vector size. */
    public boolean configurableDimensions() {
        return dimensions.size() > 1;
    }
}
