package dev.camelbedrock.emulator.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.ErrorCodes;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.core.StreamPlayer;
import dev.camelbedrock.emulator.eventstream.EventStreamEncoder;
import dev.camelbedrock.emulator.guardrails.Guardrail;
import dev.camelbedrock.emulator.guardrails.GuardrailEngine;
import dev.camelbedrock.emulator.guardrails.GuardrailResult;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.FoundationModel;
import dev.camelbedrock.emulator.models.ResolvedModel;
import dev.camelbedrock.emulator.core.Op;
import dev.camelbedrock.emulator.core.Tokens;
import dev.camelbedrock.emulator.core.Violations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * bedrock-agent-runtime (Retrieve, RetrieveAndGenerate, RetrieveAndGenerateStream) and bedrock-agent
 * (StartIngestionJob, GetIngestionJob, ListIngestionJobs, ListDataSources) on the emulator's knowledge bases.
 */
public final class KnowledgeBaseOperations {

    static final Pattern KB_IDENTIFIER = Pattern.compile(
            "^[0-9a-zA-Z]{10}$|^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:knowledge-base/[0-9a-zA-Z]{10}$");
    static final Pattern MODEL_ARN = Pattern.compile("^(arn:aws(-[^:]+)?:(bedrock|sagemaker):[a-z0-9-]{1,20}:"
            + "([0-9]{12})?:([a-z-]+/)?)?([a-z0-9.-]{1,63}){0,2}(([:][a-z0-9-]{1,63}){0,2})?(/[a-z0-9]{1,12})?$");
    static final Pattern SESSION = Pattern.compile("^[0-9a-zA-Z._:-]+$");
    static final Pattern GUARDRAIL_ID = Pattern.compile("^[a-z0-9]+$");
    static final Pattern GUARDRAIL_VERSION = Pattern.compile("^(([1-9][0-9]{0,7})|(DRAFT))$");
    static final String NO_ANSWER = "Sorry, I am unable to assist you with this request.";
    static final String SESSION_HEADER = "x-amzn-bedrock-knowledge-base-session-id";
    static final int DEFAULT_RESULTS = 5;
    static final Service AR = Service.AGENT_RUNTIME;

    private KnowledgeBaseOperations() {
    }

    public static List<Operation> operations(Supplier<KnowledgeBases> kbs) {
        return List.of(
                Op.of("Retrieve", "POST", "/knowledgebases/{knowledgeBaseId}/retrieve", AR,
                        ex -> retrieve(ex, kbs.get())),
                Op.of("RetrieveAndGenerate", "POST", "/retrieveAndGenerate", AR, ex -> {
                    Rag rag = rag(ex, kbs.get());
                    ex.sendJson(200, rag.toJson());
                }),
                Op.streaming("RetrieveAndGenerateStream", "POST", "/retrieveAndGenerateStream", AR,
                        ex -> stream(ex, rag(ex, kbs.get()))),
                Op.of("StartIngestionJob", "PUT",
                        "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs", Service.AGENT,
                        ex -> startIngestion(ex, kbs.get())),
                Op.of("GetIngestionJob", "GET",
                        "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs/{ingestionJobId}",
                        Service.AGENT, ex -> getIngestion(ex, kbs.get())),
                Op.of("ListIngestionJobs", "POST",
                        "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs", Service.AGENT,
                        ex -> listIngestion(ex, kbs.get())),
                Op.of("ListDataSources", "POST", "/knowledgebases/{knowledgeBaseId}/datasources", Service.AGENT,
                        ex -> listDataSources(ex, kbs.get())));
    }

    static ServiceException agentRuntime(String code, String message) {
        return new ServiceException(code, ErrorCodes.status(AR, code), message);
    }

    private static KnowledgeBases.KnowledgeBase knowledgeBase(KnowledgeBases kbs, String idOrArn, Service service) {
        String id = idOrArn.startsWith("arn:") ? idOrArn.substring(idOrArn.lastIndexOf('/') + 1) : idOrArn;
        KnowledgeBases.KnowledgeBase kb = kbs.get(id);
        if (kb == null) {
            throw new ServiceException("ResourceNotFoundException", 404, "Knowledge base with id " + id
                    + " does not exist.");
        }
        return kb;
    }

    // ---- Retrieve ----

    /** Validated vector search settings. */
    private static final class SearchConfig {
        int numberOfResults = DEFAULT_RESULTS;
        boolean hybrid;
        JsonNode filter;
    }

    private static SearchConfig searchConfig(JsonNode retrievalConfiguration, String path, Violations v) {
        SearchConfig c = new SearchConfig();
        JsonNode vs = retrievalConfiguration == null ? null : retrievalConfiguration.get("vectorSearchConfiguration");
        if (vs == null || vs.isNull()) {
            return c;
        }
        String at = path + ".vectorSearchConfiguration";
        JsonNode n = vs.get("numberOfResults");
        v.range(n, at + ".numberOfResults", 1, 100);
        if (n != null && n.isIntegralNumber()) {
            c.numberOfResults = n.asInt();
        }
        String type = Json.text(vs, "overrideSearchType");
        v.enumValue(type, at + ".overrideSearchType", List.of("HYBRID", "SEMANTIC"));
        c.hybrid = "HYBRID".equals(type);
        JsonNode f = vs.get("filter");
        if (Json.isPresent(f)) {
            String problem = MetadataFilter.validate(f, at + ".filter");
            if (problem != null) {
                v.add(problem);
            }
            c.filter = f;
        }
        return c;
    }

    private static void retrieve(Exchange ex, KnowledgeBases kbs) {
        String idOrArn = ex.pathParam("knowledgeBaseId");
        JsonNode req = ex.json();
        Violations v = new Violations().pattern(idOrArn, "knowledgeBaseId", KB_IDENTIFIER)
                .required(req, "retrievalQuery", "retrievalQuery");
        JsonNode q = req.path("retrievalQuery");
        if ("IMAGE".equals(Json.text(q, "type")) || q.has("image")) {
            v.add("Value 'IMAGE' at 'retrievalQuery.type' failed to satisfy constraint: the emulator's knowledge "
                    + "bases answer text queries only");
        }
        String text = Json.text(q, "text");
        if (req.has("retrievalQuery") && text == null && !q.has("image")) {
            v.add("Value null at 'retrievalQuery.text' failed to satisfy constraint: Member must not be null");
        }
        v.length(text, "retrievalQuery.text", 0, 20000);
        SearchConfig sc = searchConfig(req.get("retrievalConfiguration"), "retrievalConfiguration", v);
        JsonNode gc = req.get("guardrailConfiguration");
        guardrailViolations(gc, "guardrailConfiguration", v);
        v.throwIfAny(AR);
        KnowledgeBases.KnowledgeBase kb = knowledgeBase(kbs, idOrArn, AR);

        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("retrievalResults");
        if (Json.isPresent(gc)) {
            GuardrailResult r = guardrail(ex.context(), gc, Guardrail.Source.INPUT, List.of(text));
            body.put("guardrailAction", r.blocked() ? "INTERVENED" : "NONE");
            if (r.blocked()) {
                ex.sendJson(200, body);
                return;
            }
        }
        List<Corpus.Hit> hits = kb.corpus().search(text, sc.hybrid, MetadataFilter.of(sc.filter));
        hits = hits.subList(0, Math.min(hits.size(), 100));
        String fingerprint = kb.id + "|" + text + "|" + sc.hybrid + "|" + sc.filter;
        int offset = Tokens.offset(Json.text(req, "nextToken"), fingerprint, AR);
        int end = Math.min(hits.size(), offset + sc.numberOfResults);
        for (int i = offset; i < end; i++) {
            results.add(result(hits.get(i), true));
        }
        if (end < hits.size()) {
            body.put("nextToken", Tokens.next(end, fingerprint));
        }
        ex.sendJson(200, body);
    }

    /** A KnowledgeBaseRetrievalResult (with score) or a RetrievedReference (without). */
    static ObjectNode result(Corpus.Hit hit, boolean withScore) {
        Corpus.Chunk c = hit.chunk;
        ObjectNode r = Json.object();
        ObjectNode content = r.putObject("content");
        content.put("text", c.text);
        content.put("type", "TEXT");
        r.set("location", location(c.document.uri));
        r.set("metadata", c.metadata.deepCopy());
        if (withScore) {
            r.put("score", hit.score);
            r.put("documentId", c.document.id);
        }
        return r;
    }

    static ObjectNode location(String uri) {
        ObjectNode l = Json.object();
        if (uri.startsWith("s3://")) {
            l.put("type", "S3");
            l.putObject("s3Location").put("uri", uri);
        } else {
            l.put("type", "CUSTOM");
            l.putObject("customDocumentLocation").put("id", uri);
        }
        return l;
    }

    // ---- guardrails in knowledge-base requests ----

    private static void guardrailViolations(JsonNode gc, String path, Violations v) {
        if (!Json.isPresent(gc)) {
            return;
        }
        v.required(gc, "guardrailId", path + ".guardrailId").required(gc, "guardrailVersion",
                path + ".guardrailVersion");
        v.pattern(Json.text(gc, "guardrailId"), path + ".guardrailId", GUARDRAIL_ID);
        v.pattern(Json.text(gc, "guardrailVersion"), path + ".guardrailVersion", GUARDRAIL_VERSION);
    }

    private static GuardrailResult guardrail(EmulatorContext ctx, JsonNode gc, Guardrail.Source source,
                                             List<String> texts) {
        GuardrailEngine engine = GuardrailEngine.of(ctx);
        if (engine == null) {
            throw agentRuntime("ValidationException", GuardrailEngine.UNKNOWN);
        }
        try {
            return engine.apply(gc.get("guardrailId").asText(), gc.get("guardrailVersion").asText(), source, texts);
        } catch (ServiceException e) {
            throw agentRuntime(e.code(), e.getMessage());
        }
    }

    // ---- RetrieveAndGenerate ----

    /** A sentence of the answer and the references it cites. */
    static final class Part {
        String text;
        final List<Corpus.Hit> references = new ArrayList<>();
        int start;
        int end;
    }

    /** The outcome of a RetrieveAndGenerate request, shared by the plain and the streaming operation. */
    static final class Rag {
        String sessionId;
        String text;
        final List<Part> parts = new ArrayList<>();
        String guardrailAction;

        ObjectNode toJson() {
            ObjectNode body = Json.object();
            body.put("sessionId", sessionId);
            body.putObject("output").put("text", text);
            ArrayNode citations = body.putArray("citations");
            for (Part p : parts) {
                citations.add(citation(p));
            }
            if (guardrailAction != null) {
                body.put("guardrailAction", guardrailAction);
            }
            return body;
        }

        static ObjectNode citation(Part p) {
            ObjectNode c = Json.object();
            ObjectNode trp = c.putObject("generatedResponsePart").putObject("textResponsePart");
            trp.put("text", p.text);
            trp.putObject("span").put("start", p.start).put("end", p.end);
            ArrayNode refs = c.putArray("retrievedReferences");
            p.references.forEach(h -> refs.add(result(h, false)));
            return c;
        }
    }

    private static Rag rag(Exchange ex, KnowledgeBases kbs) {
        JsonNode req = ex.json();
        Violations v = new Violations().required(req, "input", "input")
                .required(req, "retrieveAndGenerateConfiguration", "retrieveAndGenerateConfiguration");
        String input = Json.text(req.path("input"), "text");
        if (req.has("input") && input == null) {
            v.add("Value null at 'input.text' failed to satisfy constraint: Member must not be null");
        }
        v.length(input, "input.text", 0, 1000);
        String sessionId = Json.text(req, "sessionId");
        v.length(sessionId, "sessionId", 2, 100).pattern(sessionId, "sessionId", SESSION);
        JsonNode config = req.path("retrieveAndGenerateConfiguration");
        String type = Json.text(config, "type");
        if (req.has("retrieveAndGenerateConfiguration")) {
            v.required(config, "type", "retrieveAndGenerateConfiguration.type");
        }
        v.enumValue(type, "retrieveAndGenerateConfiguration.type", List.of("KNOWLEDGE_BASE", "EXTERNAL_SOURCES"));
        boolean kbMode = "KNOWLEDGE_BASE".equals(type);
        String cfgName = kbMode ? "knowledgeBaseConfiguration" : "externalSourcesConfiguration";
        JsonNode cfg = config.path(cfgName);
        String cfgPath = "retrieveAndGenerateConfiguration." + cfgName;
        SearchConfig sc = new SearchConfig();
        if (type != null && (kbMode || "EXTERNAL_SOURCES".equals(type))) {
            v.required(config, cfgName, cfgPath);
            if (cfg.isObject()) {
                v.required(cfg, "modelArn", cfgPath + ".modelArn");
                String modelArn = Json.text(cfg, "modelArn");
                v.length(modelArn, cfgPath + ".modelArn", 1, 2048).pattern(modelArn, cfgPath + ".modelArn", MODEL_ARN);
                if (kbMode) {
                    v.required(cfg, "knowledgeBaseId", cfgPath + ".knowledgeBaseId");
                    String kbId = Json.text(cfg, "knowledgeBaseId");
                    v.length(kbId, cfgPath + ".knowledgeBaseId", 0, 10)
                            .pattern(kbId, cfgPath + ".knowledgeBaseId", Pattern.compile("^[0-9a-zA-Z]+$"));
                    sc = searchConfig(cfg.get("retrievalConfiguration"), cfgPath + ".retrievalConfiguration", v);
                } else {
                    v.required(cfg, "sources", cfgPath + ".sources");
                    JsonNode sources = cfg.path("sources");
                    if (cfg.has("sources") && (!sources.isArray() || sources.size() != 1)) {
                        v.add("Value at '" + cfgPath + ".sources' failed to satisfy constraint: Member must have "
                                + "length between 1 and 1");
                    }
                }
                JsonNode gen = cfg.path("generationConfiguration");
                String template = Json.text(gen.path("promptTemplate"), "textPromptTemplate");
                v.length(template, cfgPath + ".generationConfiguration.promptTemplate.textPromptTemplate", 1, 4000);
                guardrailViolations(gen.get("guardrailConfiguration"),
                        cfgPath + ".generationConfiguration.guardrailConfiguration", v);
                if (v.isEmpty() && template != null && !template.contains("$search_results$")) {
                    throw agentRuntime("ValidationException", "The prompt template must contain the "
                            + "$search_results$ placeholder.");
                }
            }
        }
        v.throwIfAny(AR);
        checkModel(ex.context(), cfg.get("modelArn").asText());

        Rag rag = new Rag();
        KnowledgeBases.Session session = null;
        if (sessionId != null) {
            session = kbs.session(sessionId);
            if (session == null) {
                throw agentRuntime("ValidationException", "Session with Id " + sessionId + " is not valid. Please "
                        + "check and try again.");
            }
            rag.sessionId = sessionId;
        } else {
            rag.sessionId = kbs.newSession();
            session = kbs.session(rag.sessionId);
        }

        JsonNode gen = cfg.path("generationConfiguration");
        JsonNode gc = gen.get("guardrailConfiguration");
        if (Json.isPresent(gc)) {
            rag.guardrailAction = "NONE";
            GuardrailResult in = guardrail(ex.context(), gc, Guardrail.Source.INPUT, List.of(input));
            if (in.blocked()) {
                rag.guardrailAction = "INTERVENED";
                rag.text = in.blockedMessage();
                return rag;
            }
        }

        // retrieval: a short follow-up question is completed with the session's previous question
        String query = input;
        if (session != null && !session.questions.isEmpty() && Corpus.terms(input).size() < 3) {
            query = session.questions.get(session.questions.size() - 1) + " " + input;
        }
        if (session != null) {
            synchronized (kbs) {
                session.questions.add(input);
            }
        }
        List<Corpus.Hit> hits;
        if (kbMode) {
            KnowledgeBases.KnowledgeBase kb = knowledgeBase(kbs, cfg.get("knowledgeBaseId").asText(), AR);
            hits = kb.corpus().search(query, sc.hybrid, MetadataFilter.of(sc.filter));
        } else {
            hits = externalSource(kbs, cfg.path("sources").get(0)).search(query, false, null);
        }
        hits = hits.subList(0, Math.min(hits.size(), sc.numberOfResults));
        answer(rag, input, query, hits, gen.path("inferenceConfig").path("textInferenceConfig").get("maxTokens"));

        if (Json.isPresent(gc) && !rag.parts.isEmpty()) {
            List<String> sentences = new ArrayList<>();
            rag.parts.forEach(p -> sentences.add(p.text));
            GuardrailResult out = guardrail(ex.context(), gc, Guardrail.Source.OUTPUT, sentences);
            if (out.blocked()) {
                rag.guardrailAction = "INTERVENED";
                rag.text = out.blockedMessage();
                rag.parts.clear();
            } else if (out.masked()) {
                rag.guardrailAction = "INTERVENED";
                for (int i = 0; i < rag.parts.size(); i++) {
                    rag.parts.get(i).text = out.maskedTexts().get(i);
                }
                assemble(rag);
            }
        }
        return rag;
    }

    /** Model ARN check: a text model given as base id, foundation-model ARN, inference profile or provisioned ARN. */
    private static void checkModel(EmulatorContext ctx, String modelArn) {
        ResolvedModel rm;
        try {
            rm = ctx.catalog().resolve(modelArn).orElse(null);
        } catch (ServiceException e) {
            throw agentRuntime(e.code(), e.getMessage());
        }
        if (rm == null) {
            throw agentRuntime("ValidationException", "The provided model identifier is invalid: " + modelArn);
        }
        FoundationModel fm = rm.model();
        if (fm != null && !fm.supportsConverse()) {
            throw agentRuntime("ValidationException", "The model " + fm.modelId() + " cannot generate text for "
                    + "RetrieveAndGenerate. Choose a text model.");
        }
    }

    /** An EXTERNAL_SOURCES source as a one-document corpus. */
    private static Corpus externalSource(KnowledgeBases kbs, JsonNode source) {
        String type = Json.text(source, "sourceType");
        if ("BYTE_CONTENT".equals(type)) {
            JsonNode bc = source.path("byteContent");
            String identifier = Json.text(bc, "identifier");
            String contentType = Json.text(bc, "contentType");
            String data = Json.text(bc, "data");
            if (identifier == null || contentType == null || data == null) {
                throw agentRuntime("ValidationException", "byteContent requires identifier, contentType and data.");
            }
            String ct = contentType.toLowerCase(Locale.ROOT);
            if (!ct.startsWith("text/") && !ct.contains("markdown")) {
                throw agentRuntime("ValidationException", "The emulator reads text/plain and text/markdown byte "
                        + "content only, not " + contentType + ".");
            }
            String text;
            try {
                text = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw agentRuntime("ValidationException", "byteContent.data is not valid base64.");
            }
            return new Corpus(List.of(new Corpus.Document(identifier, identifier, text, null)), null, kbs.embedder());
        }
        if ("S3".equals(type)) {
            String uri = Json.text(source.path("s3Location"), "uri");
            if (uri != null && uri.startsWith("s3://")) {
                String rest = uri.substring(5);
                int slash = rest.indexOf('/');
                if (slash > 0) {
                    String bucket = rest.substring(0, slash);
                    String key = rest.substring(slash + 1);
                    for (KnowledgeBases.KnowledgeBase kb : kbs.all()) {
                        if (kb.id.toLowerCase(Locale.ROOT).equals(bucket)) {
                            Corpus.Document d = kb.corpus().document(key);
                            if (d != null) {
                                return new Corpus(List.of(d), null, kbs.embedder());
                            }
                        }
                    }
                }
            }
            throw agentRuntime("ResourceNotFoundException", "The S3 object " + uri + " could not be read: the "
                    + "emulator serves s3://<knowledge base id in lower case>/<path> of its knowledge bases only.");
        }
        throw agentRuntime("ValidationException", "Value '" + type + "' at 'sourceType' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [S3, BYTE_CONTENT]");
    }

    /**
     * The answer: for each retrieved chunk that shares a content word with the query, its sentence with the most
     * query words, the words of the current input counting most (one sentence per cited chunk, in rank order; a
     * sentence already used cites the chunk too).
     */
    static void answer(Rag rag, String input, String query, List<Corpus.Hit> hits, JsonNode maxTokens) {
        Set<String> q = new HashSet<>(Corpus.terms(query));
        Set<String> current = new HashSet<>(Corpus.terms(input));
        Map<String, Part> bySentence = new LinkedHashMap<>();
        for (Corpus.Hit h : hits) {
            Set<String> words = new HashSet<>(Corpus.terms(h.chunk.text));
            words.retainAll(q);
            if (words.isEmpty() || h.score <= 0) {
                continue;
            }
            String best = null;
            int bestScore = -1;
            for (String s : Corpus.sentences(h.chunk.text)) {
                Set<String> sw = new HashSet<>(Corpus.terms(s));
                sw.retainAll(q);
                Set<String> sc = new HashSet<>(sw);
                sc.retainAll(current);
                int score = sc.size() * 100 + sw.size() * 10 + (s.split("\\s+").length >= 4 ? 1 : 0);
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                }
            }
            if (best == null) {
                continue;
            }
            Part p = bySentence.computeIfAbsent(best, k -> {
                Part n = new Part();
                n.text = k;
                return n;
            });
            p.references.add(h);
        }
        rag.parts.addAll(bySentence.values());
        if (maxTokens != null && maxTokens.isIntegralNumber() && maxTokens.asInt() > 0) {
            int budget = maxTokens.asInt() * 4;
            int used = 0;
            List<Part> kept = new ArrayList<>();
            for (Part p : rag.parts) {
                int cost = p.text.length() + (kept.isEmpty() ? 0 : 1);
                if (used + cost > budget) {
                    if (kept.isEmpty()) {
                        p.text = p.text.substring(0, Math.min(p.text.length(), budget));
                        kept.add(p);
                    }
                    break;
                }
                used += cost;
                kept.add(p);
            }
            rag.parts.clear();
            rag.parts.addAll(kept);
        }
        assemble(rag);
    }

    /** Joins the parts with single spaces and sets each span: [start, end) in the answer text. */
    static void assemble(Rag rag) {
        if (rag.parts.isEmpty()) {
            rag.text = NO_ANSWER;
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Part p : rag.parts) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            p.start = sb.length();
            sb.append(p.text);
            p.end = sb.length();
        }
        rag.text = sb.toString();
    }

    private static void stream(Exchange ex, Rag rag) {
        List<Supplier<byte[]>> frames = new ArrayList<>();
        if (rag.parts.isEmpty()) {
            frames.add(frame("output", Json.object().put("text", rag.text)));
        }
        for (int i = 0; i < rag.parts.size(); i++) {
            Part p = rag.parts.get(i);
            frames.add(frame("output", Json.object().put("text", (i == 0 ? "" : " ") + p.text)));
            ObjectNode c = Rag.citation(p);
            ObjectNode event = Json.object();
            event.set("citation", c.deepCopy());
            event.set("generatedResponsePart", c.get("generatedResponsePart"));
            event.set("retrievedReferences", c.get("retrievedReferences"));
            frames.add(frame("citation", event));
        }
        if (rag.guardrailAction != null) {
            frames.add(frame("guardrail", Json.object().put("action", rag.guardrailAction)));
        }
        StreamPlayer.play(ex, frames, Map.of(SESSION_HEADER, rag.sessionId));
    }

    private static Supplier<byte[]> frame(String type, ObjectNode payload) {
        byte[] f = EventStreamEncoder.event(type, Json.bytes(payload));
        return () -> f;
    }

    // ---- bedrock-agent: ingestion jobs and data sources ----

    private static KnowledgeBases.KnowledgeBase agentKb(Exchange ex, KnowledgeBases kbs, boolean withDataSource) {
        String kbId = ex.pathParam("knowledgeBaseId");
        Violations v = new Violations().pattern(kbId, "knowledgeBaseId", KnowledgeBases.ID);
        String ds = ex.pathParam("dataSourceId");
        if (withDataSource) {
            v.pattern(ds, "dataSourceId", KnowledgeBases.ID);
        }
        v.throwIfAny(Service.AGENT);
        KnowledgeBases.KnowledgeBase kb = kbs.get(kbId);
        if (kb == null) {
            throw ServiceException.notFound("Knowledge base with id " + kbId + " does not exist.");
        }
        if (withDataSource && !kb.dataSourceId.equals(ds)) {
            throw ServiceException.notFound("Data source with id " + ds + " does not exist in knowledge base "
                    + kbId + ".");
        }
        return kb;
    }

    private static void startIngestion(Exchange ex, KnowledgeBases kbs) {
        KnowledgeBases.KnowledgeBase kb = agentKb(ex, kbs, true);
        JsonNode req = ex.json();
        String description = Json.text(req, "description");
        new Violations().length(description, "description", 1, 200).throwIfAny(Service.AGENT);
        KnowledgeBases.IngestionJob job = kbs.startIngestion(kb, description, Json.text(req, "clientToken"));
        ObjectNode body = Json.object();
        body.set("ingestionJob", kbs.toJson(kb, job));
        ex.sendJson(202, body);
    }

    private static void getIngestion(Exchange ex, KnowledgeBases kbs) {
        KnowledgeBases.KnowledgeBase kb = agentKb(ex, kbs, true);
        String id = ex.pathParam("ingestionJobId");
        KnowledgeBases.IngestionJob job = kbs.job(kb, id);
        if (job == null) {
            throw ServiceException.notFound("Ingestion job with id " + id + " does not exist.");
        }
        ObjectNode body = Json.object();
        body.set("ingestionJob", kbs.toJson(kb, job));
        ex.sendJson(200, body);
    }

    private static void listIngestion(Exchange ex, KnowledgeBases kbs) {
        KnowledgeBases.KnowledgeBase kb = agentKb(ex, kbs, true);
        JsonNode req = ex.json();
        Violations v = new Violations().range(req.get("maxResults"), "maxResults", 1, 1000);
        List<String> statuses = null;
        for (JsonNode f : req.path("filters")) {
            v.enumValue(Json.text(f, "attribute"), "filters.member.attribute", List.of("STATUS"));
            v.enumValue(Json.text(f, "operator"), "filters.member.operator", List.of("EQ"));
            statuses = new ArrayList<>();
            for (JsonNode s : f.path("values")) {
                statuses.add(s.asText());
            }
        }
        JsonNode sort = req.get("sortBy");
        String attribute = sort == null ? "STARTED_AT" : sort.path("attribute").asText("STARTED_AT");
        String order = sort == null ? "DESCENDING" : sort.path("order").asText("DESCENDING");
        v.enumValue(attribute, "sortBy.attribute", List.of("STATUS", "STARTED_AT"));
        v.enumValue(order, "sortBy.order", List.of("ASCENDING", "DESCENDING"));
        v.throwIfAny(Service.AGENT);
        List<KnowledgeBases.IngestionJob> jobs = kbs.jobs(kb);
        List<String> wanted = statuses;
        if (wanted != null) {
            jobs.removeIf(j -> !wanted.contains(j.status));
        }
        Comparator<KnowledgeBases.IngestionJob> cmp = "STATUS".equals(attribute)
                ? Comparator.comparing((KnowledgeBases.IngestionJob j) -> j.status)
                : Comparator.comparing((KnowledgeBases.IngestionJob j) -> j.startedAt);
        jobs.sort("ASCENDING".equals(order) ? cmp : cmp.reversed());
        int size = req.path("maxResults").asInt(1000);
        String fingerprint = kb.id + "|" + wanted + "|" + attribute + "|" + order;
        int offset = Tokens.offset(Json.text(req, "nextToken"), fingerprint, Service.AGENT);
        ObjectNode body = Json.object();
        ArrayNode out = body.putArray("ingestionJobSummaries");
        for (int i = offset; i < Math.min(jobs.size(), offset + size); i++) {
            out.add(kbs.toJson(kb, jobs.get(i)));
        }
        if (offset + size < jobs.size()) {
            body.put("nextToken", Tokens.next(offset + size, fingerprint));
        }
        ex.sendJson(200, body);
    }

    private static void listDataSources(Exchange ex, KnowledgeBases kbs) {
        KnowledgeBases.KnowledgeBase kb = agentKb(ex, kbs, false);
        ObjectNode body = Json.object();
        ObjectNode ds = body.putArray("dataSourceSummaries").addObject();
        ds.put("knowledgeBaseId", kb.id);
        ds.put("dataSourceId", kb.dataSourceId);
        ds.put("name", kb.id.toLowerCase(Locale.ROOT) + "-folder");
        ds.put("status", "AVAILABLE");
        ds.put("description", "Folder " + kb.folder.toAbsolutePath());
        ds.put("updatedAt", kb.createdAt.toString());
        ex.sendJson(200, body);
    }
}
