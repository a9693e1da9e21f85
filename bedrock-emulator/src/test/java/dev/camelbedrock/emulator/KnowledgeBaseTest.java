package dev.camelbedrock.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.Citation;
import software.amazon.awssdk.services.bedrockagentruntime.model.CitationEvent;
import software.amazon.awssdk.services.bedrockagentruntime.model.ExternalSourceType;
import software.amazon.awssdk.services.bedrockagentruntime.model.FilterAttribute;
import software.amazon.awssdk.services.bedrockagentruntime.model.KnowledgeBaseRetrievalResult;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalFilter;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateStreamResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateStreamResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateType;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.SearchType;
import software.amazon.awssdk.services.bedrockagentruntime.model.ValidationException;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievedReference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBaseTest {

    static final String KB = "KB12345678";
    static final String MODEL = "arn:aws:bedrock:us-east-1::foundation-model/" + HAIKU;
    static BedrockEmulator emulator;
    static BedrockAgentRuntimeAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder()
                .knowledgeBase(KB, Path.of("src/test/resources/kb"))
                .guardrail("support1", Path.of("src/test/resources/guardrails/support.json"))
                .build().start();
        client = Sdk.agentRuntime(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    static RetrieveResponse retrieve(String query, Consumer<software.amazon.awssdk.services.bedrockagentruntime.model
            .KnowledgeBaseVectorSearchConfiguration.Builder> search) {
        return join(client.retrieve(b -> b.knowledgeBaseId(KB).retrievalQuery(q -> q.text(query))
                .retrievalConfiguration(c -> c.vectorSearchConfiguration(search))));
    }

    static List<String> uris(RetrieveResponse r) {
        return r.retrievalResults().stream().map(x -> x.location().s3Location().uri()).toList();
    }

    static RetrievalFilter attr(String op, String key, Document value) {
        FilterAttribute a = FilterAttribute.builder().key(key).value(value).build();
        RetrievalFilter.Builder b = RetrievalFilter.builder();
        switch (op) {
            case "equals" -> b.equalsValue(a);
            case "notEquals" -> b.notEquals(a);
            case "greaterThan" -> b.greaterThan(a);
            case "greaterThanOrEquals" -> b.greaterThanOrEquals(a);
            case "lessThan" -> b.lessThan(a);
            case "lessThanOrEquals" -> b.lessThanOrEquals(a);
            case "in" -> b.in(a);
            case "notIn" -> b.notIn(a);
            case "startsWith" -> b.startsWith(a);
            case "listContains" -> b.listContains(a);
            case "stringContains" -> b.stringContains(a);
            default -> throw new IllegalArgumentException(op);
        }
        return b.build();
    }

    @Test
    void theChunkHoldingTheQueryWordsRanksFirst() {
        RetrieveResponse r = retrieve("how many days do I have to return an item", s -> { });
        assertThat(r.retrievalResults()).hasSize(5); // default numberOfResults
        KnowledgeBaseRetrievalResult top = r.retrievalResults().get(0);
        assertThat(top.content().text()).startsWith("# Return policy").contains("within 30 days");
        assertThat(top.content().typeAsString()).isEqualTo("TEXT");
        assertThat(top.location().typeAsString()).isEqualTo("S3");
        assertThat(top.location().s3Location().uri()).isEqualTo("s3://kb12345678/returns.md");
        assertThat(top.documentId()).isEqualTo("returns.md");
        assertThat(top.score()).isBetween(0.0, 1.0);
        assertThat(r.retrievalResults()).extracting(KnowledgeBaseRetrievalResult::score).isSortedAccordingTo(
                (a, b) -> Double.compare(b, a));
        assertThat(top.metadata().get("x-amz-bedrock-kb-source-uri").asString()).isEqualTo("s3://kb12345678/returns.md");
        assertThat(top.metadata().get("x-amz-bedrock-kb-chunk-id").asString()).matches("[0-9a-f-]{36}");
        assertThat(top.metadata().get("x-amz-bedrock-kb-data-source-id").asString())
                .isEqualTo(emulator.knowledgeBases().get(KB).dataSourceId()).matches("[0-9A-Z]{10}");
        assertThat(top.metadata().get("category").asString()).isEqualTo("policy");
        assertThat(top.metadata().get("year").asNumber().intValue()).isEqualTo(2024);

        assertThat(uris(retrieve("warranty for laptop hardware defects", s -> s.numberOfResults(1))))
                .containsExactly("s3://kb12345678/faq/warranty.txt");
        assertThat(uris(retrieve("customs duties for international orders", s -> s.numberOfResults(1))))
                .containsExactly("s3://kb12345678/shipping.md");
        assertThat(retrieve("express shipping next day", s -> s.numberOfResults(1)).retrievalResults().get(0)
                .content().text()).contains("Express shipping");
        // the ARN form of the id, percent-encoded in the path by the SDK
        RetrieveResponse byArn = join(client.retrieve(b -> b.knowledgeBaseId(
                "arn:aws:bedrock:us-east-1:123456789012:knowledge-base/" + KB).retrievalQuery(q -> q.text("refund"))));
        assertThat(byArn.retrievalResults()).isNotEmpty();
        assertThat(emulator.lastRequest("Retrieve").orElseThrow().path())
                .isEqualTo("/knowledgebases/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aknowledge-base%2F"
                        + KB + "/retrieve");
    }

    @Test
    void metadataFilters() {
        String q = "policy shipping warranty refund contact";
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("equals", "category",
                Document.fromString("policy")))))).containsOnly("s3://kb12345678/returns.md",
                "s3://kb12345678/faq/warranty.txt").hasSize(3);
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("greaterThan", "year",
                Document.fromNumber(2022)))))).containsOnly("s3://kb12345678/returns.md", "s3://kb12345678/shipping.md");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("lessThanOrEquals", "year",
                Document.fromNumber(2022)))))).containsExactly("s3://kb12345678/faq/warranty.txt");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("greaterThanOrEquals", "year",
                Document.fromNumber(2024)))))).containsOnly("s3://kb12345678/returns.md");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("lessThan", "year",
                Document.fromNumber(2024)))))).doesNotContain("s3://kb12345678/returns.md", "s3://kb12345678/faq/contact.txt");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("notEquals", "category",
                Document.fromString("policy")))))).containsOnly("s3://kb12345678/shipping.md",
                "s3://kb12345678/faq/contact.txt"); // a missing key passes notEquals
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("in", "year", Document.fromList(List.of(
                Document.fromNumber(2022), Document.fromNumber(2023)))))))).containsOnly(
                "s3://kb12345678/shipping.md", "s3://kb12345678/faq/warranty.txt");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("notIn", "category", Document.fromList(
                List.of(Document.fromString("policy")))))))).containsOnly("s3://kb12345678/shipping.md",
                "s3://kb12345678/faq/contact.txt");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("startsWith", "x-amz-bedrock-kb-source-uri",
                Document.fromString("s3://kb12345678/faq/")))))).containsOnly("s3://kb12345678/faq/warranty.txt",
                "s3://kb12345678/faq/contact.txt").hasSize(2);
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("listContains", "tags",
                Document.fromString("hardware")))))).containsExactly("s3://kb12345678/faq/warranty.txt");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("stringContains", "tags",
                Document.fromString("deliv")))))).containsOnly("s3://kb12345678/shipping.md");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(attr("stringContains", "audience",
                Document.fromString("custom")))))).hasSize(4);
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(RetrievalFilter.builder().andAll(
                attr("equals", "category", Document.fromString("policy")),
                attr("greaterThan", "year", Document.fromNumber(2023))).build()))))
                .containsOnly("s3://kb12345678/returns.md");
        assertThat(uris(retrieve(q, s -> s.numberOfResults(10).filter(RetrievalFilter.builder().orAll(
                attr("equals", "category", Document.fromString("logistics")),
                attr("listContains", "tags", Document.fromString("warranty"))).build()))))
                .containsOnly("s3://kb12345678/shipping.md", "s3://kb12345678/faq/warranty.txt");
        assertThatThrownBy(() -> retrieve(q, s -> s.filter(RetrievalFilter.builder().andAll(
                attr("equals", "category", Document.fromString("x"))).build())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("andAll");
    }

    @Test
    void paginationWithNextToken() {
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            RetrieveResponse page = join(client.retrieve(b -> b.knowledgeBaseId(KB).nextToken(t)
                    .retrievalQuery(q -> q.text("shipping"))
                    .retrievalConfiguration(c -> c.vectorSearchConfiguration(s -> s.numberOfResults(4)))));
            page.retrievalResults().forEach(r -> ids.add(r.metadata().get("x-amz-bedrock-kb-chunk-id").asString()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(2);
        assertThat(ids).hasSize(6).doesNotHaveDuplicates();
        assertThatThrownBy(() -> join(client.retrieve(b -> b.knowledgeBaseId(KB).nextToken("nope")
                .retrievalQuery(q -> q.text("other query"))))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> retrieve("x", s -> s.numberOfResults(101))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("numberOfResults");
        assertThatThrownBy(() -> join(client.retrieve(b -> b.knowledgeBaseId("KB00000000")
                .retrievalQuery(q -> q.text("x"))))).isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void hybridMixesKeywordScores() {
        RetrieveResponse semantic = retrieve("laptop warranty", s -> s.overrideSearchType(SearchType.SEMANTIC));
        RetrieveResponse hybrid = retrieve("laptop warranty", s -> s.overrideSearchType(SearchType.HYBRID));
        assertThat(uris(semantic).get(0)).isEqualTo("s3://kb12345678/faq/warranty.txt");
        assertThat(uris(hybrid).get(0)).isEqualTo("s3://kb12345678/faq/warranty.txt");
        double s0 = semantic.retrievalResults().get(0).score();
        double h0 = hybrid.retrievalResults().get(0).score();
        assertThat(h0).isEqualTo((s0 + 1) / 2, org.assertj.core.data.Offset.offset(1e-9)); // best BM25 normalizes to 1
        // chunks without the keywords get only half of their semantic score in hybrid
        assertThat(hybrid.retrievalResults().get(hybrid.retrievalResults().size() - 1).score())
                .isLessThan(semantic.retrievalResults().get(semantic.retrievalResults().size() - 1).score() + 1e-9);
    }

    static RetrieveAndGenerateResponse rag(String question, String sessionId) {
        return join(client.retrieveAndGenerate(b -> b.input(i -> i.text(question)).sessionId(sessionId)
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                        .knowledgeBaseConfiguration(k -> k.knowledgeBaseId(KB).modelArn(MODEL)))));
    }

    static void assertSpans(RetrieveAndGenerateResponse r) {
        String text = r.output().text();
        for (Citation c : r.citations()) {
            var part = c.generatedResponsePart().textResponsePart();
            assertThat(text.substring(part.span().start(), part.span().end())).isEqualTo(part.text());
            assertThat(c.retrievedReferences()).isNotEmpty();
        }
    }

    @Test
    void retrieveAndGenerateAnswersWithCitationsAndSessions() {
        RetrieveAndGenerateResponse r = rag("How long do refunds take after I return an item?", null);
        assertThat(r.sessionId()).matches("[0-9a-f-]{36}");
        assertThat(r.output().text()).contains("Refunds are issued to the original payment method within 5 business days");
        assertThat(r.citations()).isNotEmpty();
        assertSpans(r);
        Citation first = r.citations().get(0);
        assertThat(first.generatedResponsePart().textResponsePart().span().start()).isZero();
        RetrievedReference ref = first.retrievedReferences().get(0);
        assertThat(ref.location().s3Location().uri()).isEqualTo("s3://kb12345678/returns.md");
        assertThat(ref.content().text()).contains(first.generatedResponsePart().textResponsePart().text()
                .replace(".", ""));
        assertThat(ref.metadata().get("x-amz-bedrock-kb-source-uri").asString()).isEqualTo("s3://kb12345678/returns.md");
        assertThat(r.citations().get(r.citations().size() - 1).generatedResponsePart().textResponsePart().span().end())
                .isEqualTo(r.output().text().length());
        assertThat(r.guardrailAction()).isNull();

        // the same session on a follow-up: a short question is completed with the previous one
        RetrieveAndGenerateResponse again = rag("And the packaging?", r.sessionId());
        assertThat(again.sessionId()).isEqualTo(r.sessionId());
        assertThat(again.output().text()).contains("original packaging");
        assertSpans(again);

        assertThatThrownBy(() -> rag("hi", "0123456789abcdef")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Session with Id 0123456789abcdef is not valid");
        assertThatThrownBy(() -> rag("hi", "bad session!")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("sessionId");

        RetrieveAndGenerateResponse nothing = rag("zebra giraffe", null);
        assertThat(nothing.output().text()).isEqualTo("Sorry, I am unable to assist you with this request.");
        assertThat(nothing.citations()).isEmpty();
    }

    @Test
    void modelArnAndPromptTemplateValidation() {
        Consumer<String> call = model -> join(client.retrieveAndGenerate(b -> b.input(i -> i.text("refund"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                        .knowledgeBaseConfiguration(k -> k.knowledgeBaseId(KB).modelArn(model)))));
        call.accept(HAIKU);
        call.accept("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us." + HAIKU);
        assertThatThrownBy(() -> call.accept("acme.nothing-v1")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> call.accept("amazon.titan-embed-text-v2:0")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("text model");
        emulator.provisionedThroughputs().readyDelay(java.time.Duration.ZERO);
        String pt = emulator.provisionedThroughputs().create("rag-pt", HAIKU, 1, null, null, "us-east-1");
        call.accept(pt);

        assertThatThrownBy(() -> join(client.retrieveAndGenerate(b -> b.input(i -> i.text("refund"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                        .knowledgeBaseConfiguration(k -> k.knowledgeBaseId(KB).modelArn(MODEL)
                                .generationConfiguration(g -> g.promptTemplate(p -> p.textPromptTemplate(
                                        "Answer $query$ please"))))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("$search_results$");
        RetrieveAndGenerateResponse ok = join(client.retrieveAndGenerate(b -> b.input(i -> i.text("refund"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                        .knowledgeBaseConfiguration(k -> k.knowledgeBaseId(KB).modelArn(MODEL)
                                .retrievalConfiguration(rc -> rc.vectorSearchConfiguration(v -> v.numberOfResults(1)))
                                .generationConfiguration(g -> g.promptTemplate(p -> p.textPromptTemplate(
                                        "Use $search_results$ to answer $query$")))))));
        assertThat(ok.citations()).hasSize(1);
        assertThatThrownBy(() -> join(client.retrieveAndGenerate(b -> b.input(i -> i.text("refund"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                        .knowledgeBaseConfiguration(k -> k.knowledgeBaseId("KB99999999").modelArn(MODEL))))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void externalSources() {
        String doc = "# Pricing\n\nThe basic plan costs 10 dollars per month. The premium plan costs 25 dollars per month "
                + "and includes phone support.";
        RetrieveAndGenerateResponse r = join(client.retrieveAndGenerate(b -> b.input(i -> i.text(
                "How much does the premium plan cost?"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.EXTERNAL_SOURCES)
                        .externalSourcesConfiguration(e -> e.modelArn(MODEL).sources(s -> s
                                .sourceType(ExternalSourceType.BYTE_CONTENT)
                                .byteContent(bc -> bc.identifier("pricing.md").contentType("text/markdown")
                                        .data(SdkBytes.fromString(doc, StandardCharsets.UTF_8))))))));
        assertThat(r.output().text()).isEqualTo("The premium plan costs 25 dollars per month and includes phone support.");
        assertSpans(r);
        assertThat(r.citations().get(0).retrievedReferences().get(0).location().customDocumentLocation().id())
                .isEqualTo("pricing.md");

        RetrieveAndGenerateResponse s3 = join(client.retrieveAndGenerate(b -> b.input(i -> i.text(
                "Which countries do you ship to?"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.EXTERNAL_SOURCES)
                        .externalSourcesConfiguration(e -> e.modelArn(MODEL).sources(s -> s
                                .sourceType(ExternalSourceType.S3).s3Location(l -> l.uri("s3://kb12345678/shipping.md")))))));
        assertThat(s3.output().text()).contains("We ship to 40 countries.");
        assertThat(s3.citations().get(0).retrievedReferences().get(0).location().s3Location().uri())
                .isEqualTo("s3://kb12345678/shipping.md");
        assertThatThrownBy(() -> join(client.retrieveAndGenerate(b -> b.input(i -> i.text("x"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.EXTERNAL_SOURCES)
                        .externalSourcesConfiguration(e -> e.modelArn(MODEL).sources(s -> s
                                .sourceType(ExternalSourceType.S3).s3Location(l -> l.uri("s3://other-bucket/a.pdf"))))))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> join(client.retrieveAndGenerate(b -> b.input(i -> i.text("x"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.EXTERNAL_SOURCES)
                        .externalSourcesConfiguration(e -> e.modelArn(MODEL).sources(s -> s
                                .sourceType(ExternalSourceType.BYTE_CONTENT).byteContent(bc -> bc.identifier("a.pdf")
                                        .contentType("application/pdf").data(SdkBytes.fromUtf8String("%PDF")))))))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void guardrailOnRetrieveAndGenerate() {
        RetrieveAndGenerateResponse masked = join(client.retrieveAndGenerate(b -> b.input(i -> i.text(
                "How do I email the support team?"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                        .knowledgeBaseConfiguration(k -> k.knowledgeBaseId(KB).modelArn(MODEL)
                                .generationConfiguration(g -> g.guardrailConfiguration(gc -> gc.guardrailId("support1")
                                        .guardrailVersion("1")))))));
        assertThat(masked.output().text()).contains("by email at {EMAIL} and by phone");
        assertThat(masked.guardrailActionAsString()).isEqualTo("INTERVENED");
        assertSpans(masked);

        RetrieveAndGenerateResponse blocked = join(client.retrieveAndGenerate(b -> b.input(i -> i.text(
                "Which stocks should I buy?"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                        .knowledgeBaseConfiguration(k -> k.knowledgeBaseId(KB).modelArn(MODEL)
                                .generationConfiguration(g -> g.guardrailConfiguration(gc -> gc.guardrailId("support1")
                                        .guardrailVersion("1")))))));
        assertThat(blocked.output().text()).isEqualTo("Sorry, I cannot help with that request.");
        assertThat(blocked.citations()).isEmpty();
        assertThat(blocked.guardrailActionAsString()).isEqualTo("INTERVENED");

        RetrieveResponse retrieveBlocked = join(client.retrieve(b -> b.knowledgeBaseId(KB)
                .retrievalQuery(q -> q.text("Which stocks should I buy?"))
                .guardrailConfiguration(g -> g.guardrailId("support1").guardrailVersion("1"))));
        assertThat(retrieveBlocked.retrievalResults()).isEmpty();
        assertThat(retrieveBlocked.guardrailActionAsString()).isEqualTo("INTERVENED");
    }

    @Test
    void theStreamSendsOutputAndCitationEventsAndTheSessionHeader() {
        List<String> outputs = new CopyOnWriteArrayList<>();
        List<CitationEvent> citations = new CopyOnWriteArrayList<>();
        RetrieveAndGenerateStreamResponse[] response = new RetrieveAndGenerateStreamResponse[1];
        RetrieveAndGenerateStreamResponseHandler handler = RetrieveAndGenerateStreamResponseHandler.builder()
                .onResponse(r -> response[0] = r)
                .subscriber(RetrieveAndGenerateStreamResponseHandler.Visitor.builder()
                        .onOutput(o -> outputs.add(o.text()))
                        .onCitation(citations::add)
                        .build())
                .build();
        join(client.retrieveAndGenerateStream(b -> b.input(i -> i.text("How long does standard shipping take and "
                + "can I return an item?"))
                .retrieveAndGenerateConfiguration(c -> c.type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                        .knowledgeBaseConfiguration(k -> k.knowledgeBaseId(KB).modelArn(MODEL))), handler));
        assertThat(response[0].sessionId()).matches("[0-9a-f-]{36}");
        String text = String.join("", outputs);
        assertThat(outputs.size()).isGreaterThan(1).isEqualTo(citations.size());
        assertThat(text).contains("Standard shipping takes 3 to 5 business days.");
        for (CitationEvent c : citations) {
            var part = c.generatedResponsePart().textResponsePart();
            assertThat(text.substring(part.span().start(), part.span().end())).isEqualTo(part.text());
            assertThat(c.retrievedReferences()).isNotEmpty();
        }
        // the same answer as the non-streaming operation, and the session is usable there
        RetrieveAndGenerateResponse plain = rag("How long does standard shipping take and can I return an item?",
                response[0].sessionId());
        assertThat(plain.output().text()).isEqualTo(text);
        assertThat(emulator.stats().count("RetrieveAndGenerateStream")).isEqualTo(1);
    }
}
