package dev.camelbedrock.emulator.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.core.Tokens;
import dev.camelbedrock.emulator.core.Violations;

import static dev.camelbedrock.emulator.knowledge.KnowledgeBaseOperations.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** bedrock-agent on the knowledge bases: ingestion jobs and data sources. */
final class IngestionOperations {

    private IngestionOperations() {
    }

    static KnowledgeBases.KnowledgeBase agentKb(Exchange ex, KnowledgeBases kbs, boolean withDataSource) {
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

    static void startIngestion(Exchange ex, KnowledgeBases kbs) {
        KnowledgeBases.KnowledgeBase kb = agentKb(ex, kbs, true);
        JsonNode req = ex.json();
        String description = Json.text(req, "description");
        new Violations().length(description, "description", 1, 200).throwIfAny(Service.AGENT);
        KnowledgeBases.IngestionJob job = kbs.startIngestion(kb, description, Json.text(req, "clientToken"));
        ObjectNode body = Json.object();
        body.set("ingestionJob", kbs.toJson(kb, job));
        ex.sendJson(202, body);
    }

    static void getIngestion(Exchange ex, KnowledgeBases kbs) {
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

    static void listIngestion(Exchange ex, KnowledgeBases kbs) {
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

    static void listDataSources(Exchange ex, KnowledgeBases kbs) {
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
