package dev.camelbedrock.component.rerank;

/**
 * One document of a rerank, in the ranked order.
 *
 * @param index    its position in the list the route sent, from 0
 * @param score    how relevant the reranker found it to the query
 * @param document the element the route sent (a String, a Map, a JsonNode or a BedrockRetrievalResult)
 */
public record BedrockRerankResult(int index, float score, Object document) {
}
