package dev.camelbedrock.component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.camelbedrock.component.error.BedrockInputException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input fails with a message naming the operation, what was wrong and what is accepted, before any request. */
class BadInputTest extends BedrockTestSupport {

    private static final String KB = "KBTEST0001";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:converse").to("bedrock:converse?modelId=" + MODEL);
                from("direct:stream").to("bedrock:converseStream?modelId=" + MODEL);
                from("direct:noModel").to("bedrock:converse");
                from("direct:badTools").to("bedrock:converse?modelId=" + MODEL + "&tools=[{\"description\":\"no name\"}]");
                from("direct:badJson").to("bedrock:converse?modelId=" + MODEL + "&additionalModelRequestFields={not json");
                from("direct:choiceNoTools").to("bedrock:converse?modelId=" + MODEL + "&toolChoice=any");
                from("direct:badChoice").to("bedrock:converse?modelId=" + MODEL + "&tools=classpath:tools.json&toolChoice=tool:nope");
                from("direct:halfGuardrail").to("bedrock:converse?modelId=" + MODEL + "&guardrailIdentifier=gr-1");
                from("direct:badTier").to("bedrock:converse?modelId=" + MODEL + "&serviceTier=gold");
                from("direct:badCache").to("bedrock:converse?modelId=" + MODEL + "&promptCachePoints=everywhere");
                from("direct:remoteTools").to("bedrock:converse?modelId=" + MODEL + "&tools=http://example.com/tools.json");
                // knowledge bases, guardrails, provisioned throughput, foundation models
                from("direct:retrieve").to("bedrock:retrieve?knowledgeBaseId=" + KB);
                from("direct:retrieveNoKb").to("bedrock:retrieve");
                from("direct:badFilter").to("bedrock:retrieve?knowledgeBaseId=" + KB + "&retrievalFilter={\"equals\":{\"key\":\"a\"}}");
                from("direct:rerankedNoModel").to("bedrock:retrieve?knowledgeBaseId=" + KB + "&numberOfRerankedResults=3");
                from("direct:rag").to("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB + "&modelId=" + MODEL);
                from("direct:ragNoModel").to("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB);
                from("direct:ragNoSource").to("bedrock:retrieveAndGenerate?modelId=" + MODEL);
                from("direct:ragBoth").to("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB + "&modelId=" + MODEL
                                          + "&externalSourceUri=s3://b/doc.pdf");
                from("direct:ragTemplate").to("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB + "&modelId=" + MODEL
                                              + "&promptTemplate=Answer $query$");
                from("direct:ragProfile").to("bedrock:retrieveAndGenerate?knowledgeBaseId=" + KB
                                             + "&modelId=us.anthropic.claude-3-5-haiku-20241022-v1:0");
                from("direct:ragBadUri").to("bedrock:retrieveAndGenerate?modelId=" + MODEL + "&externalSourceUri=https://x/doc.pdf");
                from("direct:ingest").to("bedrock:startIngestionJob?knowledgeBaseId=" + KB);
                from("direct:getJob").to("bedrock:getIngestionJob?knowledgeBaseId=" + KB + "&dataSourceId=DS00000001");
                from("direct:guard").to("bedrock:applyGuardrail?guardrailIdentifier=gr1&guardrailVersion=1");
                from("direct:guardNone").to("bedrock:applyGuardrail");
                from("direct:guardBadAction").to("bedrock:applyGuardrail?guardrailIdentifier=gr1&guardrailVersion=1"
                                                 + "&guardrailInterventionAction=explode");
                from("direct:createPt").to("bedrock:createProvisionedThroughput?provisionedModelName=pm-1&modelUnits=1"
                                           + "&modelId=amazon.titan-text-express-v1");
                from("direct:createPtNoUnits").to("bedrock:createProvisionedThroughput?provisionedModelName=pm-1"
                                                  + "&modelId=amazon.titan-text-express-v1");
                from("direct:getPt").to("bedrock:getProvisionedThroughput");
                from("direct:waitPt").to("bedrock:getProvisionedThroughput?provisionedModelId=pm-1&waitForCompletion=true&pollInterval=0");
                from("direct:updatePt").to("bedrock:updateProvisionedThroughput?provisionedModelId=pm-1");
                from("direct:listPt").to("bedrock:listProvisionedThroughputs?pageSize=5000");
                from("direct:getFm").to("bedrock:getFoundationModel");
            }
        };
    }

    private static Message user(String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
    }

    private static Message assistant(String text) {
        return Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText(text)).build();
    }

    private static Consumer<Exchange> body(Object body) {
        return e -> e.getMessage().setBody(body);
    }

    private static Consumer<Exchange> bodyAndHeader(Object body, String header, Object value) {
        return e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(header, value);
        };
    }

    static Stream<Arguments> badInputs() {
        Message orphanResult = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromToolResult(
                ToolResultBlock.builder().toolUseId("tooluse_missing")
                        .content(ToolResultContentBlock.fromJson(Document.fromMap(Map.of()))).build())).build();
        return Stream.of(
                Arguments.of("null body", "direct:converse", body(null), "the body is empty"),
                Arguments.of("blank prompt", "direct:converse", body("   "), "blank"),
                Arguments.of("empty list", "direct:converse", body(List.of()), "empty List"),
                Arguments.of("list of strings", "direct:converse", body(List.of("a", "b")), "java.lang.String"),
                Arguments.of("integer body", "direct:converse", body(42), "java.lang.Integer"),
                Arguments.of("byte[] body", "direct:converse", body(new byte[] { 1, 2 }), "[B"),
                Arguments.of("map body", "direct:converse", body(Map.of("prompt", "hi")), "Map"),
                Arguments.of("first turn from assistant", "direct:converse", body(List.of(assistant("hi"))), "first message"),
                Arguments.of("roles not alternating", "direct:converse", body(List.of(user("a"), user("b"))), "alternate"),
                Arguments.of("tool result without tool use", "direct:converse",
                        body(List.of(user("a"), assistant("b"), orphanResult)), "tooluse_missing"),
                Arguments.of("stream with blank prompt", "direct:stream", body(""), "converseStream"),
                Arguments.of("no model", "direct:noModel", body("hi"), "modelId"),
                Arguments.of("tool without name", "direct:badTools", body("hi"), "lacks a name"),
                Arguments.of("additional fields not JSON", "direct:badJson", body("hi"), "not valid JSON"),
                Arguments.of("toolChoice without tools", "direct:choiceNoTools", body("hi"), "no tools"),
                Arguments.of("toolChoice unknown tool", "direct:badChoice", body("hi"), "nope"),
                Arguments.of("guardrail without version", "direct:halfGuardrail", body("hi"), "guardrailVersion"),
                Arguments.of("unknown service tier", "direct:badTier", body("hi"), "priority, default, flex, reserved"),
                Arguments.of("unknown cache point", "direct:badCache", body("hi"), "system, tools, messages"),
                Arguments.of("remote tools URL", "direct:remoteTools", body("hi"), "remote URL"),
                Arguments.of("maxTokens header zero", "direct:converse", bodyAndHeader("hi", BedrockHeaders.MAX_TOKENS, 0), "1 or more"),
                Arguments.of("maxTokens header not a number", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.MAX_TOKENS, "lots"), "an Integer"),
                Arguments.of("temperature above one", "direct:converse", bodyAndHeader("hi", BedrockHeaders.TEMPERATURE, 1.5f), "0 to 1"),
                Arguments.of("topP negative", "direct:converse", bodyAndHeader("hi", BedrockHeaders.TOP_P, -0.1f), "0 to 1"),
                Arguments.of("conversation header not a list", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.CONVERSATION, "history"), BedrockHeaders.CONVERSATION),
                Arguments.of("image not an image", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.IMAGES, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }), "PNG, JPEG, GIF or WebP"),
                Arguments.of("image too large", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.IMAGES, new byte[4_000_000]), "at most"),
                Arguments.of("image header wrong type", "direct:converse", bodyAndHeader("hi", BedrockHeaders.IMAGES, "cat.png"), "byte[]"),
                Arguments.of("document without extension", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.DOCUMENTS, Map.of("README", new byte[] { 1 })), "pdf, csv"),
                Arguments.of("images with a message body", "direct:converse",
                        bodyAndHeader(List.of(user("hi")), BedrockHeaders.IMAGES, new byte[] { 1 }), "String body only"),
                Arguments.of("unknown operation header", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.OPERATION, "chat"), "converse, converseStream"),
                Arguments.of("stop sequences wrong type", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.STOP_SEQUENCES, 7), "List of Strings"),
                Arguments.of("request metadata wrong type", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.REQUEST_METADATA, "k=v"), "Map"),
                // knowledge bases
                Arguments.of("retrieve without knowledge base", "direct:retrieveNoKb", body("q"), "knowledgeBaseId"),
                Arguments.of("retrieve blank query", "direct:retrieve", body("  "), "blank"),
                Arguments.of("retrieve query too long", "direct:retrieve", body("x".repeat(20_001)), "at most 20000"),
                Arguments.of("retrieve body not a String", "direct:retrieve", body(42), "RetrieveRequest"),
                Arguments.of("knowledge base id malformed", "direct:retrieve",
                        bodyAndHeader("q", BedrockHeaders.KNOWLEDGE_BASE_ID, "my-kb"), "10 letters or digits"),
                Arguments.of("numberOfResults above 100", "direct:retrieve",
                        bodyAndHeader("q", BedrockHeaders.NUMBER_OF_RESULTS, 101), "1 to 100"),
                Arguments.of("unknown search type", "direct:retrieve",
                        bodyAndHeader("q", BedrockHeaders.SEARCH_TYPE, "FUZZY"), "SEMANTIC, HYBRID"),
                Arguments.of("filter option without value", "direct:badFilter", body("q"), "$.equals"),
                Arguments.of("filter header not JSON", "direct:retrieve",
                        bodyAndHeader("q", BedrockHeaders.RETRIEVAL_FILTER, "{oops"), "not valid JSON"),
                Arguments.of("reranked count without reranker", "direct:rerankedNoModel", body("q"), "rerankingModelId"),
                Arguments.of("rag without model", "direct:ragNoModel", body("q"), "modelId"),
                Arguments.of("rag without knowledge base or source", "direct:ragNoSource", body("q"), "nothing to answer from"),
                Arguments.of("rag with knowledge base and source", "direct:ragBoth", body("q"), "not both"),
                Arguments.of("rag template without search results", "direct:ragTemplate", body("q"), "$search_results$"),
                Arguments.of("rag inference profile without account", "direct:ragProfile", body("q"), "accountId"),
                Arguments.of("rag external source not S3", "direct:ragBadUri", body("q"), "s3://bucket/key"),
                Arguments.of("rag question too long", "direct:rag", body("x".repeat(1001)), "at most 1000"),
                Arguments.of("rag session id malformed", "direct:rag",
                        bodyAndHeader("q", BedrockHeaders.SESSION_ID, "not a session!"), BedrockHeaders.SESSION_ID),
                Arguments.of("rag document without extension", "direct:ragNoSource",
                        bodyAndHeader("q", BedrockHeaders.DOCUMENTS, Map.of("README", "text")), "no known extension"),
                Arguments.of("ingestion without data source", "direct:ingest", body(null), "dataSourceId"),
                Arguments.of("ingestion job without id", "direct:getJob", body(null), BedrockHeaders.INGESTION_JOB_ID),
                // guardrails
                Arguments.of("guardrail without identifier", "direct:guardNone", body("hi"), "no guardrail"),
                Arguments.of("guardrail blank text", "direct:guard", body(" "), "blank"),
                Arguments.of("guardrail mixed list", "direct:guard", body(List.of("a", 1)), "not mixed"),
                Arguments.of("guardrail empty list", "direct:guard", body(List.of()), "empty List"),
                Arguments.of("guardrail body a number", "direct:guard", body(7), "GuardrailContentBlock"),
                Arguments.of("guardrail source unknown", "direct:guard",
                        bodyAndHeader("hi", BedrockHeaders.GUARDRAIL_SOURCE, "BOTH"), "INPUT, OUTPUT"),
                Arguments.of("guardrail version malformed", "direct:guard",
                        bodyAndHeader("hi", BedrockHeaders.GUARDRAIL_VERSION, "latest"), "DRAFT or a version number"),
                Arguments.of("guardrail intervention action unknown", "direct:guardBadAction", body("hi"), "continue, fail"),
                // provisioned throughput, foundation models
                Arguments.of("model units zero", "direct:createPt", bodyAndHeader(null, BedrockHeaders.MODEL_UNITS, 0), "1 or more"),
                Arguments.of("model units missing", "direct:createPtNoUnits", body(null), "modelUnits"),
                Arguments.of("commitment unknown", "direct:createPt",
                        bodyAndHeader(null, BedrockHeaders.COMMITMENT_DURATION, "ThreeYears"), "none, OneMonth, SixMonths"),
                Arguments.of("throughput name invalid", "direct:createPt",
                        bodyAndHeader(null, BedrockHeaders.PROVISIONED_MODEL_NAME, "my model!"), "not a valid name"),
                Arguments.of("throughput name too long", "direct:createPt",
                        bodyAndHeader(null, BedrockHeaders.PROVISIONED_MODEL_NAME, "p".repeat(64)), "1 to 63"),
                Arguments.of("client token too long", "direct:createPt",
                        bodyAndHeader(null, BedrockHeaders.CLIENT_REQUEST_TOKEN, "t".repeat(257)), "1 to 256"),
                Arguments.of("throughput without id", "direct:getPt", body(null), "provisionedModelId"),
                Arguments.of("wait with zero poll interval", "direct:waitPt", body(null), "positive pollInterval"),
                Arguments.of("update with nothing to change", "direct:updatePt", body(null), "nothing to change"),
                Arguments.of("list page size too large", "direct:listPt", body(null), "1 to 1000"),
                Arguments.of("foundation model without id", "direct:getFm", body(null), "modelId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectedBeforeAnyNetworkCall(String name, String route, Consumer<Exchange> input, String expected) {
        Exchange out = template.request(route, input::accept);

        assertThat(out.getException()).as(name).isInstanceOf(BedrockInputException.class);
        assertThat(out.getException().getMessage()).as(name).contains(expected);
        assertThat(Arrays.stream(BedrockOperation.values()).map(op -> op.name() + ": ")).as(name + ": names the operation")
                .anyMatch(out.getException().getMessage()::startsWith);
        assertThat(emulator.stats().total()).as("requests that reached the emulator").isZero();
    }
}
