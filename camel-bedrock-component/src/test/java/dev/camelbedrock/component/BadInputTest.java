package dev.camelbedrock.component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.camelbedrock.component.error.BedrockInputException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * Bad input fails with a message naming the operation, what was wrong and what is accepted, before any request; and
 * the whole suite (a Camel context with its SDK clients started and stopped per case) leaves no thread and no
 * connection behind.
 */
class BadInputTest extends BedrockTestSupport {

    private static final String KB = "KBTEST0001";
    private static Set<Thread> threadsBefore;

    @BeforeAll
    static void rememberThreads() {
        threadsBefore = Thread.getAllStackTraces().keySet();
    }

    /**
     * After the last case's context stopped: no connection to the emulator is open and every thread started during
     * the suite has ended (waiting for the SDK's event loops, which end after their quiet period). Threads of the JVM's
     * shared pools (ForkJoinPool.commonPool, Netty's global executor) come and go on their own and are not counted.
     */
    @AfterAll
    static void noThreadOrConnectionLeftBehind() throws InterruptedException {
        assertThat(emulator.stats().openConnections()).as("connections open to the emulator").isZero();
        List<String> left = threadsLeft();
        for (int i = 0; i < 150 && !left.isEmpty(); i++) {
            Thread.sleep(100);
            left = threadsLeft();
        }
        assertThat(left).as("threads started by the suite and still alive").isEmpty();
    }

    private static List<String> threadsLeft() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !threadsBefore.contains(t))
                .map(Thread::getName)
                .filter(name -> !name.startsWith("ForkJoinPool.commonPool") && !name.equals("globalEventExecutor"))
                .sorted().toList();
    }

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
                from("direct:createPt").to("bedrock:createProvisionedThroughput?provisionedModelName=pm-1&modelUnits=1"
                                           + "&modelId=amazon.titan-text-express-v1");
                from("direct:createPtNoUnits").to("bedrock:createProvisionedThroughput?provisionedModelName=pm-1"
                                                  + "&modelId=amazon.titan-text-express-v1");
                from("direct:getPt").to("bedrock:getProvisionedThroughput");
                from("direct:waitPt").to("bedrock:getProvisionedThroughput?provisionedModelId=pm-1&waitForCompletion=true&pollInterval=0");
                from("direct:updatePt").to("bedrock:updateProvisionedThroughput?provisionedModelId=pm-1");
                from("direct:listPt").to("bedrock:listProvisionedThroughputs?pageSize=5000");
                from("direct:getFm").to("bedrock:getFoundationModel");
                from("direct:invoke").to("bedrock:invokeModel?modelId=" + MODEL);
                from("direct:invokeStream").to("bedrock:invokeModelStream?modelId=" + MODEL);
                from("direct:embedTitan").to("bedrock:embed?modelId=amazon.titan-embed-text-v2:0");
                from("direct:embed384").to("bedrock:embed?modelId=amazon.titan-embed-text-v2:0&dimensions=384");
                from("direct:embedBadType").to("bedrock:embed?modelId=cohere.embed-english-v3&embeddingTypes=int4");
                from("direct:embedInt8Titan").to("bedrock:embed?modelId=amazon.titan-embed-text-v2:0&embeddingTypes=int8");
                from("direct:embedNoConcurrency").to("bedrock:embed?modelId=amazon.titan-embed-text-v2:0&embedConcurrency=0");
                from("direct:embedNegativeWindow").to("bedrock:embed?modelId=cohere.embed-english-v3&embedCoalesceWindow=-1");
                from("direct:embedCoalesced").to("bedrock:embed?modelId=cohere.embed-english-v3&embedCoalesceWindow=20ms");
                from("direct:embedBatch97").to("bedrock:embed?modelId=cohere.embed-english-v3&embedCoalesceWindow=20ms"
                                               + "&embedCoalesceMaxBatch=97");
                from("direct:embedNegativeBatch").to("bedrock:embed?modelId=cohere.embed-english-v3&embedCoalesceMaxBatch=-5");
                String canvas = "bedrock:image?modelId=amazon.nova-canvas-v1:0";
                from("direct:canvas").to(canvas);
                from("direct:canvas256").to(canvas + "&width=256&height=256");
                from("direct:canvas1000").to(canvas + "&width=1000&height=1000");
                from("direct:canvas320x1600").to(canvas + "&width=320&height=1600");
                from("direct:canvas4096x1024").to(canvas + "&width=4096&height=1024");
                from("direct:canvasSix").to(canvas + "&numberOfImages=6");
                from("direct:canvasWidthOnly").to(canvas + "&width=512");
                from("direct:titan1000").to("bedrock:image?modelId=amazon.titan-image-generator-v2:0&width=1000&height=1000");
                from("direct:titanStyle").to("bedrock:image?modelId=amazon.titan-image-generator-v2:0&style=PHOTOREALISM");
                from("direct:titan").to("bedrock:image?modelId=amazon.titan-image-generator-v2:0");
                from("direct:sd35Ratio").to("bedrock:image?modelId=stability.sd3-5-large-v1:0&aspectRatio=4:3");
                from("direct:sd35Two").to("bedrock:image?modelId=stability.sd3-5-large-v1:0&numberOfImages=2");
                from("direct:sdxl1024x768").to("bedrock:image?modelId=stability.stable-diffusion-xl-v1&width=1024&height=768");
                from("direct:countRaw").to("bedrock:countTokens?modelId=" + MODEL + "&invokeBodyFormat=raw");
                from("direct:forcedRaw").to("bedrock:invokeModel?modelId=" + MODEL + "&invokeBodyFormat=raw");
            }
        };
    }

    private static Message user(String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
    }

    /**
     * The operation of the bedrock: endpoint that {@code route} sends to, read from the route as this test wrote it:
     * the path of the URI, or the CamelBedrockOperation header's value where a case overrides it with one.
     */
    private String operationOf(String route) {
        for (var definition : context.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class)
                .getRouteDefinitions()) {
            if (definition.getInput().getEndpointUri().equals(route)) {
                String to = ((org.apache.camel.model.ToDefinition) definition.getOutputs().get(0)).getUri();
                return to.substring("bedrock:".length()).split("\\?")[0];
            }
        }
        throw new IllegalArgumentException("no route from " + route);
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

    private static Consumer<Exchange> bodyAndHeaders(Object body, Map<String, Object> headers) {
        return e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        };
    }

    /** The 8-byte PNG signature: enough for the component to detect the format. */
    static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

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
                Arguments.of("document above 4.5 MB", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.DOCUMENTS, Map.of("big.pdf", new byte[4_500_001])),
                        "has 4500001 bytes; Converse accepts at most 4500000 bytes per document"),
                Arguments.of("document above 4.5 MB, streamed", "direct:stream",
                        bodyAndHeader("hi", BedrockHeaders.DOCUMENTS, Map.of("big.txt", new byte[4_500_001])),
                        "at most 4500000 bytes per document"),
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
                Arguments.of("foundation model without id", "direct:getFm", body(null), "modelId"),
                // what the model catalog knows a model cannot do
                Arguments.of("image to a model without image input", "direct:converse", bodyAndHeaders("hi", Map.of(
                        BedrockHeaders.MODEL_ID, "anthropic.claude-3-5-haiku-20241022-v1:0", BedrockHeaders.IMAGES, PNG_SIGNATURE)),
                        "does not accept that input"),
                Arguments.of("document to a model without document input", "direct:converse", bodyAndHeaders("hi", Map.of(
                        BedrockHeaders.MODEL_ID, "amazon.titan-text-express-v1", BedrockHeaders.DOCUMENTS, Map.of("a.pdf", new byte[] { 1 }))),
                        "carries a document"),
                Arguments.of("stream from a model that cannot stream", "direct:stream",
                        bodyAndHeader("hi", BedrockHeaders.MODEL_ID, "ai21.j2-mid-v1"), "does not support streaming"),
                Arguments.of("converse with an embedding model", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.MODEL_ID, "amazon.titan-embed-text-v2:0"), "use bedrock:embed"),
                // images and documents given as URLs (issue 7): nothing is fetched without mediaUrlAllowList
                Arguments.of("image URL without mediaUrlAllowList", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.IMAGES, "https://cdn.example.com/a.png"), "mediaUrlAllowList"),
                Arguments.of("image URI without mediaUrlAllowList, streamed", "direct:stream",
                        bodyAndHeader("hi", BedrockHeaders.IMAGES, java.net.URI.create("https://cdn.example.com/a.png")), "mediaUrlAllowList"),
                Arguments.of("document URL without mediaUrlAllowList", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.DOCUMENTS, Map.of("a.pdf", "https://cdn.example.com/a.pdf")), "mediaUrlAllowList"),
                Arguments.of("S3 image without an image name", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.IMAGES, "s3://bucket/photo"), ".png, .jpg, .jpeg, .gif or .webp"),
                Arguments.of("image given as a plain String", "direct:converse",
                        bodyAndHeader("hi", BedrockHeaders.IMAGES, "cat.png"), "java.lang.String"),
                Arguments.of("image URL to a prompt-level invoke", "direct:invoke",
                        bodyAndHeader("hi", BedrockHeaders.IMAGES, "https://cdn.example.com/a.png"), "fetches nothing"),
                // invokeModel / invokeModelStream
                Arguments.of("prompt to an ARN that hides the family", "direct:invoke", bodyAndHeader("hi", BedrockHeaders.MODEL_ID,
                        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl"), "set the modelFamily option"),
                Arguments.of("prompt to a model of an unknown provider", "direct:invoke",
                        bodyAndHeader("hi", BedrockHeaders.MODEL_ID, "acme.rocket-v1:0"), "does not know"),
                Arguments.of("model family header not a family", "direct:invoke",
                        bodyAndHeader("hi", BedrockHeaders.MODEL_FAMILY, "CLAUDE"), "ANTHROPIC_MESSAGES, TITAN_TEXT"),
                Arguments.of("prompt to an embedding model", "direct:invoke",
                        bodyAndHeader("hi", BedrockHeaders.MODEL_ID, "amazon.titan-embed-text-v2:0"), "use bedrock:embed"),
                Arguments.of("raw body of a type that is none", "direct:forcedRaw", body(42), "not a native request body"),
                Arguments.of("prompt body of a type that is none", "direct:invoke", body(42), "a String prompt"),
                Arguments.of("prompt ending with the assistant", "direct:invoke",
                        body(List.of(user("a"), assistant("b"))), "last message"),
                Arguments.of("images on a raw body", "direct:invoke",
                        bodyAndHeader("{\"prompt\":\"x\"}", BedrockHeaders.IMAGES, PNG_SIGNATURE), "attach to a prompt"),
                Arguments.of("images to a family whose body takes none", "direct:invoke", bodyAndHeaders("hi", Map.of(
                        BedrockHeaders.MODEL_ID, "amazon.titan-text-express-v1", BedrockHeaders.IMAGES, PNG_SIGNATURE)), "takes none"),
                Arguments.of("images to a model without image input", "direct:invoke", bodyAndHeaders("hi", Map.of(
                        BedrockHeaders.MODEL_ID, "meta.llama3-8b-instruct-v1:0", BedrockHeaders.IMAGES, PNG_SIGNATURE)),
                        "does not accept image input"),
                Arguments.of("stop sequences for Llama", "direct:invoke", bodyAndHeaders("hi", Map.of(
                        BedrockHeaders.MODEL_ID, "meta.llama3-8b-instruct-v1:0", BedrockHeaders.STOP_SEQUENCES, "END")), "no stop sequences"),
                Arguments.of("stream from a model that cannot stream", "direct:invokeStream",
                        bodyAndHeader("{\"prompt\":\"x\"}", BedrockHeaders.MODEL_ID, "ai21.j2-mid-v1"), "does not support streaming"),
                // embed
                Arguments.of("a Titan V2 dimension that does not exist", "direct:embed384", body("hi"), "does not offer 384"),
                Arguments.of("a 10 MB text to embed", "direct:embedTitan", body("word ".repeat(2_000_000)),
                        "text 0 is 10000000 characters long; the model takes at most 8192 tokens"),
                Arguments.of("a text over Cohere v3's token limit in a list", "direct:embedTitan",
                        bodyAndHeader(java.util.List.of("short", "x".repeat(5121)), BedrockHeaders.MODEL_ID, "cohere.embed-english-v3"),
                        "text 1 is 5121 characters long; the model takes at most 512 tokens"),
                Arguments.of("image bytes to a text embedding family", "direct:embedTitan", body(PNG_SIGNATURE), "embeds text only"),
                Arguments.of("image bytes to a text-only Cohere model", "direct:embedTitan",
                        bodyAndHeader(PNG_SIGNATURE, BedrockHeaders.MODEL_ID, "cohere.embed-english-v3"), "does not accept image input"),
                Arguments.of("bytes that are no image", "direct:embedTitan",
                        bodyAndHeader(new byte[] { 1, 2, 3 }, BedrockHeaders.MODEL_ID, "amazon.titan-embed-image-v1"), "not a PNG"),
                Arguments.of("a chat model to embed", "direct:embedTitan", bodyAndHeader("hi", BedrockHeaders.MODEL_ID, MODEL),
                        "makes no embeddings"),
                Arguments.of("embed an empty list", "direct:embedTitan", body(List.of()), "empty List"),
                Arguments.of("embed a list with a number", "direct:embedTitan", body(List.of("a", 7)), "java.lang.Integer"),
                Arguments.of("embed a list with a blank text", "direct:embedTitan", body(List.of("a", " ")), "text 1 of the List is blank"),
                Arguments.of("embed a Map", "direct:embedTitan", body(Map.of("a", "b")), "a String, a List of Strings"),
                Arguments.of("unknown embedding type", "direct:embedBadType", body("hi"), "float, int8, uint8, binary, ubinary"),
                Arguments.of("an embedding type Titan does not offer", "direct:embedInt8Titan", body("hi"), "float and binary"),
                Arguments.of("embedConcurrency zero", "direct:embedNoConcurrency", body("hi"), "1 or more"),
                Arguments.of("embedCoalesceWindow negative", "direct:embedNegativeWindow", body("hi"),
                        "option embedCoalesceWindow is -1 ms; accepted: 0 (off) or a positive duration"),
                Arguments.of("embedCoalesceMaxBatch above the model's batch limit", "direct:embedBatch97", body("hi"),
                        "option embedCoalesceMaxBatch is 97; accepted: 0 (the model's batch limit) or 1 to 96"),
                Arguments.of("embedCoalesceMaxBatch above a one-text model's limit", "direct:embedBatch97",
                        bodyAndHeader("hi", BedrockHeaders.MODEL_ID, "amazon.titan-embed-text-v2:0"), "or 1 to 1 (the batch limit of model"),
                Arguments.of("embedCoalesceMaxBatch negative", "direct:embedNegativeBatch", body(List.of("a", "b")),
                        "option embedCoalesceMaxBatch is -5"),
                Arguments.of("a blank text to coalesce", "direct:embedCoalesced", body(" "), "the text is blank"),
                Arguments.of("a chat model to coalesce", "direct:embedCoalesced", bodyAndHeader("hi", BedrockHeaders.MODEL_ID, MODEL),
                        "makes no embeddings"),
                // image: each size rule of the catalog, and the rest
                Arguments.of("Nova Canvas side below 320", "direct:canvas256", body("a fox"), "size rule SIDE_RANGE"),
                Arguments.of("Nova Canvas side not a multiple of 16", "direct:canvas1000", body("a fox"), "size rule SIDE_MULTIPLE"),
                Arguments.of("Nova Canvas ratio beyond 1:4", "direct:canvas320x1600", body("a fox"), "size rule ASPECT_RATIO_RANGE"),
                Arguments.of("Nova Canvas too many pixels", "direct:canvas4096x1024", body("a fox"), "size rule MAX_PIXELS"),
                Arguments.of("Nova Canvas size in a native Map", "direct:canvas", body(Map.of("taskType", "TEXT_IMAGE",
                        "textToImageParams", Map.of("text", "a fox"), "imageGenerationConfig", Map.of("width", 1000, "height", 1000))),
                        "size rule SIDE_MULTIPLE"),
                Arguments.of("Titan size not listed", "direct:titan1000", body("a fox"), "size rule ALLOWED_SIZES"),
                Arguments.of("SDXL size not listed", "direct:sdxl1024x768", body("a fox"), "size rule ALLOWED_SIZES"),
                Arguments.of("Stability ratio not listed", "direct:sd35Ratio", body("a fox"), "size rule ALLOWED_ASPECT_RATIOS"),
                Arguments.of("more images than the model makes", "direct:canvasSix", body("a fox"), "at most 5"),
                Arguments.of("a prompt longer than the model takes", "direct:titan", body("x".repeat(513)), "at most 512"),
                Arguments.of("width without height", "direct:canvasWidthOnly", body("a fox"), "go together"),
                Arguments.of("a style for Titan", "direct:titanStyle", body("a fox"), "Nova Canvas only"),
                Arguments.of("several images from Stability", "direct:sd35Two", body("a fox"), "one image per request"),
                Arguments.of("a blank image prompt", "direct:canvas", body(" "), "blank"),
                Arguments.of("an image body of a wrong type", "direct:canvas", body(42), "a prompt String, or a Map"),
                Arguments.of("a chat model to draw", "direct:canvas", bodyAndHeader("a fox", BedrockHeaders.MODEL_ID, MODEL),
                        "generates no images"),
                // countTokens of an InvokeModel body
                Arguments.of("count a native body of a wrong type", "direct:countRaw", body(42), "not a native request body"),
                Arguments.of("count an empty native body", "direct:countRaw", body(new byte[0]), "native request body is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectedBeforeAnyNetworkCall(String name, String route, Consumer<Exchange> input, String expected) {
        Exchange out = template.request(route, input::accept);

        assertThat(out.getException()).as(name + ": refused with a BedrockInputException").isInstanceOf(BedrockInputException.class);
        assertThat(out.getException().getMessage()).as(name).contains(expected);
        assertThat(out.getException().getMessage()).as(name + ": names the operation of its endpoint")
                .startsWith(operationOf(route) + ": ");
        assertThat(emulator.stats().total()).as("requests that reached the emulator").isZero();
        assertThat(emulator.stats().connectionsAccepted()).as("connections made to the emulator").isZero();
    }
}
