package dev.camelbedrock.emulator.embedding;

/**
 * Turns text into a fixed-dimension, L2-normalized vector; similarity is the cosine. Knowledge bases use it for
 * chunks and queries; the emulator's implementation is {@link FeatureHashingEmbedder#embedder(int, String)}, the
 * same feature hashing InvokeModel's embedding models use.
 */
public interface TextEmbedder {

    /** The knowledge bases' embedder: feature hashing in 512 dimensions, in its own space. */
    static TextEmbedder knowledgeBases() {
        return FeatureHashingEmbedder.embedder(512, "knowledge-base");
    }

    int dimension();

    /** An L2-normalized vector of {@link #dimension()} floats. */
    float[] embed(String text);

    /** Cosine similarity of two vectors. */
    static double cosine(float[] a, float[] b) {
        return FeatureHashingEmbedder.cosine(a, b);
    }
}
