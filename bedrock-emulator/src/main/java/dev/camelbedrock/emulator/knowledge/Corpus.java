package dev.camelbedrock.emulator.knowledge;

import dev.camelbedrock.emulator.embedding.TextEmbedder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An immutable searchable index of chunks: the embedder's vectors for semantic search and BM25 term statistics
 * for the keyword half of hybrid search.
 */
public final class Corpus {

    /** Characters per chunk at most (about 300 tokens at 4 characters per token, Bedrock's default size). */
    public static final int MAX_CHUNK_CHARS = 1200;
    static final double K1 = 1.2;
    static final double B = 0.75;

    /** A source document: path relative to the folder (or an identifier), text and user metadata. */
    public static final class Document {
        final String id;
        final String uri;
        final String text;
        final ObjectNode metadata;

        public Document(String id, String uri, String text, ObjectNode metadata) {
            this.id = id;
            this.uri = uri;
            this.text = text;
            this.metadata = metadata == null ? Json.object() : metadata;
        }

        /** A fingerprint of text and metadata: tells new, modified and unchanged documents apart. */
        String contentHash() {
            return Integer.toHexString(text.hashCode());
        }

        String metadataHash() {
            return Integer.toHexString(Json.string(metadata).hashCode());
        }
    }

    /** One chunk of a document. */
    public static final class Chunk {
        final Document document;
        final int index;
        final String id;
        final String text;
        final ObjectNode metadata;
        final float[] vector;
        final Map<String, Integer> terms;
        final int length;

        Chunk(Document document, int index, String text, String dataSourceId, TextEmbedder embedder) {
            this.document = document;
            this.index = index;
            this.text = text;
            this.id = UUID.nameUUIDFromBytes((document.uri + "#" + index + "#" + text.hashCode())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            ObjectNode md = document.metadata.deepCopy();
            md.put("x-amz-bedrock-kb-source-uri", document.uri);
            md.put("x-amz-bedrock-kb-chunk-id", id);
            if (dataSourceId != null) {
                md.put("x-amz-bedrock-kb-data-source-id", dataSourceId);
            }
            this.metadata = md;
            this.vector = embedder.embed(text);
            this.terms = new HashMap<>();
            List<String> tokens = terms(text);
            tokens.forEach(t -> terms.merge(t, 1, Integer::sum));
            this.length = tokens.size();
        }

        public String text() {
            return text;
        }

        public String uri() {
            return document.uri;
        }

        public ObjectNode metadata() {
            return metadata;
        }
    }

    /** A search hit. */
    public static final class Hit {
        final Chunk chunk;
        final double score;

        Hit(Chunk chunk, double score) {
            this.chunk = chunk;
            this.score = score;
        }

        public Chunk chunk() {
            return chunk;
        }

        public double score() {
            return score;
        }
    }

    final List<Document> documents;
    final List<Chunk> chunks;
    private final TextEmbedder embedder;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    public Corpus(List<Document> documents, String dataSourceId, TextEmbedder embedder) {
        this.documents = List.copyOf(documents);
        this.embedder = embedder;
        List<Chunk> list = new ArrayList<>();
        for (Document d : this.documents) {
            List<String> pieces = chunk(d.text, MAX_CHUNK_CHARS);
            for (int i = 0; i < pieces.size(); i++) {
                list.add(new Chunk(d, i, pieces.get(i), dataSourceId, embedder));
            }
        }
        this.chunks = Collections.unmodifiableList(list);
        long total = 0;
        for (Chunk c : chunks) {
            total += c.length;
            c.terms.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        this.averageLength = chunks.isEmpty() ? 1 : Math.max(1.0, (double) total / chunks.size());
    }

    public List<Chunk> chunks() {
        return chunks;
    }

    public Document document(String id) {
        for (Document d : documents) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Ranks the chunks passing {@code filter}: SEMANTIC = cosine similarity of the embeddings (clamped to 0..1);
     * HYBRID = the mean of that and the BM25 score normalized by the best BM25 score of the query. Ties keep
     * document order.
     */
    public List<Hit> search(String query, boolean hybrid, Predicate<ObjectNode> filter) {
        float[] q = embedder.embed(query);
        List<String> qTerms = new ArrayList<>(new HashSet<>(terms(query)));
        List<Chunk> candidates = new ArrayList<>();
        for (Chunk c : chunks) {
            if (filter == null || filter.test(c.metadata)) {
                candidates.add(c);
            }
        }
        double[] bm25 = new double[candidates.size()];
        double best = 0;
        if (hybrid) {
            for (int i = 0; i < candidates.size(); i++) {
                bm25[i] = bm25(candidates.get(i), qTerms);
                best = Math.max(best, bm25[i]);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            double semantic = Math.max(0, Math.min(1, TextEmbedder.cosine(q, candidates.get(i).vector)));
            double score = hybrid ? (semantic + (best > 0 ? bm25[i] / best : 0)) / 2 : semantic;
            hits.add(new Hit(candidates.get(i), score));
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> -h.score));
        return hits;
    }

    private double bm25(Chunk c, List<String> qTerms) {
        double n = chunks.size();
        double s = 0;
        for (String t : qTerms) {
            Integer tf = c.terms.get(t);
            if (tf == null) {
                continue;
            }
            int df = documentFrequency.getOrDefault(t, 0);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            s += idf * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * c.length / averageLength));
        }
        return s;
    }

    // ---- text utilities ----

    static final Set<String> STOPWORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "can", "do",
            "does", "for", "from", "how", "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "the",
            "this", "that", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will", "with",
            "you", "your", "about", "tell", "please", "there", "their", "they", "them", "these", "those", "have",
            "has", "had", "did", "should", "would", "could", "any", "some", "much", "many", "also", "if", "than",
            "then", "so", "not", "no", "yes", "into", "out", "up", "get", "us");

    /** Lower-case, stemmed content words (stopwords dropped), in order. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty() || STOPWORDS.contains(w)) {
                continue;
            }
            out.add(stem(w));
        }
        return out;
    }

    static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+.*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /**
     * Splits a document into chunks: a Markdown heading starts a new section; paragraphs (blank-line separated)
     * of a section are packed into chunks of at most {@code maxChars}; a longer paragraph is split at sentence
     * ends (and hard-cut if a sentence alone is too long).
     */
    static List<String> chunk(String text, int maxChars) {
        List<List<String>> sections = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            boolean heading = HEADING.matcher(line).matches();
            if (line.isBlank() || heading) {
                if (para.length() > 0) {
                    current.add(para.toString().trim());
                    para.setLength(0);
                }
                if (heading) {
                    if (!current.isEmpty()) {
                        sections.add(current);
                    }
                    current = new ArrayList<>();
                    para.append(line.trim());
                    current.add(para.toString());
                    para.setLength(0);
                }
                continue;
            }
            if (para.length() > 0) {
                para.append('\n');
            }
            para.append(line.trim());
        }
        if (para.length() > 0) {
            current.add(para.toString().trim());
        }
        if (!current.isEmpty()) {
            sections.add(current);
        }
        List<String> chunks = new ArrayList<>();
        for (List<String> section : sections) {
            StringBuilder c = new StringBuilder();
            for (String p : section) {
                for (String piece : split(p, maxChars)) {
                    if (c.length() > 0 && c.length() + 2 + piece.length() > maxChars) {
                        chunks.add(c.toString());
                        c.setLength(0);
                    }
                    if (c.length() > 0) {
                        c.append("\n\n");
                    }
                    c.append(piece);
                }
            }
            if (c.length() > 0) {
                chunks.add(c.toString());
            }
        }
        chunks.removeIf(String::isBlank);
        return chunks;
    }

    private static List<String> split(String paragraph, int maxChars) {
        if (paragraph.length() <= maxChars) {
            return List.of(paragraph);
        }
        List<String> out = new ArrayList<>();
        StringBuilder c = new StringBuilder();
        for (String s : SENTENCE_END.split(paragraph)) {
            while (s.length() > maxChars) {
                if (c.length() > 0) {
                    out.add(c.toString());
                    c.setLength(0);
                }
                out.add(s.substring(0, maxChars));
                s = s.substring(maxChars);
            }
            if (c.length() > 0 && c.length() + 1 + s.length() > maxChars) {
                out.add(c.toString());
                c.setLength(0);
            }
            if (c.length() > 0) {
                c.append(' ');
            }
            c.append(s);
        }
        if (c.length() > 0) {
            out.add(c.toString());
        }
        return out;
    }

    /** Sentences of a chunk for answers: Markdown markers removed, each ending with punctuation. */
    static List<String> sentences(String chunk) {
        List<String> out = new ArrayList<>();
        for (String line : chunk.split("\n")) {
            String l = line.replaceFirst("^\\s*(#{1,6}|[-*+]|\\d+[.)])\\s+", "").replace("**", "").replace("`", "")
                    .trim();
            if (l.isEmpty()) {
                continue;
            }
            for (String s : SENTENCE_END.split(l)) {
                String t = s.trim();
                if (!t.isEmpty()) {
                    out.add(t.matches(".*[.!?]$") ? t : t + ".");
                }
            }
        }
        return out;
    }

    static JsonNode metadataValue(JsonNode v) {
        // the newer sidecar form: {"value":{"type":"STRING","stringValue":"x"},"includeForEmbedding":true}
        if (v != null && v.isObject() && v.has("value") && v.get("value").isObject()) {
            JsonNode inner = v.get("value");
            for (String f : List.of("stringValue", "numberValue", "booleanValue", "stringListValue")) {
                if (inner.has(f)) {
                    return inner.get(f);
                }
            }
        }
        return v;
    }
}
