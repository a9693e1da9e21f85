package dev.camelbedrock.emulator.knowledge;

import dev.camelbedrock.emulator.embedding.TextEmbedder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.core.Tokens;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The knowledge bases of one emulator: each is a folder of {@code .md}/{@code .txt} files indexed in memory,
 * with one data source, ingestion jobs that re-read the folder, and the RetrieveAndGenerate sessions.
 * Thread-safe.
 */
public final class KnowledgeBases {

    public static final Pattern ID = Pattern.compile("[0-9a-zA-Z]{10}");
    /** Default duration of each ingestion phase (STARTING, then IN_PROGRESS). */
    public static final Duration DEFAULT_INGESTION_DELAY = Duration.ofMillis(100);
    static final int MAX_SESSIONS = 10_000;

    /** Statistics of one folder scan. */
    static final class Scan {
        final List<Corpus.Document> documents = new ArrayList<>();
        int scanned;
        int metadataScanned;
        int failed;
        int skipped;
        String failure;
    }

    /** An ingestion job. States are computed from the clock when read. */
    public static final class IngestionJob {
        final String id;
        final String description;
        final String clientToken;
        final Instant startedAt;
        final Instant inProgressAt;
        final Instant completeAt;
        final Scan scan;
        final Corpus corpus;
        final ObjectNode statistics;
        String status = "STARTING";
        Instant updatedAt;

        IngestionJob(String id, String description, String clientToken, Instant startedAt, Duration phase, Scan scan,
                     Corpus corpus, ObjectNode statistics) {
            this.id = id;
            this.description = description;
            this.clientToken = clientToken;
            this.startedAt = startedAt;
            this.inProgressAt = startedAt.plus(phase);
            this.completeAt = inProgressAt.plus(phase);
            this.scan = scan;
            this.corpus = corpus;
            this.statistics = statistics;
            this.updatedAt = startedAt;
        }

        public String id() {
            return id;
        }

        public String status() {
            return status;
        }

        boolean finished() {
            return "COMPLETE".equals(status) || "FAILED".equals(status);
        }
    }

    /** One knowledge base. */
    public final class KnowledgeBase {
        final String id;
        final Path folder;
        final String dataSourceId;
        final Instant createdAt;
        final boolean configured;
        final Corpus initial;
        volatile Corpus corpus;
        final List<IngestionJob> jobs = new ArrayList<>();

        KnowledgeBase(String id, Path folder, boolean configured) {
            this.id = id;
            this.folder = folder;
            this.dataSourceId = KnowledgeBases.dataSourceId(id);
            this.createdAt = Instant.now();
            this.configured = configured;
            Scan scan = scan(folder, uri(""));
            if (scan.failure != null) {
                throw new IllegalArgumentException("Knowledge base " + id + ": " + scan.failure);
            }
            this.initial = new Corpus(scan.documents, dataSourceId, embedder);
            this.corpus = initial;
        }

        public String id() {
            return id;
        }

        public String dataSourceId() {
            return dataSourceId;
        }

        public Path folder() {
            return folder;
        }

        /** The current index, after bringing ingestion jobs up to date. */
        public Corpus corpus() {
            synchronized (KnowledgeBases.this) {
                advance(this);
            }
            return corpus;
        }

        /** The S3-style source URI of a file: {@code s3://<kb id lower case>/<relative path>}. */
        String uri(String relative) {
            return "s3://" + id.toLowerCase(Locale.ROOT) + "/" + relative;
        }
    }

    /** A RetrieveAndGenerate session: the questions asked so far. */
    static final class Session {
        final List<String> questions = new ArrayList<>();
    }

    private final TextEmbedder embedder;
    private final Map<String, Path> configured;
    private final Map<String, KnowledgeBase> bases = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Duration initialDelay;
    private volatile Duration ingestionDelay;

    public KnowledgeBases(Map<String, Path> configured, Duration ingestionDelay, TextEmbedder embedder) {
        this.embedder = embedder;
        this.configured = new LinkedHashMap<>(configured);
        this.initialDelay = ingestionDelay;
        this.ingestionDelay = ingestionDelay;
        configured.forEach((id, folder) -> bases.put(id, new KnowledgeBase(id, folder, true)));
    }

    public static KnowledgeBases of(EmulatorContext context) {
        return context.feature(KnowledgeBases.class);
    }

    public TextEmbedder embedder() {
        return embedder;
    }

    /** Checks a knowledge-base id: 10 characters of {@code [0-9a-zA-Z]}. */
    public static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A knowledge base id must be 10 characters of [0-9A-Z] "
                    + "(e.g. KB12345678): " + id);
        }
    }

    /** Adds (or replaces) a knowledge base at runtime: the folder is read and indexed now. */
    public synchronized KnowledgeBase add(String id, Path folder) {
        checkId(id);
        KnowledgeBase kb = new KnowledgeBase(id, folder, false);
        bases.put(id, kb);
        return kb;
    }

    public synchronized KnowledgeBase get(String id) {
        return bases.get(id);
    }

    public synchronized List<KnowledgeBase> all() {
        return new ArrayList<>(bases.values());
    }

    /** Duration of each ingestion phase (STARTING, then IN_PROGRESS) of jobs started afterwards. */
    public void ingestionDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0");
        }
        this.ingestionDelay = delay;
    }

    /** Configured knowledge bases back to their start index; runtime-added ones, jobs and sessions forgotten. */
    public synchronized void reset() {
        bases.values().removeIf(kb -> !kb.configured);
        for (KnowledgeBase kb : bases.values()) {
            kb.jobs.clear();
            kb.corpus = kb.initial;
        }
        sessions.clear();
        ingestionDelay = initialDelay;
    }

    // ---- sessions ----

    synchronized String newSession() {
        String id = UUID.randomUUID().toString();
        sessions.put(id, new Session());
        if (sessions.size() > MAX_SESSIONS) {
            Iterator<String> it = sessions.keySet().iterator();
            it.next();
            it.remove();
        }
        return id;
    }

    synchronized Session session(String id) {
        return sessions.get(id);
    }

    // ---- ingestion ----

    /** StartIngestionJob: scans the folder now; the new index replaces the old one when the job completes. */
    public synchronized IngestionJob startIngestion(KnowledgeBase kb, String description, String clientToken) {
        advance(kb);
        if (clientToken != null) {
            for (IngestionJob j : kb.jobs) {
                if (clientToken.equals(j.clientToken)) {
                    return j;
                }
            }
        }
        for (IngestionJob j : kb.jobs) {
            if (!j.finished()) {
                throw new ServiceException("ConflictException", 409, "An ingestion job (" + j.id + ") is already "
                        + "running for data source " + kb.dataSourceId + ".");
            }
        }
        Scan scan = scan(kb.folder, kb.uri(""));
        Corpus next = scan.failure == null ? new Corpus(scan.documents, kb.dataSourceId, embedder) : null;
        ObjectNode stats = scan.failure == null ? statistics(kb.corpus, scan) : zeroStatistics();
        String id;
        do {
            id = Tokens.upper(10);
        } while (job(kb, id) != null);
        IngestionJob job = new IngestionJob(id, description, clientToken, Instant.now(), ingestionDelay, scan, next,
                stats);
        kb.jobs.add(job);
        advance(kb);
        return job;
    }

    public synchronized IngestionJob job(KnowledgeBase kb, String id) {
        advance(kb);
        for (IngestionJob j : kb.jobs) {
            if (j.id.equals(id)) {
                return j;
            }
        }
        return null;
    }

    synchronized List<IngestionJob> jobs(KnowledgeBase kb) {
        advance(kb);
        return new ArrayList<>(kb.jobs);
    }

    private void advance(KnowledgeBase kb) {
        Instant now = Instant.now();
        for (IngestionJob j : kb.jobs) {
            if (j.finished()) {
                continue;
            }
            if (!now.isBefore(j.completeAt)) {
                if (j.corpus == null) {
                    j.status = "FAILED";
                } else {
                    j.status = "COMPLETE";
                    kb.corpus = j.corpus;
                }
                j.updatedAt = j.completeAt;
            } else if (!now.isBefore(j.inProgressAt)) {
                j.status = "IN_PROGRESS";
                j.updatedAt = j.inProgressAt;
            }
        }
    }

    /** The IngestionJob JSON (statistics are zero until the job is COMPLETE). */
    synchronized ObjectNode toJson(KnowledgeBase kb, IngestionJob j) {
        ObjectNode n = Json.object();
        n.put("knowledgeBaseId", kb.id);
        n.put("dataSourceId", kb.dataSourceId);
        n.put("ingestionJobId", j.id);
        if (j.description != null) {
            n.put("description", j.description);
        }
        n.put("status", j.status);
        n.set("statistics", "COMPLETE".equals(j.status) ? j.statistics.deepCopy() : zeroStatistics());
        if ("FAILED".equals(j.status)) {
            n.putArray("failureReasons").add(j.scan.failure);
        }
        n.put("startedAt", j.startedAt.toString());
        n.put("updatedAt", j.updatedAt.toString());
        return n;
    }

    private static ObjectNode zeroStatistics() {
        ObjectNode s = Json.object();
        for (String f : List.of("numberOfDocumentsScanned", "numberOfMetadataDocumentsScanned",
                "numberOfNewDocumentsIndexed", "numberOfModifiedDocumentsIndexed", "numberOfMetadataDocumentsModified",
                "numberOfDocumentsDeleted", "numberOfDocumentsFailed", "numberOfDocumentsSkipped")) {
            s.put(f, 0);
        }
        return s;
    }

    private static ObjectNode statistics(Corpus old, Scan scan) {
        Map<String, Corpus.Document> before = new LinkedHashMap<>();
        old.documents.forEach(d -> before.put(d.id, d));
        int added = 0;
        int modified = 0;
        int metadataModified = 0;
        for (Corpus.Document d : scan.documents) {
            Corpus.Document prev = before.remove(d.id);
            if (prev == null) {
                added++;
            } else {
                boolean text = !prev.contentHash().equals(d.contentHash());
                boolean meta = !prev.metadataHash().equals(d.metadataHash());
                if (text || meta) {
                    modified++;
                }
                if (meta) {
                    metadataModified++;
                }
            }
        }
        ObjectNode s = zeroStatistics();
        s.put("numberOfDocumentsScanned", scan.scanned);
        s.put("numberOfMetadataDocumentsScanned", scan.metadataScanned);
        s.put("numberOfNewDocumentsIndexed", added);
        s.put("numberOfModifiedDocumentsIndexed", modified);
        s.put("numberOfMetadataDocumentsModified", metadataModified);
        s.put("numberOfDocumentsDeleted", before.size());
        s.put("numberOfDocumentsFailed", scan.failed);
        s.put("numberOfDocumentsSkipped", scan.skipped);
        return s;
    }

    // ---- folder reading ----

    /**
     * Reads a folder recursively: every {@code .md}, {@code .markdown} and {@code .txt} file (any case) is a
     * document; {@code <file>.metadata.json} beside it holds {@code {"metadataAttributes":{...}}}. Files that are
     * not UTF-8 or whose sidecar is not valid JSON count as failed; blank files as skipped.
     */
    Scan scan(Path folder, String uriPrefix) {
        Scan scan = new Scan();
        if (folder == null || !Files.isDirectory(folder)) {
            scan.failure = "The data source folder " + folder + " does not exist or is not a directory.";
            return scan;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).filter(KnowledgeBases::isDocument).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            scan.failure = "The data source folder " + folder + " cannot be read: " + e.getMessage();
            return scan;
        }
        for (Path f : files) {
            scan.scanned++;
            String relative = folder.relativize(f).toString().replace('\\', '/');
            ObjectNode metadata = Json.object();
            Path sidecar = f.resolveSibling(f.getFileName() + ".metadata.json");
            try {
                if (Files.isRegularFile(sidecar)) {
                    scan.metadataScanned++;
                    JsonNode root = Json.parse(Files.readAllBytes(sidecar));
                    JsonNode attrs = root.path("metadataAttributes");
                    for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        metadata.set(e.getKey(), Corpus.metadataValue(e.getValue()));
                    }
                }
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(f))).toString();
                if (text.isBlank()) {
                    scan.skipped++;
                    continue;
                }
                scan.documents.add(new Corpus.Document(relative, uriPrefix + relative, text, metadata));
            } catch (CharacterCodingException e) {
                scan.failed++;
            } catch (IOException e) {
                scan.failed++;
            }
        }
        return scan;
    }

    private static boolean isDocument(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".txt");
    }

    /** A deterministic data-source id for a knowledge base: 10 characters of [0-9A-Z]. */
    static String dataSourceId(String kbId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("data-source:" + kbId)
                    .getBytes(StandardCharsets.UTF_8));
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                sb.append(alphabet.charAt((h[i] & 0xff) % alphabet.length()));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
