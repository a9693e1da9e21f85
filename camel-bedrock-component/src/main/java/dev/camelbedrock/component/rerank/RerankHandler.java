package dev.camelbedrock.component.rerank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.knowledge.BedrockRetrievalResult;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.JsonDocuments;
import dev.camelbedrock.component.support.ModelArns;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankDocument;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankDocumentType;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankQueryContentType;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankResult;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankSource;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankSourceType;
import software.amazon.awssdk.services.bedrockagentruntime.model.RerankingConfigurationType;

/**
 * {@code bedrock:rerank}: orders documents by their relevance to a query with a reranker model. Body in: a List of
 * documents (Strings as text; Maps and JsonNodes as JSON; BedrockRetrievalResults, as retrieve returns them, by their
 * text), the query in CamelBedrockRerankQuery; or a whole RerankRequest. Body out: a List of BedrockRerankResult, best
 * first, each with the element the route sent.
 */
public class RerankHandler implements BedrockOperationHandler {

    static final int MAX_DOCUMENTS = 1000;
    static final int MAX_QUERY = 32_000;
    static final String ACCEPTED = "a non-empty List of documents (String, Map, JsonNode or BedrockRetrievalResult) with the"
                                   + " query in header " + BedrockHeaders.RERANK_QUERY + ", or a"
                                   + " software.amazon.awssdk.services.bedrockagentruntime.model.RerankRequest";

    private final EndpointContext endpoint;

    public RerankHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        Object body = exchange.getMessage().getBody();
        List<?> documents = body instanceof List<?> list ? List.copyOf(list) : null;
        RerankRequest request = body instanceof RerankRequest given ? given : request(exchange, operation, documents);
        call.modelId(request.rerankingConfiguration().bedrockRerankingConfiguration().modelConfiguration().modelArn());
        return endpoint.agentRuntimeClient().rerank(request).thenAccept(response -> {
            List<BedrockRerankResult> ranked = new ArrayList<>();
            for (RerankResult r : response.results()) {
                Object document = documents != null ? documents.get(r.index()) : r.document();
                ranked.add(new BedrockRerankResult(r.index(), r.relevanceScore(), document));
            }
            exchange.getMessage().setBody(ranked);
            exchange.getMessage().setHeader(BedrockHeaders.REQUEST_ID, response.responseMetadata().requestId());
        });
    }

    RerankRequest request(Exchange exchange, String operation, List<?> documents) {
        Object body = exchange.getMessage().getBody();
        if (documents == null) {
            throw new BedrockInputException(operation, null, (body == null ? "the body is empty" : "the body is a "
                    + body.getClass().getName()) + "; accepted: " + ACCEPTED);
        }
        if (documents.isEmpty() || documents.size() > MAX_DOCUMENTS) {
            throw new BedrockInputException(operation, null, "the body has " + documents.size() + " documents; accepted: 1 to "
                    + MAX_DOCUMENTS + " in one rerank");
        }
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        String query = opts.string(BedrockHeaders.RERANK_QUERY, null);
        if (query == null || query.isBlank() || query.length() > MAX_QUERY) {
            throw new BedrockInputException(operation, null, "header " + BedrockHeaders.RERANK_QUERY + " is "
                    + (query == null ? "missing" : query.isBlank() ? "blank" : query.length() + " characters long")
                    + "; accepted: the query text, 1 to " + MAX_QUERY + " characters");
        }
        String model = opts.required(BedrockHeaders.MODEL_ID, endpoint.getConfiguration().getRerankingModelId(),
                "rerankingModelId", "reranker model (amazon.rerank-v1:0, cohere.rerank-v3-5:0 or an ARN)");
        String region = endpoint.agentRuntimeClient().serviceClientConfiguration().region().id();
        String modelArn = ModelArns.foundationModel(model, region);
        Integer count = endpoint.getConfiguration().getNumberOfRerankedResults();
        if (count != null && (count < 1 || count > MAX_DOCUMENTS)) {
            throw new BedrockInputException(operation, model, "numberOfRerankedResults is " + count + "; accepted: 1 to "
                    + MAX_DOCUMENTS);
        }
        List<RerankSource> sources = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            sources.add(RerankSource.builder().type(RerankSourceType.INLINE)
                    .inlineDocumentSource(document(documents.get(i), i, operation)).build());
        }
        return RerankRequest.builder()
                .queries(q -> q.type(RerankQueryContentType.TEXT).textQuery(t -> t.text(query)))
                .sources(sources)
                .rerankingConfiguration(c -> c.type(RerankingConfigurationType.BEDROCK_RERANKING_MODEL)
                        .bedrockRerankingConfiguration(b -> b.numberOfResults(count).modelConfiguration(m -> m.modelArn(modelArn))))
                .build();
    }

    private static RerankDocument document(Object element, int index, String operation) {
        if (element instanceof CharSequence text) {
            if (text.toString().isBlank()) {
                throw new BedrockInputException(operation, null, "document " + index + " is blank; accepted: documents with text");
            }
            return RerankDocument.builder().type(RerankDocumentType.TEXT).textDocument(t -> t.text(text.toString())).build();
        }
        if (element instanceof BedrockRetrievalResult result) {
            return RerankDocument.builder().type(RerankDocumentType.TEXT).textDocument(t -> t.text(result.text())).build();
        }
        if (element instanceof Map<?, ?> || element instanceof JsonNode) {
            JsonNode json = element instanceof JsonNode node ? node : JsonDocuments.MAPPER.valueToTree(element);
            if (!json.isObject()) {
                throw new BedrockInputException(operation, null, "document " + index + " is JSON but not an object; accepted: a"
                        + " JSON object");
            }
            return RerankDocument.builder().type(RerankDocumentType.JSON).jsonDocument(JsonDocuments.toDocument(json)).build();
        }
        throw new BedrockInputException(operation, null, "document " + index + " is a "
                + (element == null ? "null" : element.getClass().getName()) + "; accepted: String, Map, JsonNode or"
                + " BedrockRetrievalResult");
    }
}
