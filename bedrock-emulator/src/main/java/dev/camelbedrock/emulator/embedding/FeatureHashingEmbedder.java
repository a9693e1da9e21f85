package dev.camelbedrock.emulator.embedding;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic embeddings by feature hashing. A text is lower-cased (NFKC) and split into words (runs of
 * letters and digits); its features are every word (weight 1), every pair of adjacent words (0.5) and the
 * character trigrams of each word padded as {@code <word>} (0.5 / √n for a word of n trigrams). Each feature is
 * hashed (64-bit FNV-1a + a SplitMix64 finaliser, salted with a per-model "space") to one of {@code dim}
 * positions and a sign, and the weighted signs are summed; the result is L2-normalised. So the same text always
 * gives the same vector, texts sharing words or word stems have a high cosine similarity and unrelated texts
 * are near 0. Binary inputs (images, audio) hash their byte windows the same way.
 *
 * <p>The emulator's one embedder: InvokeModel's embedding models (each in its own space), rerank, and the knowledge
 * bases ({@link #embedder(int, String)} behind their {@code TextEmbedder} interface).
 */
public final class FeatureHashingEmbedder {

    private FeatureHashingEmbedder() {
    }

    /** A {@link TextEmbedder}: the normalised embeddings of one space in {@code dim} dimensions. */
    public static TextEmbedder embedder(int dim, String space) {
        if (dim < 8) {
            throw new IllegalArgumentException("dimension must be >= 8");
        }
        return new TextEmbedder() {
            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public float[] embed(String text) {
                return text(text, dim, space);
            }
        };
    }

    /** The L2-normalised embedding of {@code text} in {@code dim} dimensions. */
    public static float[] text(String text, int dim, String space) {
        return normalize(rawText(text, dim, space));
    }

    /** The un-normalised feature sums (what {@code normalize: false} returns). */
    public static float[] rawText(String text, int dim, String space) {
        double[] v = new double[dim];
        String norm = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = words(norm);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            add(v, space, "w:" + w, 1.0);
            if (i > 0) {
                add(v, space, "b:" + words.get(i - 1) + " " + w, 0.5);
            }
            String padded = "<" + w + ">";
            int[] cps = padded.codePoints().toArray();
            int n = Math.max(1, cps.length - 2);
            double weight = 0.5 / Math.sqrt(n);
            for (int k = 0; k + 3 <= cps.length; k++) {
                add(v, space, "c:" + new String(cps, k, 3), weight);
            }
        }
        if (words.isEmpty()) {
            String s = norm.strip();
            if (s.isEmpty()) {
                add(v, space, "empty", 1.0);
            } else {
                int[] cps = s.codePoints().toArray();
                for (int k = 0; k < cps.length; k++) {
                    add(v, space, "c:" + new String(cps, k, Math.min(3, cps.length - k)), 1.0);
                }
            }
        }
        return toFloats(v);
    }

    /** The L2-normalised embedding of binary content (windows of 32 bytes every 16, at most 4096 windows). */
    public static float[] bytes(byte[] data, int dim, String space) {
        double[] v = new double[dim];
        add(v, space, "len:" + data.length, 1.0);
        int windows = Math.max(1, (data.length + 15) / 16);
        int step = Math.max(1, windows / 4096);
        for (int wi = 0; wi < windows; wi += step) {
            int from = wi * 16;
            int to = Math.min(data.length, from + 32);
            long h = 0xcbf29ce484222325L;
            for (int i = from; i < to; i++) {
                h = (h ^ (data[i] & 0xFF)) * 0x100000001b3L;
            }
            add(v, space, "bin:" + Long.toHexString(h), 1.0);
        }
        return normalize(toFloats(v));
    }

    /** The normalised sum of two normalised vectors (text and image together). */
    public static float[] combine(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return normalize(out);
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    public static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return v.clone();
        }
        double inv = 1 / Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean word = Character.isLetterOrDigit(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    private static void add(double[] v, String space, String feature, double weight) {
        long h = hash(space + "\u0000" + feature);
        int index = (int) Long.remainderUnsigned(h, v.length);
        double sign = (mix(h ^ 0x9E3779B97F4A7C15L) & 1L) == 0 ? 1 : -1;
        v[index] += sign * weight;
    }

    /** The 64-bit hash features are placed with (FNV-1a and a SplitMix64 finaliser); also seeds pictures. */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
