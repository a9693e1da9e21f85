package dev.camelbedrock.emulator.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.core.Tokens;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The guardrails of one emulator (configured with {@code --guardrail ID=FILE} or created through CreateGuardrail)
 * and the policy engine that applies them. Thread-safe.
 *
 * <p><b>Hook for InvokeModel</b> (and any other operation that takes a guardrail identifier and version):
 * <pre>{@code
 * GuardrailEngine engine = GuardrailEngine.of(exchange.context());
 * GuardrailResult in = engine.apply(id, version, Guardrail.Source.INPUT, List.of(promptText)); // throws the
 * if (in.blocked()) { ... answer in.blockedMessage(), "amazon-bedrock-guardrailAction":"INTERVENED" ... }   // runtime's
 * GuardrailResult out = engine.apply(id, version, Guardrail.Source.OUTPUT, List.of(replyText));          // errors
 * String finalText = out.intervened() ? out.text() : replyText;
 * }</pre>
 * {@link #apply} throws the runtime's {@code ValidationException} for an unknown guardrail or version, as
 * Converse does.
 */
public final class GuardrailEngine {

    /** The message of an unknown guardrail identifier or version. */
    public static final String UNKNOWN = "The guardrail identifier or version provided in the request does not exist.";

    private static final class Entry {
        final String id;
        final String arn;
        final Instant createdAt;
        final String clientRequestToken;
        Guardrail draft;
        final TreeMap<Integer, Guardrail> versions = new TreeMap<>();

        Entry(String id, String arn, Instant createdAt, String clientRequestToken) {
            this.id = id;
            this.arn = arn;
            this.createdAt = createdAt;
            this.clientRequestToken = clientRequestToken;
        }
    }

    private final String accountId;
    private final String defaultRegion;
    private final Map<String, JsonNode> configured;
    private final Map<String, Entry> guardrails = new LinkedHashMap<>();

    /**
     * @param configured guardrail id → CreateGuardrail body, available as DRAFT and version 1 from the start and
     *                   after every reset
     */
    public GuardrailEngine(String accountId, String defaultRegion, Map<String, JsonNode> configured) {
        this.accountId = accountId;
        this.defaultRegion = defaultRegion;
        this.configured = new LinkedHashMap<>(configured);
        reset();
    }

    /** The engine of an emulator. */
    public static GuardrailEngine of(EmulatorContext context) {
        return context.feature(GuardrailEngine.class);
    }

    /** Back to the configured guardrails (DRAFT and version 1 each); created ones are forgotten. */
    public synchronized void reset() {
        guardrails.clear();
        Instant now = Instant.now();
        configured.forEach((id, body) -> {
            Entry e = new Entry(id, arn(defaultRegion, id), now, null);
            e.draft = new Guardrail(id, e.arn, "DRAFT", body, now, now);
            e.versions.put(1, e.draft.asVersion("1", now));
            guardrails.put(id, e);
        });
    }

    /** Adds (or replaces) a configured guardrail at runtime, like {@code --guardrail ID=FILE}. */
    public synchronized void configure(String id, JsonNode createGuardrailBody) {
        checkConfigured(id, createGuardrailBody);
        configured.put(id, createGuardrailBody);
        Instant now = Instant.now();
        Entry e = new Entry(id, arn(defaultRegion, id), now, null);
        e.draft = new Guardrail(id, e.arn, "DRAFT", createGuardrailBody, now, now);
        e.versions.put(1, e.draft.asVersion("1", now));
        guardrails.put(id, e);
    }

    /** Checks a configured guardrail: id {@code [a-z0-9]+} (1–64) and a valid CreateGuardrail body. */
    public static void checkConfigured(String id, JsonNode body) {
        if (id == null || !id.matches("[a-z0-9]{1,64}")) {
            throw new IllegalArgumentException("A guardrail id must be 1-64 characters of [a-z0-9] (as the service's "
                    + "ids are): " + id);
        }
        List<String> v = Guardrail.validate(body);
        if (!v.isEmpty()) {
            throw new IllegalArgumentException("Guardrail " + id + " is not a valid CreateGuardrail body: "
                    + String.join("; ", v));
        }
    }

    private String arn(String region, String id) {
        return "arn:aws:bedrock:" + region + ":" + accountId + ":guardrail/" + id;
    }

    // ---- control plane ----

    /** CreateGuardrail: a new id (12 × [a-z0-9]) with its DRAFT; idempotent by client request token. */
    public synchronized Guardrail create(JsonNode body, String region) {
        String token = Json.text(body, "clientRequestToken");
        if (token != null) {
            for (Entry e : guardrails.values()) {
                if (token.equals(e.clientRequestToken)) {
                    return e.draft;
                }
            }
        }
        String name = body.path("name").asText();
        for (Entry e : guardrails.values()) {
            if (e.draft.name.equals(name)) {
                throw new ServiceException("ConflictException", 400, "A guardrail with the name " + name
                        + " already exists.");
            }
        }
        String id;
        do {
            id = Tokens.lower(12);
        } while (guardrails.containsKey(id));
        Instant now = Instant.now();
        Entry e = new Entry(id, arn(region, id), now, token);
        e.draft = new Guardrail(id, e.arn, "DRAFT", body, now, now);
        guardrails.put(id, e);
        return e.draft;
    }

    /** UpdateGuardrail: replaces the DRAFT. */
    public synchronized Guardrail update(String idOrArn, JsonNode body) {
        Entry e = entry(idOrArn);
        String name = body.path("name").asText();
        for (Entry other : guardrails.values()) {
            if (other != e && other.draft.name.equals(name)) {
                throw new ServiceException("ConflictException", 400, "A guardrail with the name " + name
                        + " already exists.");
            }
        }
        e.draft = new Guardrail(e.id, e.arn, "DRAFT", body, e.createdAt, Instant.now());
        return e.draft;
    }

    /** CreateGuardrailVersion: snapshots the DRAFT as the next number. */
    public synchronized Guardrail createVersion(String idOrArn) {
        Entry e = entry(idOrArn);
        int next = e.versions.isEmpty() ? 1 : e.versions.lastKey() + 1;
        Guardrail v = e.draft.asVersion(Integer.toString(next), Instant.now());
        e.versions.put(next, v);
        return v;
    }

    /** DeleteGuardrail: one numbered version, or the whole guardrail when {@code version} is null. */
    public synchronized void delete(String idOrArn, String version) {
        Entry e = entry(idOrArn);
        if (version == null || "DRAFT".equals(version)) {
            guardrails.remove(e.id);
        } else if (e.versions.remove(parseVersion(version)) == null) {
            throw ServiceException.notFound(UNKNOWN);
        }
    }

    /** A version of a guardrail (null/empty version = DRAFT); ResourceNotFoundException when unknown. */
    public synchronized Guardrail get(String idOrArn, String version) {
        Guardrail g = find(idOrArn, version);
        if (g == null) {
            throw ServiceException.notFound(UNKNOWN);
        }
        return g;
    }

    /** The DRAFT of every guardrail, or every version of one guardrail. */
    public synchronized List<Guardrail> list(String idOrArn) {
        List<Guardrail> out = new ArrayList<>();
        if (idOrArn == null) {
            guardrails.values().forEach(e -> out.add(e.draft));
            out.sort(Comparator.comparing((Guardrail g) -> g.createdAt).reversed());
        } else {
            Entry e = entry(idOrArn);
            out.add(e.draft);
            out.addAll(e.versions.descendingMap().values());
        }
        return out;
    }

    private Entry entry(String idOrArn) {
        Entry e = guardrails.get(idOf(idOrArn));
        if (e == null) {
            throw ServiceException.notFound(UNKNOWN);
        }
        return e;
    }

    private Guardrail find(String idOrArn, String version) {
        Entry e = guardrails.get(idOf(idOrArn));
        if (e == null) {
            return null;
        }
        if (version == null || version.isEmpty() || "DRAFT".equals(version)) {
            return e.draft;
        }
        try {
            return e.versions.get(parseVersion(version));
        } catch (ServiceException ex) {
            return null;
        }
    }

    private static int parseVersion(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ServiceException.notFound(UNKNOWN);
        }
    }

    static String idOf(String idOrArn) {
        if (idOrArn == null) {
            return "";
        }
        int slash = idOrArn.lastIndexOf('/');
        return idOrArn.startsWith("arn:") && slash > 0 ? idOrArn.substring(slash + 1) : idOrArn;
    }

    // ---- runtime ----

    /**
     * Applies a guardrail version to text blocks. An unknown guardrail or version throws the runtime's
     * {@code ValidationException} ({@value #UNKNOWN}).
     */
    public GuardrailResult apply(String idOrArn, String version, Guardrail.Source source, List<String> texts) {
        Guardrail g;
        synchronized (this) {
            g = find(idOrArn, version);
        }
        if (g == null) {
            throw ServiceException.validation(UNKNOWN);
        }
        return assess(g, source, texts, false);
    }

    /** Applies a known guardrail version; {@code full} = ApplyGuardrail's {@code outputScope: FULL}. */
    public static GuardrailResult assess(Guardrail g, Guardrail.Source source, List<String> texts, boolean full) {
        long started = System.nanoTime();
        boolean blocked = false;
        boolean masked = false;
        ObjectNode a = Json.object();
        ArrayNode topics = Json.array();
        ArrayNode filters = Json.array();
        ArrayNode customWords = Json.array();
        ArrayNode managedWords = Json.array();
        ArrayNode pii = Json.array();
        ArrayNode regexes = Json.array();
        List<String> maskedTexts = new ArrayList<>();
        int chars = 0;

        for (String text : texts) {
            chars += text.length();
            for (Guardrail.Topic t : g.topics) {
                String action = t.action(source);
                if (action == null) {
                    continue;
                }
                boolean hit = Detectors.topic(t, text);
                if (hit || full) {
                    ObjectNode o = topics.addObject();
                    o.put("name", t.name);
                    o.put("type", "DENY");
                    o.put("action", hit && "BLOCK".equals(action) ? "BLOCKED" : "NONE");
                    o.put("detected", hit);
                }
                blocked |= hit && "BLOCK".equals(action);
            }
            for (Guardrail.ContentFilter f : g.contentFilters) {
                String strength = f.strength(source);
                String action = f.action(source);
                if (action == null || "NONE".equals(strength)
                        || ("PROMPT_ATTACK".equals(f.type) && source == Guardrail.Source.OUTPUT)) {
                    continue;
                }
                boolean hit = Detectors.content(f.type, text);
                if (hit || full) {
                    ObjectNode o = filters.addObject();
                    o.put("type", f.type);
                    o.put("confidence", hit ? "HIGH" : "NONE");
                    o.put("filterStrength", strength);
                    o.put("action", hit && "BLOCK".equals(action) ? "BLOCKED" : "NONE");
                    o.put("detected", hit);
                }
                blocked |= hit && "BLOCK".equals(action);
            }
            for (Guardrail.Word w : g.words) {
                String action = w.action(source);
                if (action != null && w.pattern.matcher(text).find()) {
                    ObjectNode o = customWords.addObject();
                    o.put("match", w.word);
                    o.put("action", "BLOCK".equals(action) ? "BLOCKED" : "NONE");
                    o.put("detected", true);
                    blocked |= "BLOCK".equals(action);
                }
            }
            for (Guardrail.Entry m : g.managedWordLists) {
                String action = m.action(source);
                if (action == null) {
                    continue;
                }
                for (String match : Detectors.profanity(text)) {
                    ObjectNode o = managedWords.addObject();
                    o.put("match", match);
                    o.put("type", "PROFANITY");
                    o.put("action", "BLOCK".equals(action) ? "BLOCKED" : "NONE");
                    o.put("detected", true);
                    blocked |= "BLOCK".equals(action);
                }
            }
            // sensitive information: collect spans, resolve overlaps, then mask from the end
            List<Object[]> spans = new ArrayList<>(); // {start, end, mask, action, isRegex, name/type, regex}
            for (Guardrail.Pii p : g.piiEntities) {
                String action = p.action(source);
                if (action == null) {
                    continue;
                }
                for (Detectors.Span s : Detectors.pii(p.type, text)) {
                    spans.add(new Object[] {s.start, s.end, "{" + p.type + "}", action, false, p.type, null});
                }
            }
            for (Guardrail.Regex r : g.regexes) {
                String action = r.action(source);
                if (action == null) {
                    continue;
                }
                var m = r.pattern.matcher(text);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        spans.add(new Object[] {m.start(), m.end(), "{" + r.name + "}", action, true, r.name,
                                r.pattern.pattern()});
                    }
                }
            }
            spans.sort(Comparator.comparingInt((Object[] s) -> (int) s[0])
                    .thenComparingInt(s -> -((int) s[1] - (int) s[0])));
            List<Object[]> kept = new ArrayList<>();
            int lastEnd = -1;
            for (Object[] s : spans) {
                if ((int) s[0] >= lastEnd) {
                    kept.add(s);
                    lastEnd = (int) s[1];
                }
            }
            StringBuilder out = new StringBuilder(text);
            for (int i = kept.size() - 1; i >= 0; i--) {
                Object[] s = kept.get(i);
                if ("ANONYMIZE".equals(s[3])) {
                    out.replace((int) s[0], (int) s[1], (String) s[2]);
                }
            }
            for (Object[] s : kept) {
                String action = (String) s[3];
                String reported = "BLOCK".equals(action) ? "BLOCKED" : "ANONYMIZE".equals(action) ? "ANONYMIZED" : "NONE";
                String match = text.substring((int) s[0], (int) s[1]);
                if ((boolean) s[4]) {
                    ObjectNode o = regexes.addObject();
                    o.put("name", (String) s[5]);
                    o.put("match", match);
                    o.put("regex", (String) s[6]);
                    o.put("action", reported);
                    o.put("detected", true);
                } else {
                    ObjectNode o = pii.addObject();
                    o.put("match", match);
                    o.put("type", (String) s[5]);
                    o.put("action", reported);
                    o.put("detected", true);
                }
                blocked |= "BLOCK".equals(action);
                masked |= "ANONYMIZE".equals(action);
            }
            maskedTexts.add(out.toString());
        }

        if (topics.size() > 0) {
            a.putObject("topicPolicy").set("topics", topics);
        }
        if (filters.size() > 0) {
            a.putObject("contentPolicy").set("filters", filters);
        }
        if (customWords.size() > 0 || managedWords.size() > 0) {
            ObjectNode wp = a.putObject("wordPolicy");
            wp.set("customWords", customWords);
            wp.set("managedWordLists", managedWords);
        }
        if (pii.size() > 0 || regexes.size() > 0) {
            ObjectNode sp = a.putObject("sensitiveInformationPolicy");
            sp.set("piiEntities", pii);
            sp.set("regexes", regexes);
        }
        int units = chars == 0 ? 0 : (chars + 999) / 1000;
        ObjectNode usage = Json.object();
        usage.put("topicPolicyUnits", g.topics.isEmpty() ? 0 : units);
        usage.put("contentPolicyUnits", g.contentFilters.isEmpty() ? 0 : units);
        usage.put("wordPolicyUnits", g.words.isEmpty() && g.managedWordLists.isEmpty() ? 0 : units);
        usage.put("sensitiveInformationPolicyUnits", g.regexes.isEmpty() ? 0 : units);
        usage.put("sensitiveInformationPolicyFreeUnits", g.piiEntities.isEmpty() ? 0 : units);
        usage.put("contextualGroundingPolicyUnits", g.contextualGrounding ? units : 0);
        ObjectNode metrics = a.putObject("invocationMetrics");
        metrics.put("guardrailProcessingLatency", Math.max(1, (System.nanoTime() - started) / 1_000_000));
        metrics.set("usage", usage.deepCopy());
        ObjectNode tc = metrics.putObject("guardrailCoverage").putObject("textCharacters");
        tc.put("guarded", chars);
        tc.put("total", chars);
        ObjectNode details = a.putObject("appliedGuardrailDetails");
        details.put("guardrailId", g.id);
        details.put("guardrailVersion", g.version);
        details.put("guardrailArn", g.arn);
        details.putArray("guardrailOrigin").add("REQUEST");
        details.put("guardrailOwnership", "SELF");

        List<String> outputs;
        if (blocked) {
            outputs = List.of(g.blockedMessage(source));
        } else if (masked || full) {
            outputs = maskedTexts;
        } else {
            outputs = List.of();
        }
        return new GuardrailResult(g, source, blocked, masked, outputs, maskedTexts, a, usage);
    }
}
