package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.embedding.FeatureHashingEmbedder;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rerank models on InvokeModel (Cohere Rerank 3.5, Amazon Rerank): {@code {"query","documents":[string|object],
 * "top_n","api_version"}} → {@code {"id","results":[{"index","relevance_score"}]}}, best first; the score is the
 * cosine similarity of the feature-hashing embeddings of query and document, clipped to 0–1.
 */
final class Rerank extends NonTextFamily {

    @Override
    String name() {
        return "rerank";
    }

    @Override
    Output invoke(Invocation inv) {
        JsonNode b = inv.body;
        String query = Bodies.length(Bodies.requiredString(b, "#", "query"), "#/query", 1, 0);
        ArrayNode docs = Bodies.requiredArray(b, "#", "documents");
        if (docs.isEmpty() || docs.size() > 1000) {
            throw Bodies.malformed("#/documents: expected 1 to 1000 items, found: " + docs.size());
        }
        Integer topN = Bodies.optionalInt(b, "#", "top_n", 1, docs.size());
        float[] q = FeatureHashingEmbedder.text(query, 1024, "rerank");
        List<double[]> scored = new ArrayList<>();
        int tokens = ChatReplies.textTokens(query);
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            String text = d.isTextual() ? d.asText() : Json.string(d);
            tokens += ChatReplies.textTokens(text);
            double score = Math.max(0, Math.min(1, FeatureHashingEmbedder.cosine(q,
                    FeatureHashingEmbedder.text(text, 1024, "rerank"))));
            scored.add(new double[] {i, score});
        }
        scored.sort(Comparator.<double[]>comparingDouble(x -> -x[1]).thenComparingDouble(x -> x[0]));
        ObjectNode r = Json.object();
        r.put("id", Invocation.token(inv.exchange.requestId(), 32).toLowerCase());
        ArrayNode results = r.putArray("results");
        int n = topN == null ? scored.size() : topN;
        for (int i = 0; i < n; i++) {
            results.addObject().put("index", (int) scored.get(i)[0]).put("relevance_score", scored.get(i)[1]);
        }
        return new Output(r, tokens, 0);
    }
}
