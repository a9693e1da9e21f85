package dev.camelbedrock.emulator.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.guardrails.Guardrail;
import dev.camelbedrock.emulator.guardrails.GuardrailResult;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.core.Tokens;
import dev.camelbedrock.emulator.core.Violations;

import static dev.camelbedrock.emulator.knowledge.KnowledgeBaseOperations.*;

import java.util.List;

/** Retrieve: a vector (or hybrid) search of one knowledge base, paged. */
final class Retrieval {

    private Retrieval() {
    }

    /** Validated vector search settings. */
    static final class SearchConfig {
        int numberOfResults = DEFAULT_RESULTS;
        boolean hybrid;
        JsonNode filter;
    }

    static SearchConfig searchConfig(JsonNode retrievalConfiguration, String path, Violations v) {
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

    static void retrieve(Exchange ex, KnowledgeBases kbs) {
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

}
