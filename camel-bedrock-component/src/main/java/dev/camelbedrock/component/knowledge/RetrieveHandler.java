package dev.camelbedrock.component.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockagentruntime.model.KnowledgeBaseRetrievalConfiguration;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveResponse;

/**
 * {@code bedrock:retrieve}: queries a knowledge base. Body in: the query (a String) or a whole RetrieveRequest. Body
 * out: a List of {@link BedrockRetrievalResult}, best first. When numberOfResults is set and Bedrock pages, the
 * following pages are requested (each after the previous answered) until that many results are gathered.
 */
public class RetrieveHandler implements BedrockOperationHandler {

    static final int MAX_QUERY = 20_000;
    static final String ACCEPTED = "a String (the query) or a software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveRequest";

    private final EndpointContext endpoint;
    private final KnowledgeOptions options;

    public RetrieveHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.options = new KnowledgeOptions(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        RetrieveRequest request = request(exchange, operation);
        var vector = request.retrievalConfiguration() != null ? request.retrievalConfiguration().vectorSearchConfiguration() : null;
        Integer wanted = vector != null ? vector.numberOfResults() : null;
        return fetch(request, wanted, new ArrayList<>(), null).thenAccept(page -> {
            List<BedrockRetrievalResult> results = page.results.size() > (wanted != null ? wanted : Integer.MAX_VALUE)
                    ? List.copyOf(page.results.subList(0, wanted)) : List.copyOf(page.results);
            exchange.getMessage().setBody(results);
            exchange.getMessage().setHeader(BedrockHeaders.GUARDRAIL_ACTION, page.last.guardrailActionAsString());
            exchange.getMessage().setHeader(BedrockHeaders.REQUEST_ID, page.firstRequestId);
        });
    }

    RetrieveRequest request(Exchange exchange, String operation) {
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        Object body = exchange.getMessage().getBody();
        if (body instanceof RetrieveRequest given) {
            return given.knowledgeBaseId() != null ? given
                    : given.toBuilder().knowledgeBaseId(options.knowledgeBaseIdOrArn(opts, operation)).build();
        }
        if (!(body instanceof String query)) {
            throw new BedrockInputException(operation, null, (body == null ? "the body is empty" : "the body is a " + body.getClass().getName())
                    + "; accepted: " + ACCEPTED);
        }
        checkText(query, MAX_QUERY, "query", operation);
        String knowledgeBase = options.knowledgeBaseIdOrArn(opts, operation);
        KnowledgeBaseRetrievalConfiguration retrieval = options.retrievalConfiguration(opts, operation);
        return RetrieveRequest.builder().knowledgeBaseId(knowledgeBase).retrievalQuery(q -> q.text(query))
                .retrievalConfiguration(retrieval).build();
    }

    static void checkText(String text, int max, String what, String operation) {
        if (text.isBlank()) {
            throw new BedrockInputException(operation, null, "the " + what + " is blank; send non-blank text as the body");
        }
        if (text.length() > max) {
            throw new BedrockInputException(operation, null, "the " + what + " has " + text.length() + " characters; accepted: at most " + max);
        }
    }

    private record Pages(List<BedrockRetrievalResult> results, RetrieveResponse last, String firstRequestId) {
    }

    private CompletableFuture<Pages> fetch(RetrieveRequest request, Integer wanted, List<BedrockRetrievalResult> gathered,
                                           String firstRequestId) {
        return endpoint.agentRuntimeClient().retrieve(request).thenCompose(response -> {
            String requestId = firstRequestId != null ? firstRequestId : response.responseMetadata().requestId();
            if (response.hasRetrievalResults()) {
                response.retrievalResults().forEach(r -> gathered.add(BedrockRetrievalResult.of(r)));
            }
            boolean more = wanted != null && gathered.size() < wanted && response.nextToken() != null
                           && response.hasRetrievalResults() && !response.retrievalResults().isEmpty();
            if (more) {
                return fetch(request.toBuilder().nextToken(response.nextToken()).build(), wanted, gathered, requestId);
            }
            return CompletableFuture.completedFuture(new Pages(gathered, response, requestId));
        });
    }
}
