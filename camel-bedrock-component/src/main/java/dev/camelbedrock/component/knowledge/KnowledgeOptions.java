package dev.camelbedrock.component.knowledge;

import java.util.regex.Pattern;

import dev.camelbedrock.component.options.SearchType;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.ModelArns;
import software.amazon.awssdk.services.bedrockagentruntime.model.KnowledgeBaseRetrievalConfiguration;
import software.amazon.awssdk.services.bedrockagentruntime.model.KnowledgeBaseVectorSearchConfiguration;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalFilter;
import software.amazon.awssdk.services.bedrockagentruntime.model.VectorSearchRerankingConfigurationType;

/**
 * The knowledge-base options every knowledge operation reads the same way: the knowledge base id and the vector search
 * settings (number of results, search type, metadata filter, reranking), each with its header override.
 */
final class KnowledgeOptions {

    private static final String ARN_MARKER = ":knowledge-base/";
    private static final Pattern BEDROCK_ID = Pattern.compile("[0-9a-zA-Z]{10}");

    private final EndpointContext endpoint;
    private volatile RetrievalFilter filterFromOption;

    KnowledgeOptions(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    EndpointOptions config() {
        return endpoint.getConfiguration();
    }

    /** The knowledge base id as given (retrieve accepts an id or an ARN in its path). */
    String knowledgeBaseIdOrArn(ExchangeOptions opts, String operation) {
        String id = opts.required(BedrockHeaders.KNOWLEDGE_BASE_ID, config().getKnowledgeBaseId(), "knowledgeBaseId", "knowledge base");
        if (!id.startsWith("arn:")) {
            checkId(id, "knowledge base id", operation);
        } else if (!id.contains(ARN_MARKER)) {
            throw new BedrockInputException(operation, null, "knowledge base '" + id + "' is an ARN but not a knowledge-base ARN;"
                    + " accepted: a 10-character id or arn:aws:bedrock:<region>:<account>:knowledge-base/<id>");
        }
        return id;
    }

    /** The bare id (retrieveAndGenerate's configuration and the agent API take no ARN): an ARN's last part. */
    String knowledgeBaseId(ExchangeOptions opts, String operation) {
        String id = knowledgeBaseIdOrArn(opts, operation);
        return id.startsWith("arn:") ? id.substring(id.indexOf(ARN_MARKER) + ARN_MARKER.length()) : id;
    }

    static void checkId(String id, String what, String operation) {
        if (!BEDROCK_ID.matcher(id).matches()) {
            throw new BedrockInputException(operation, null, what + " '" + id + "' is not a Bedrock id; accepted: 10 letters or digits");
        }
    }

    /** The number of results asked for (1-100), or null for the service default. */
    Integer numberOfResults(ExchangeOptions opts, String operation) {
        Integer n = opts.integer(BedrockHeaders.NUMBER_OF_RESULTS, config().getNumberOfResults());
        if (n != null && (n < 1 || n > 100)) {
            throw new BedrockInputException(operation, null, "numberOfResults is " + n + "; accepted: 1 to 100");
        }
        return n;
    }

    /** The retrieval configuration from the options and headers, or null when none of them is set. */
    KnowledgeBaseRetrievalConfiguration retrievalConfiguration(ExchangeOptions opts, String operation) {
        Integer results = numberOfResults(opts, operation);
        SearchType type = opts.option(BedrockHeaders.SEARCH_TYPE, config().getSearchType(), SearchType.class, "searchType");
        String searchType = type == null ? null : type.toString();
        RetrievalFilter filter = filter(opts, operation);
        String reranker = config().getRerankingModelId();
        Integer reranked = config().getNumberOfRerankedResults();
        if (reranked != null && reranker == null) {
            throw new BedrockInputException(operation, null, "numberOfRerankedResults is set but rerankingModelId is not; set"
                    + " rerankingModelId to the reranking model, or unset numberOfRerankedResults");
        }
        if (reranked != null && reranked < 1) {
            throw new BedrockInputException(operation, null, "numberOfRerankedResults is " + reranked + "; accepted: 1 or more");
        }
        if (results == null && searchType == null && filter == null && reranker == null) {
            return null;
        }
        KnowledgeBaseVectorSearchConfiguration.Builder v = KnowledgeBaseVectorSearchConfiguration.builder()
                .numberOfResults(results).overrideSearchType(searchType).filter(filter);
        if (reranker != null) {
            String arn = ModelArns.foundationModel(reranker, region());
            v.rerankingConfiguration(r -> r.type(VectorSearchRerankingConfigurationType.BEDROCK_RERANKING_MODEL)
                    .bedrockRerankingConfiguration(b -> b.numberOfRerankedResults(reranked).modelConfiguration(m -> m.modelArn(arn))));
        }
        return KnowledgeBaseRetrievalConfiguration.builder().vectorSearchConfiguration(v.build()).build();
    }

    private RetrievalFilter filter(ExchangeOptions opts, String operation) {
        Object header = opts.raw(BedrockHeaders.RETRIEVAL_FILTER);
        if (header != null) {
            return RetrievalFilters.parse(header, "header " + BedrockHeaders.RETRIEVAL_FILTER, operation);
        }
        if (config().getRetrievalFilter() == null) {
            return null;
        }
        RetrievalFilter f = filterFromOption;
        if (f == null) {
            f = RetrievalFilters.parse(config().getRetrievalFilter(), "option retrievalFilter", operation);
            filterFromOption = f;
        }
        return f;
    }

    /** The region of the agent-runtime client, for model ARNs. */
    String region() {
        return endpoint.agentRuntimeClient().serviceClientConfiguration().region().id();
    }
}
