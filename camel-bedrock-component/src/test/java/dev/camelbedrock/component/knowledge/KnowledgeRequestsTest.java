package dev.camelbedrock.component.knowledge;

import java.util.List;
import java.util.Map;

import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockagent.model.IngestionJob;
import software.amazon.awssdk.services.bedrockagentruntime.model.Citation;
import software.amazon.awssdk.services.bedrockagentruntime.model.ExternalSourceType;
import software.amazon.awssdk.services.bedrockagentruntime.model.KnowledgeBaseRetrievalResult;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalResultContent;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalResultLocation;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalResultLocationType;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateType;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievedReference;
import software.amazon.awssdk.services.bedrockagentruntime.model.SearchType;

import static org.assertj.core.api.Assertions.assertThat;

/** How retrieve and retrieveAndGenerate requests are built from options and headers, and how results are mapped. */
class KnowledgeRequestsTest extends BedrockTestSupport {

    private static final String KB = "KBTEST0001";

    private BedrockEndpoint endpoint(String uri) throws Exception {
        BedrockEndpoint e = context.getEndpoint(uri, BedrockEndpoint.class);
        e.start();
        return e;
    }

    private Exchange exchange(Object body) {
        Exchange ex = new DefaultExchange(context);
        ex.getMessage().setBody(body);
        return ex;
    }

    @Test
    void retrieveCarriesTheVectorSearchSettings() throws Exception {
        RetrieveHandler h = new RetrieveHandler(endpoint("bedrock:retrieve?knowledgeBaseId=" + KB + "&numberOfResults=7&searchType=HYBRID"
                + "&retrievalFilter={\"equals\":{\"key\":\"category\",\"value\":\"faq\"}}&rerankingModelId=amazon.rerank-v1:0"
                + "&numberOfRerankedResults=3"));
        RetrieveRequest r = h.request(exchange("What is a fox?"), "retrieve");
        assertThat(r.knowledgeBaseId()).isEqualTo(KB);
        assertThat(r.retrievalQuery().text()).isEqualTo("What is a fox?");
        var v = r.retrievalConfiguration().vectorSearchConfiguration();
        assertThat(v.numberOfResults()).isEqualTo(7);
        assertThat(v.overrideSearchType()).isEqualTo(SearchType.HYBRID);
        assertThat(v.filter().equalsValue().key()).isEqualTo("category");
        assertThat(v.rerankingConfiguration().bedrockRerankingConfiguration().modelConfiguration().modelArn())
                .isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/amazon.rerank-v1:0");
        assertThat(v.rerankingConfiguration().bedrockRerankingConfiguration().numberOfRerankedResults()).isEqualTo(3);
    }

    @Test
    void headersOverrideTheOptions() throws Exception {
        RetrieveHandler h = new RetrieveHandler(endpoint("bedrock:retrieve?knowledgeBaseId=" + KB + "&numberOfResults=7"));
        Exchange ex = exchange("q");
        ex.getMessage().setHeader(BedrockHeaders.KNOWLEDGE_BASE_ID, "KBOTHER002");
        ex.getMessage().setHeader(BedrockHeaders.NUMBER_OF_RESULTS, 2);
        ex.getMessage().setHeader(BedrockHeaders.SEARCH_TYPE, "SEMANTIC");
        ex.getMessage().setHeader(BedrockHeaders.RETRIEVAL_FILTER, Map.of("notEquals", Map.of("key", "draft", "value", true)));
        RetrieveRequest r = h.request(ex, "retrieve");
        assertThat(r.knowledgeBaseId()).isEqualTo("KBOTHER002");
        assertThat(r.retrievalConfiguration().vectorSearchConfiguration().numberOfResults()).isEqualTo(2);
        assertThat(r.retrievalConfiguration().vectorSearchConfiguration().overrideSearchType()).isEqualTo(SearchType.SEMANTIC);
        assertThat(r.retrievalConfiguration().vectorSearchConfiguration().filter().notEquals().key()).isEqualTo("draft");
    }

    @Test
    void withoutSettingsNoRetrievalConfigurationIsSent() throws Exception {
        RetrieveHandler h = new RetrieveHandler(endpoint("bedrock:retrieve?knowledgeBaseId=" + KB));
        assertThat(h.request(exchange("q"), "retrieve").retrievalConfiguration()).isNull();
        RetrieveRequest given = RetrieveRequest.builder().retrievalQuery(q -> q.text("mine")).build();
        assertThat(h.request(exchange(given), "retrieve").knowledgeBaseId()).isEqualTo(KB);
    }

    @Test
    void retrieveAndGenerateFromAKnowledgeBase() throws Exception {
        RetrieveAndGenerateHandler h = new RetrieveAndGenerateHandler(endpoint("bedrock:retrieveAndGenerate?knowledgeBaseId="
                + "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/" + KB + "&modelId=" + MODEL + "&numberOfResults=3"
                + "&promptTemplate=Use $search_results$ to answer $query$&maxTokens=300&temperature=0"
                + "&guardrailIdentifier=gr1&guardrailVersion=2"));
        Exchange ex = exchange("What do foxes eat?");
        ex.getMessage().setHeader(BedrockHeaders.SESSION_ID, "session-42");
        RetrieveAndGenerateRequest r = h.request(ex, "retrieveAndGenerate");
        assertThat(r.input().text()).isEqualTo("What do foxes eat?");
        assertThat(r.sessionId()).isEqualTo("session-42");
        assertThat(r.retrieveAndGenerateConfiguration().type()).isEqualTo(RetrieveAndGenerateType.KNOWLEDGE_BASE);
        var kb = r.retrieveAndGenerateConfiguration().knowledgeBaseConfiguration();
        assertThat(kb.knowledgeBaseId()).as("the bare id, not the ARN").isEqualTo(KB);
        assertThat(kb.modelArn()).isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/" + MODEL);
        assertThat(kb.retrievalConfiguration().vectorSearchConfiguration().numberOfResults()).isEqualTo(3);
        assertThat(kb.generationConfiguration().promptTemplate().textPromptTemplate()).isEqualTo("Use $search_results$ to answer $query$");
        assertThat(kb.generationConfiguration().inferenceConfig().textInferenceConfig().maxTokens()).isEqualTo(300);
        assertThat(kb.generationConfiguration().inferenceConfig().textInferenceConfig().temperature()).isZero();
        assertThat(kb.generationConfiguration().guardrailConfiguration().guardrailId()).isEqualTo("gr1");
        assertThat(kb.generationConfiguration().guardrailConfiguration().guardrailVersion()).isEqualTo("2");
    }

    @Test
    void anInferenceProfileIdWithTheAccountOption() throws Exception {
        RetrieveAndGenerateHandler h = new RetrieveAndGenerateHandler(endpoint("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB
                + "&modelId=us.anthropic.claude-3-5-haiku-20241022-v1:0&accountId=123456789012"));
        assertThat(h.request(exchange("q"), "retrieveAndGenerate").retrieveAndGenerateConfiguration().knowledgeBaseConfiguration()
                .modelArn()).isEqualTo("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0");
    }

    @Test
    void retrieveAndGenerateFromExternalSources() throws Exception {
        RetrieveAndGenerateHandler h = new RetrieveAndGenerateHandler(endpoint("bedrock:retrieveAndGenerate?modelId=" + MODEL
                + "&externalSourceUri=s3://docs/foxes.pdf"));
        Exchange ex = exchange("What do foxes eat?");
        ex.getMessage().setHeader(BedrockHeaders.DOCUMENTS, Map.of("notes.txt", "Foxes eat berries.", "table.csv", new byte[] { 'a', ',' }));
        var c = h.request(ex, "retrieveAndGenerate").retrieveAndGenerateConfiguration();
        assertThat(c.type()).isEqualTo(RetrieveAndGenerateType.EXTERNAL_SOURCES);
        var sources = c.externalSourcesConfiguration().sources();
        assertThat(sources).hasSize(3);
        assertThat(sources.get(0).sourceType()).isEqualTo(ExternalSourceType.S3);
        assertThat(sources.get(0).s3Location().uri()).isEqualTo("s3://docs/foxes.pdf");
        assertThat(sources.subList(1, 3)).allSatisfy(s -> assertThat(s.sourceType()).isEqualTo(ExternalSourceType.BYTE_CONTENT));
        assertThat(sources.stream().filter(s -> s.byteContent() != null).map(s -> s.byteContent().identifier() + "=" + s.byteContent().contentType()))
                .containsExactlyInAnyOrder("notes.txt=text/plain", "table.csv=text/csv");
        assertThat(c.externalSourcesConfiguration().modelArn()).endsWith("::foundation-model/" + MODEL);
    }

    @Test
    void resultsAndCitationsAreMappedToTheDocumentedRecords() {
        RetrievalResultLocation s3 = RetrievalResultLocation.builder().type(RetrievalResultLocationType.S3)
                .s3Location(l -> l.uri("s3://kb/foxes.md")).build();
        BedrockRetrievalResult r = BedrockRetrievalResult.of(KnowledgeBaseRetrievalResult.builder()
                .content(RetrievalResultContent.builder().type("TEXT").text("Foxes eat berries.").build())
                .location(s3).score(0.73).documentId("doc-1")
                .metadata(Map.of("year", Document.fromNumber(2021), "tags", Document.fromList(List.of(Document.fromString("a")))))
                .build());
        assertThat(r).isEqualTo(new BedrockRetrievalResult("Foxes eat berries.", 0.73, "S3", "s3://kb/foxes.md",
                Map.of("year", 2021L, "tags", List.of("a")), "doc-1"));
        assertThat(BedrockRetrievalResult.of(KnowledgeBaseRetrievalResult.builder()
                .location(RetrievalResultLocation.builder().type("WEB").webLocation(w -> w.url("https://x")).build()).build()).uri())
                .isEqualTo("https://x");

        Exchange ex = exchange("question");
        RetrieveAndGenerateHandler.apply(ex, (RetrieveAndGenerateResponse) RetrieveAndGenerateResponse.builder()
                .sessionId("s-1").output(o -> o.text("Foxes eat berries and mice."))
                .citations(Citation.builder().generatedResponsePart(p -> p.textResponsePart(t -> t.text("Foxes eat berries")
                                .span(s -> s.start(0).end(16))))
                        .retrievedReferences(RetrievedReference.builder().content(c -> c.text("Foxes eat berries.")).location(s3)
                                .metadata(Map.of("x-amz-bedrock-kb-source-uri", Document.fromString("s3://kb/foxes.md"))).build())
                        .build())
                .guardrailAction("NONE")
                .responseMetadata(software.amazon.awssdk.services.bedrockagentruntime.model.BedrockAgentRuntimeResponseMetadata.create(
                        software.amazon.awssdk.awscore.DefaultAwsResponseMetadata.create(Map.of("AWS_REQUEST_ID", "req-9"))))
                .build());
        assertThat(ex.getMessage().getBody()).isEqualTo("Foxes eat berries and mice.");
        assertThat(ex.getMessage().getHeader(BedrockHeaders.SESSION_ID)).isEqualTo("s-1");
        assertThat(ex.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ACTION)).isEqualTo("NONE");
        assertThat(ex.getMessage().getHeader(BedrockHeaders.REQUEST_ID)).isEqualTo("req-9");
        @SuppressWarnings("unchecked")
        List<BedrockCitation> citations = ex.getMessage().getHeader(BedrockHeaders.CITATIONS, List.class);
        assertThat(citations).containsExactly(new BedrockCitation("Foxes eat berries", 0, 16, List.of(new BedrockRetrievalResult(
                "Foxes eat berries.", null, "S3", "s3://kb/foxes.md", Map.of("x-amz-bedrock-kb-source-uri", "s3://kb/foxes.md"), null))));
    }

    @Test
    void ingestionStatusesEndTheWaitAsBedrockMeansThem() {
        var running = IngestionJob.builder().status("IN_PROGRESS")
                .statistics(st -> st.numberOfDocumentsScanned(3L).numberOfNewDocumentsIndexed(1L).numberOfDocumentsFailed(0L)).build();
        assertThat(IngestionJobs.status(running).done()).isFalse();
        assertThat(IngestionJobs.status(running).status()).isEqualTo("IN_PROGRESS");
        assertThat(IngestionJobs.status(running).reason()).isEqualTo("3 documents scanned, 1 new indexed, 0 failed");
        assertThat(IngestionJobs.status(IngestionJob.builder().status("COMPLETE").build()).failed()).isFalse();
        var failed = IngestionJobs.status(IngestionJob.builder().status("FAILED").failureReasons("bucket gone", "no access").build());
        assertThat(failed.failed()).isTrue();
        assertThat(failed.reason()).isEqualTo("bucket gone; no access");
        assertThat(IngestionJobs.status(IngestionJob.builder().status("STOPPED").build()).failed()).isTrue();
    }
}
