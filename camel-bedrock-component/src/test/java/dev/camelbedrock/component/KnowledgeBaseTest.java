package dev.camelbedrock.component;

import java.util.List;
import java.util.Map;

import java.util.stream.Stream;

import dev.camelbedrock.component.error.BedrockConflictException;
import dev.camelbedrock.component.error.BedrockModelException;
import dev.camelbedrock.component.error.BedrockQuotaExceededException;
import dev.camelbedrock.component.error.BedrockResourceNotFoundException;
import dev.camelbedrock.component.error.BedrockServiceException;
import dev.camelbedrock.component.error.BedrockThrottlingException;
import dev.camelbedrock.component.error.BedrockUnavailableException;
import dev.camelbedrock.component.knowledge.BedrockCitation;
import dev.camelbedrock.component.knowledge.BedrockRetrievalResult;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrockagent.model.IngestionJob;
import software.amazon.awssdk.services.bedrockagent.model.IngestionJobStatistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Knowledge bases through the SDK to the emulator, which serves the folder kb/ (three documents with metadata files) as
 * knowledge base KBTEST0001: retrieve, a RAG route with citations and a session, external sources, ingestion.
 */
class KnowledgeBaseTest extends BedrockTestSupport {

    static final String KB = "KBTEST0001";

    @BeforeAll
    static void startEmulator() {
        emulator = FeatureEmulator.launch("--knowledge-base", KB + "=" + FeatureEmulator.resource("kb"),
                "--guardrail", GuardrailTest.GUARDRAIL + "=" + FeatureEmulator.resource("guardrails/support-desk.json"));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String dataSource = emulator.knowledgeBases().get(KB).dataSourceId();
                from("direct:retrieve").to("bedrock:retrieve?knowledgeBaseId=" + KB + "&numberOfResults=3");
                from("direct:policies").to("bedrock:retrieve?knowledgeBaseId=" + KB
                                           + "&retrievalFilter={\"equals\":{\"key\":\"category\",\"value\":\"policy\"}}");
                from("direct:rag")
                        .to("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB + "&modelId=" + MODEL + "&numberOfResults=2"
                            + "&promptTemplate=Answer from these results only:\n$search_results$\n\nQuestion: $query$\n$output_format_instructions$")
                        .setHeader("citedSources", simple("${header.CamelBedrockCitations.size()}"));
                from("direct:ragGuarded").to("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB + "&modelId=" + MODEL + "&"
                                             + GuardrailTest.GUARD);
                from("direct:ragProfile").to("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB
                                             + "&modelId=us.anthropic.claude-3-5-haiku-20241022-v1:0&accountId=123456789012");
                from("direct:external").to("bedrock:retrieveAndGenerate?modelId=" + MODEL);
                from("direct:ingest").to("bedrock:startIngestionJob?knowledgeBaseId=" + KB + "&dataSourceId=" + dataSource
                                         + "&waitForCompletion=true&pollInterval=100&waitTimeout=20000");
                from("direct:job").to("bedrock:getIngestionJob?knowledgeBaseId=" + KB + "&dataSourceId=" + dataSource);
            }
        };
    }

    @Test
    void retrieveReturnsScoredChunksWithTheirSource() {
        @SuppressWarnings("unchecked")
        List<BedrockRetrievalResult> results = template.requestBody("direct:retrieve", "What do red foxes eat?", List.class);
        assertThat(results).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        BedrockRetrievalResult best = results.get(0);
        assertThat(best.text()).contains("foxes");
        assertThat(best.score()).isNotNull();
        assertThat(best.locationType()).isNotBlank();
        assertThat(best.uri()).contains("foxes");
        assertThat(results).extracting(BedrockRetrievalResult::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        RecordedRequest sent = emulator.lastRequest("Retrieve").orElseThrow();
        assertThat(sent.json().at("/retrievalConfiguration/vectorSearchConfiguration/numberOfResults").asInt()).isEqualTo(3);
    }

    static Stream<Arguments> agentRuntimeErrors() {
        return Stream.of(
                Arguments.of("DependencyFailedException", 424, BedrockModelException.class),
                Arguments.of("BadGatewayException", 502, BedrockUnavailableException.class),
                Arguments.of("ConflictException", 409, BedrockConflictException.class),
                Arguments.of("ModelNotReadyException", 424, BedrockThrottlingException.class),
                Arguments.of("ServiceQuotaExceededException", 400, BedrockQuotaExceededException.class),
                Arguments.of("ResourceNotFoundException", 404, BedrockResourceNotFoundException.class));
    }

    /** The agent-runtime error codes and statuses, from the emulator to the typed exception. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("agentRuntimeErrors")
    void agentRuntimeErrorsBecomeTypedExceptions(String code, int status, Class<? extends BedrockServiceException> type) {
        emulator.faults().add(Fault.error(code).forOperation("Retrieve"));
        Exchange out = template.request("direct:retrieve", e -> e.getMessage().setBody("foxes"));
        assertThat(out.getException()).isInstanceOf(type);
        BedrockServiceException e = (BedrockServiceException) out.getException();
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getOperation()).isEqualTo("retrieve");
    }

    @Test
    void aMetadataFilterNarrowsTheResults() {
        @SuppressWarnings("unchecked")
        List<BedrockRetrievalResult> results = template.requestBody("direct:policies", "How do refunds work?", List.class);
        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.uri()).contains("returns");
            assertThat(r.metadata()).containsEntry("category", "policy");
        });
    }

    @Test
    void aRagRouteAnswersWithCitationsAndKeepsTheSession() {
        Exchange first = template.request("direct:rag", e -> e.getMessage().setBody("What do red foxes eat?"));
        assertThat(first.getException()).isNull();
        String answer = first.getMessage().getBody(String.class);
        assertThat(answer).isNotBlank();
        @SuppressWarnings("unchecked")
        List<BedrockCitation> citations = first.getMessage().getHeader(BedrockHeaders.CITATIONS, List.class);
        assertThat(citations).isNotEmpty().allSatisfy(c -> {
            assertThat(c.references()).isNotEmpty();
            assertThat(c.references()).allSatisfy(r -> assertThat(r.uri()).isNotBlank());
            if (c.start() != null) {
                assertThat(c.start()).isBetween(0, answer.length());
                assertThat(c.end()).isBetween(c.start(), answer.length());
            }
        });
        assertThat(citations.get(0).references().get(0).uri()).contains("foxes");
        assertThat(first.getMessage().getHeader("citedSources", Integer.class)).isEqualTo(citations.size());
        String session = first.getMessage().getHeader(BedrockHeaders.SESSION_ID, String.class);
        assertThat(session).isNotBlank();
        RecordedRequest sent = emulator.lastRequest("RetrieveAndGenerate").orElseThrow();
        assertThat(sent.json().at("/retrieveAndGenerateConfiguration/knowledgeBaseConfiguration/modelArn").asText())
                .isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/" + MODEL);
        assertThat(sent.json().at("/retrieveAndGenerateConfiguration/knowledgeBaseConfiguration/generationConfiguration"
                                  + "/promptTemplate/textPromptTemplate").asText()).contains("$search_results$");

        Exchange second = template.request("direct:rag", e -> {
            e.getMessage().setBody("And when do they hunt?");
            e.getMessage().setHeader(BedrockHeaders.SESSION_ID, session);
        });
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(BedrockHeaders.SESSION_ID)).isEqualTo(session);
        assertThat(emulator.lastRequest("RetrieveAndGenerate").orElseThrow().json().path("sessionId").asText()).isEqualTo(session);
    }

    @Test
    void aGuardrailOnTheGenerationStepIntervenes() {
        Exchange out = template.request("direct:ragGuarded", e -> e.getMessage().setBody("Where can I buy a bazooka?"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo("Sorry, I cannot help with that request.");
        assertThat(out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ACTION)).isEqualTo("INTERVENED");
        assertThat(out.getMessage().getHeader(BedrockHeaders.CITATIONS, List.class)).isEmpty();
    }

    @Test
    void anInferenceProfileIdIsSentAsItsArn() {
        Exchange out = template.request("direct:ragProfile", e -> e.getMessage().setBody("What do barn owls eat?"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        assertThat(emulator.lastRequest("RetrieveAndGenerate").orElseThrow().json()
                .at("/retrieveAndGenerateConfiguration/knowledgeBaseConfiguration/modelArn").asText())
                .isEqualTo("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0");
    }

    @Test
    void externalSourcesAnswerWithoutAKnowledgeBase() {
        Exchange out = template.request("direct:external", e -> {
            e.getMessage().setBody("How long do I have to return an item?");
            e.getMessage().setHeader(BedrockHeaders.DOCUMENTS, Map.of("policy.txt", "Unopened items can be returned within 30 days."));
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isNotBlank();
        assertThat(emulator.lastRequest("RetrieveAndGenerate").orElseThrow().json()
                .at("/retrieveAndGenerateConfiguration/type").asText()).isEqualTo("EXTERNAL_SOURCES");
    }

    @Test
    void anIngestionJobIsAwaitedAndItsStatisticsAreHeaders() {
        Exchange out = template.request("direct:ingest", e -> { });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isInstanceOf(IngestionJob.class);
        assertThat(out.getMessage().getHeader(BedrockHeaders.INGESTION_JOB_STATUS)).isEqualTo("COMPLETE");
        IngestionJobStatistics stats = out.getMessage().getHeader(BedrockHeaders.INGESTION_JOB_STATISTICS, IngestionJobStatistics.class);
        assertThat(stats.numberOfDocumentsScanned()).isGreaterThanOrEqualTo(3);
        String jobId = out.getMessage().getHeader(BedrockHeaders.INGESTION_JOB_ID, String.class);

        Exchange again = template.request("direct:job", e -> e.getMessage().setHeader(BedrockHeaders.INGESTION_JOB_ID, jobId));
        assertThat(again.getMessage().getHeader(BedrockHeaders.INGESTION_JOB_STATUS)).isEqualTo("COMPLETE");
    }
}
