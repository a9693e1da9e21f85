package dev.camelbedrock.component;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.camelbedrock.component.converse.BedrockToolCall;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;

import static org.assertj.core.api.Assertions.assertThat;

class ConverseTest extends BedrockTestSupport {

    /** Bedrock (and the emulator) refuse a guardrail that does not exist: create the one direct:guarded uses. */
    @BeforeAll
    static void createTheGuardrail() throws Exception {
        emulator.guardrails().configure("gr1abc", JsonDocuments.parse(
                "{\"name\":\"gr1abc\",\"blockedInputMessaging\":\"Blocked.\",\"blockedOutputsMessaging\":\"Blocked.\","
                + "\"wordPolicyConfig\":{\"wordsConfig\":[{\"text\":\"bazooka\"}]}}"));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("bedrock:converse?modelId=" + MODEL + "&maxTokens=200&temperature=0.2");
                from("direct:system").to("bedrock:converse?modelId=" + MODEL + "&systemPrompt=You are terse.");
                from("direct:tools").to("bedrock:converse?modelId=" + MODEL + "&tools=classpath:tools.json&toolChoice=auto");
                from("direct:guarded").to("bedrock:converse?modelId=" + MODEL
                                          + "&guardrailIdentifier=gr1abc&guardrailVersion=DRAFT&guardrailTrace=enabled");
                from("direct:cached").to("bedrock:converse?modelId=" + MODEL
                                         + "&systemPrompt=Long stable instructions&promptCachePoints=system,messages");
            }
        };
    }

    @Test
    void stringPromptGivesReplyTextAndUsageHeaders() {
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Hello from Camel"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).contains("Hello from Camel");
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isEqualTo("end_turn");
        int in = out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Integer.class);
        int outTokens = out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Integer.class);
        assertThat(in).isPositive();
        assertThat(outTokens).isPositive();
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOTAL_TOKENS, Integer.class)).isEqualTo(in + outTokens);
        assertThat(out.getMessage().getHeader(BedrockHeaders.REQUEST_ID, String.class)).isNotBlank();
        assertThat(out.getMessage().getHeader(BedrockHeaders.LATENCY_MS, Long.class)).isNotNull();
        assertThat(out.getMessage().getHeader(BedrockHeaders.OUTPUT_MESSAGE, Message.class).role())
                .isEqualTo(ConversationRole.ASSISTANT);
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOOL_CALLS, List.class)).isEmpty();
        assertThat(emulator.stats().count("Converse", MODEL)).isEqualTo(1);
    }

    @Test
    void inferenceOptionsAndSystemPromptReachTheWire() throws Exception {
        template.requestBody("direct:system", "Say hi", String.class);
        var request = lastRequestBody();
        assertThat(request.at("/system/0/text").asText()).isEqualTo("You are terse.");

        template.requestBody("direct:chat", "Options please", String.class);
        request = lastRequestBody();
        assertThat(request.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(200);
        assertThat(request.at("/inferenceConfig/temperature").asDouble()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void headersOverrideOptionsPerMessage() throws Exception {
        template.requestBodyAndHeaders("direct:chat", "Override",
                Map.of(BedrockHeaders.MAX_TOKENS, 17, BedrockHeaders.SYSTEM_PROMPT, "Per message",
                       BedrockHeaders.MODEL_ID, "amazon.nova-lite-v1:0"), String.class);
        var request = lastRequestBody();
        assertThat(request.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(17);
        assertThat(request.at("/system/0/text").asText()).isEqualTo("Per message");
        assertThat(emulator.stats().count("Converse", "amazon.nova-lite-v1:0")).isEqualTo(1);
    }

    @Test
    void conversationHeaderCarriesTheHistoryAcrossTurns() {
        Exchange first = template.request("direct:chat", e -> {
            e.getMessage().setBody("My name is Ada");
            e.getMessage().setHeader(BedrockHeaders.CONVERSATION, List.of());
        });
        List<?> history = first.getMessage().getHeader(BedrockHeaders.CONVERSATION, List.class);
        assertThat(history).hasSize(2);

        Exchange second = template.request("direct:chat", e -> {
            e.getMessage().setBody("What is my name?");
            e.getMessage().setHeader(BedrockHeaders.CONVERSATION, history);
        });
        assertThat(second.getException()).isNull();
        List<?> after = second.getMessage().getHeader(BedrockHeaders.CONVERSATION, List.class);
        assertThat(after).hasSize(4);
        assertThat(((Message) after.get(2)).content().get(0).text()).isEqualTo("What is my name?");
        assertThat(((Message) after.get(3)).role()).isEqualTo(ConversationRole.ASSISTANT);
        // the emulator saw all three turns of history plus the new one
        assertThat(emulator.requests().get(emulator.requests().size() - 1).json().path("messages").size()).isEqualTo(3);
    }

    @Test
    void messageListAndWholeRequestBodiesAreSentAsGiven() {
        List<Message> turns = List.of(
                Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("First")).build(),
                Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText("Noted")).build(),
                Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Second question")).build());
        String reply = template.requestBody("direct:chat", turns, String.class);
        assertThat(reply).contains("Second question");

        ConverseRequest full = ConverseRequest.builder()
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Full control")).build())
                .build();
        assertThat(template.requestBody("direct:chat", full, String.class)).contains("Full control");
        assertThat(emulator.stats().count("Converse", MODEL)).isEqualTo(2);
    }

    @Test
    void toolCallsComeBackAsHeadersAndToolResultsAreAccepted() {
        Exchange out = template.request("direct:tools", e -> e.getMessage().setBody("What is the weather in Paris?"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isEqualTo("tool_use");
        @SuppressWarnings("unchecked")
        List<BedrockToolCall> calls = out.getMessage().getHeader(BedrockHeaders.TOOL_CALLS, List.class);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).name()).isEqualTo("get_weather");
        assertThat(calls.get(0).input()).containsEntry("city", "Paris");
        var sent = lastRequestBody();
        assertThat(sent.at("/toolConfig/tools/0/toolSpec/name").asText()).isEqualTo("get_weather");
        assertThat(sent.at("/toolConfig/tools/0/toolSpec/inputSchema/json/required/0").asText()).isEqualTo("city");
        assertThat(sent.at("/toolConfig/toolChoice").has("auto")).isTrue();

        Message assistant = out.getMessage().getHeader(BedrockHeaders.OUTPUT_MESSAGE, Message.class);
        Message result = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromToolResult(ToolResultBlock.builder()
                .toolUseId(calls.get(0).id())
                .content(ToolResultContentBlock.fromJson(Document.fromMap(Map.of("tempC", Document.fromNumber(21)))))
                .build())).build();
        List<Message> next = List.of(
                Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("What is the weather in Paris?")).build(),
                assistant, result);
        Exchange answer = template.request("direct:tools", e -> e.getMessage().setBody(next));
        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isEqualTo("end_turn");
        assertThat(answer.getMessage().getBody(String.class)).contains("21");
    }

    @Test
    void guardrailConfigIsSentAndItsTraceReachesAHeader() {
        Exchange out = template.request("direct:guarded", e -> e.getMessage().setBody("A harmless question"));
        assertThat(out.getException()).isNull();
        var sent = lastRequestBody();
        assertThat(sent.at("/guardrailConfig/guardrailIdentifier").asText()).isEqualTo("gr1abc");
        assertThat(sent.at("/guardrailConfig/guardrailVersion").asText()).isEqualTo("DRAFT");
        assertThat(sent.at("/guardrailConfig/trace").asText()).isEqualTo("enabled");
        assertThat(out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_TRACE)).isNotNull();
    }

    @Test
    void imageAndDocumentAttachmentsGoWithTheUserTurn() throws Exception {
        byte[] png = png();
        Exchange out = template.request("direct:chat", e -> {
            e.getMessage().setBody("Describe this");
            e.getMessage().setHeader(BedrockHeaders.IMAGES, png);
            e.getMessage().setHeader(BedrockHeaders.DOCUMENTS, Map.of("notes.txt", "some notes".getBytes()));
        });
        assertThat(out.getException()).isNull();
        var content = lastRequestBody().at("/messages/0/content");
        assertThat(content.get(1).at("/image/format").asText()).isEqualTo("png");
        assertThat(SdkBytes.fromByteArray(java.util.Base64.getDecoder().decode(content.get(1).at("/image/source/bytes").asText()))
                .asByteArray()).isEqualTo(png);
        assertThat(content.get(2).at("/document/format").asText()).isEqualTo("txt");
        assertThat(content.get(2).at("/document/name").asText()).isEqualTo("notes");
    }

    @Test
    void promptCachePointsAreAddedWhereAsked() {
        template.requestBody("direct:cached", "Cached question", String.class);
        var sent = lastRequestBody();
        assertThat(sent.at("/system/1/cachePoint/type").asText()).isEqualTo("default");
        var content = sent.at("/messages/0/content");
        assertThat(content.get(content.size() - 1).at("/cachePoint/type").asText()).isEqualTo("default");
    }

    @Test
    void countTokensCountsWhatConverseWouldSend() {
        Exchange out = template.request("bedrock:countTokens?modelId=" + MODEL, e -> e.getMessage().setBody("Count these tokens please"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Integer.class)).isPositive();
        assertThat(out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS)).isEqualTo(out.getMessage().getBody());
        assertThat(emulator.stats().count("CountTokens")).isEqualTo(1);
    }

    @Test
    void operationHeaderOverridesThePath() {
        Exchange out = template.request("direct:chat", e -> {
            e.getMessage().setBody("How many tokens?");
            e.getMessage().setHeader(BedrockHeaders.OPERATION, "countTokens");
        });
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isInstanceOf(Integer.class);
        assertThat(emulator.stats().count("Converse")).isZero();
    }

    private com.fasterxml.jackson.databind.JsonNode lastRequestBody() {
        var requests = emulator.requests();
        return requests.get(requests.size() - 1).json();
    }

    static byte[] png() throws Exception {
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
