package dev.camelbedrock.emulator.knowledge;

/**
 * Turns text into a fixed-dimension, L2-normalized vector; similarity is the dot product (cosine). Knowledge
 * bases use it for chunks and queries. Kept tiny so the emulator's embedders can be unified behind it.
 */
public interface TextEmbedder {

    int dimension();

    /** An L2-normalized vector of {@link #dimension()} floats (all zeros for text without features). */
    float[] embed(String text);

    /** Cosine similarity of two normalized vectors. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
