package dev.camelbedrock.emulator.rerank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Op;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.embedding.FeatureHashingEmbedder;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rerank (bedrock-agent-runtime): one text query, 1 to 1000 inline sources (text or JSON), ranked by the cosine
 * similarity of their feature-hashing embeddings (the space the emulator's InvokeModel rerank models use), clipped to
 * 0–1, best first, ties in input order; {@code numberOfResults} keeps the best n (all when absent). The model must be
 * a rerank model of the catalog.
 */
public final class RerankOperations {

    private RerankOperations() {
    }

    public static List<Operation> operations(EmulatorContext context) {
        return List.of(Op.of("Rerank", "POST", "/rerank", Service.AGENT_RUNTIME, ex -> rerank(ex, context)));
    }

    private static void rerank(Exchange ex, EmulatorContext context) {
        JsonNode req = ex.json();
        JsonNode config = req.path("rerankingConfiguration").path("bedrockRerankingConfiguration");
        String modelArn = config.path("modelConfiguration").path("modelArn").asText("");
        String modelId = modelArn.substring(modelArn.lastIndexOf('/') + 1);
        if (!modelId.contains("rerank") || context.catalog().resolve(modelId).isEmpty()) {
            throw ServiceException.validation("The model " + modelArn + " is not a reranker model; use the ARN of"
                    + " amazon.rerank-v1:0 or cohere.rerank-v3-5:0.");
        }
        JsonNode query = req.path("queries").path(0);
        if (!"TEXT".equals(query.path("type").asText()) || !query.path("textQuery").path("text").isTextual()) {
            throw ServiceException.validation("The query must be of type TEXT with textQuery.text.");
        }
        float[] q = FeatureHashingEmbedder.text(query.path("textQuery").path("text").asText(), 1024, "rerank");
        List<double[]> scored = new ArrayList<>();
        JsonNode sources = req.path("sources");
        for (int i = 0; i < sources.size(); i++) {
            JsonNode doc = sources.get(i).path("inlineDocumentSource");
            String text = text(doc, i);
            double score = Math.max(0, Math.min(1, FeatureHashingEmbedder.cosine(q, FeatureHashingEmbedder.text(text, 1024, "rerank"))));
            scored.add(new double[] {i, score});
        }
        scored.sort(Comparator.<double[]>comparingDouble(x -> -x[1]).thenComparingDouble(x -> x[0]));
        int n = config.has("numberOfResults") ? Math.min(config.get("numberOfResults").asInt(), scored.size()) : scored.size();
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        for (int i = 0; i < n; i++) {
            int index = (int) scored.get(i)[0];
            ObjectNode r = results.addObject().put("index", index).put("relevanceScore", (float) scored.get(i)[1]);
            r.set("document", sources.get(index).path("inlineDocumentSource").deepCopy());
        }
        ex.sendJson(200, body);
    }

    private static String text(JsonNode doc, int i) {
        String type = doc.path("type").asText();
        if ("TEXT".equals(type) && doc.path("textDocument").path("text").isTextual()) {
            return doc.path("textDocument").path("text").asText();
        }
        if ("JSON".equals(type) && doc.has("jsonDocument")) {
            return Json.string(doc.get("jsonDocument"));
        }
        throw ServiceException.validation("sources." + (i + 1) + ".inlineDocumentSource: a TEXT document needs textDocument.text,"
                + " a JSON document jsonDocument.");
    }
}
