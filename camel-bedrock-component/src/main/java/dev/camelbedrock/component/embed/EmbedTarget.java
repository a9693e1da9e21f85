package dev.camelbedrock.component.embed;

/**
 * What an embed exchange resolved to before its body is read: the model, its codec, the checked options and the batch
 * limits. Two exchanges with equal targets build their requests the same way, so their texts may share one call.
 *
 * @param modelId          the model id, inference profile or ARN sent to Bedrock
 * @param codec            the embedding codec of the model's family (one instance per family)
 * @param options          the embed options, checked
 * @param batchLimit       how many texts one request may carry (the model catalog's batch limit)
 * @param coalesceMaxBatch how many single-text exchanges one coalesced call carries (1 to {@code batchLimit})
 * @param maxTextChars     the longest text sent, in characters, or 0 when not checked (no known token limit, or the
 *                         service truncates)
 */
record EmbedTarget(String modelId, EmbeddingCodec codec, EmbedOptions options, int batchLimit, int coalesceMaxBatch,
                   int maxTextChars) {
}
