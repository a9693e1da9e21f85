package dev.camelbedrock.emulator.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A deterministic feature-hashing embedder: every lower-cased word (weight 1) and every character trigram of
 * each word padded with spaces (weight 0.5) is hashed (FNV-1a, 32 bit) into one of {@code dimension} buckets with
 * a sign taken from another bit of the hash; the vector is then L2-normalized. Texts sharing words or word
 * pieces get high cosine similarity; unrelated texts get about zero.
 */
public final class HashingEmbedder implements TextEmbedder {

    public static final int DEFAULT_DIMENSION = 512;

    private final int dimension;

    public HashingEmbedder() {
        this(DEFAULT_DIMENSION);
    }

    public HashingEmbedder(int dimension) {
        if (dimension < 8) {
            throw new IllegalArgumentException("dimension must be >= 8");
        }
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[dimension];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            add(v, "w:" + w, 1.0f);
            String padded = " " + w + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                add(v, "t:" + padded.substring(i, i + 3), 0.5f);
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm > 0) {
            float inv = (float) (1.0 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    private void add(float[] v, String feature, float weight) {
        int h = fnv1a(feature);
        int index = Math.floorMod(h, dimension);
        v[index] += ((h >>> 31) == 0 ? 1 : -1) * weight;
    }

    static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
