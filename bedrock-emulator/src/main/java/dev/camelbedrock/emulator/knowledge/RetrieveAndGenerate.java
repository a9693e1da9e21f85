package dev.camelbedrock.emulator.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.core.StreamPlayer;
import dev.camelbedrock.emulator.eventstream.EventStreamEncoder;
import dev.camelbedrock.emulator.guardrails.Guardrail;
import dev.camelbedrock.emulator.guardrails.GuardrailResult;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.FoundationModel;
import dev.camelbedrock.emulator.models.ResolvedModel;
import dev.camelbedrock.emulator.core.Violations;

import static dev.camelbedrock.emulator.knowledge.KnowledgeBaseOperations.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** RetrieveAndGenerate and its stream: an answer built from the retrieved chunks, with citations. */
final class RetrieveAndGenerate {

    private RetrieveAndGenerate() {
    }

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

    static Rag rag(Exchange ex, KnowledgeBases kbs) {
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
        Retrieval.SearchConfig sc = new Retrieval.SearchConfig();
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
                    sc = Retrieval.searchConfig(cfg.get("retrievalConfiguration"), cfgPath + ".retrievalConfiguration", v);
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
    static void checkModel(EmulatorContext ctx, String modelArn) {
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
    static Corpus externalSource(KnowledgeBases kbs, JsonNode source) {
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

    static void stream(Exchange ex, Rag rag) {
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

    static Supplier<byte[]> frame(String type, ObjectNode payload) {
        byte[] f = EventStreamEncoder.event(type, Json.bytes(payload));
        return () -> f;
    }

}
