package dev.camelbedrock.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.error.BedrockModelException;
import dev.camelbedrock.component.error.BedrockThrottlingException;
import dev.camelbedrock.component.support.JsonDocuments;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * invokeModel and invokeModelStream per model family, through the SDK to the emulator: prompt level (the family codec
 * builds the native body and reads the reply) and raw (a native body sent as it is), non-streamed and streamed.
 */
class InvokeModelTest extends BedrockTestSupport {

    private final List<String> deltas = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:invoke").to("bedrock:invokeModel?modelId=" + MODEL);
                from("direct:invokeJson").to("bedrock:invokeModel?modelId=" + MODEL + "&rawResponseType=JsonNode");
                from("direct:stream").to("bedrock:invokeModelStream?modelId=" + MODEL)
                        .split(body()).streaming().process(e -> deltas.add(e.getMessage().getBody(String.class))).end();
                from("direct:retrying").to("bedrock:invokeModelStream?modelId=" + MODEL + "&maxAttempts=3")
                        .split(body()).streaming().process(e -> deltas.add(e.getMessage().getBody(String.class))).end();
                from("direct:streamTo").to("bedrock:invokeModelStream?modelId=" + MODEL + "&streamTo=direct:delta");
                from("direct:delta").process(e -> deltas.add(e.getMessage().getBody(String.class)));
            }
        };
    }

    /** One model of each family with a prompt-level codec, and a minimal native request of that family. */
    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(ModelFamily.ANTHROPIC_MESSAGES, "anthropic.claude-3-haiku-20240307-v1:0",
                        "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to Camel\"}]}",
                        "/content/0/text"),
                Arguments.of(ModelFamily.TITAN_TEXT, "amazon.titan-text-express-v1",
                        "{\"inputText\":\"User: Say hello to Camel\\nBot:\"}", "/results/0/outputText"),
                Arguments.of(ModelFamily.NOVA, "amazon.nova-lite-v1:0",
                        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Say hello to Camel\"}]}]}", "/output/message/content/0/text"),
                Arguments.of(ModelFamily.LLAMA, "meta.llama3-8b-instruct-v1:0",
                        "{\"prompt\":\"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\nSay hello to Camel<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n\"}",
                        "/generation"),
                Arguments.of(ModelFamily.MISTRAL_TEXT, "mistral.mistral-7b-instruct-v0:2",
                        "{\"prompt\":\"<s>[INST] Say hello to Camel [/INST]\"}", "/outputs/0/text"),
                Arguments.of(ModelFamily.MISTRAL_CHAT, "mistral.mistral-large-2407-v1:0",
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to Camel\"}]}", "/choices/0/message/content"),
                Arguments.of(ModelFamily.COHERE_COMMAND_R, "cohere.command-r-v1:0", "{\"message\":\"Say hello to Camel\"}", "/text"),
                Arguments.of(ModelFamily.AI21_JAMBA, "ai21.jamba-1-5-mini-v1:0",
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to Camel\"}]}", "/choices/0/message/content"),
                Arguments.of(ModelFamily.DEEPSEEK, "deepseek.r1-v1:0",
                        "{\"prompt\":\"<｜begin▁of▁sentence｜><｜User｜>Say hello to Camel<｜Assistant｜>\"}", "/choices/0/text"),
                Arguments.of(ModelFamily.OPENAI_CHAT, "openai.gpt-oss-20b-1:0",
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to Camel\"}]}", "/choices/0/message/content"));
    }

    private RecordedRequest lastRequest(String operation) {
        return emulator.lastRequest(operation).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void promptLevel(ModelFamily family, String modelId, String nativeBody, String textPointer) {
        Exchange out = template.request("direct:invoke", e -> {
            e.getMessage().setBody("Say hello to Camel");
            e.getMessage().setHeader(BedrockHeaders.MODEL_ID, modelId);
            e.getMessage().setHeader(BedrockHeaders.MAX_TOKENS, 200);
        });

        assertThat(out.getException()).as(family.name()).isNull();
        assertThat(out.getMessage().getBody(String.class)).as(family + " reply text").isNotBlank();
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON, String.class)).as(family + " stop reason").isNotBlank();
        assertThat(out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Integer.class)).as(family + " output tokens").isPositive();
        assertThat(out.getMessage().getHeader(BedrockHeaders.REQUEST_ID, String.class)).isNotBlank();
        assertThat(emulator.stats().count("InvokeModel", modelId)).isEqualTo(1);
        JsonNode sent = lastRequest("InvokeModel").json();
        assertThat(sent.toString()).as(family + " native body carries the prompt").contains("Say hello to Camel");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void rawBodyAndJsonReply(ModelFamily family, String modelId, String nativeBody, String textPointer) {
        Exchange out = template.request("direct:invokeJson", e -> {
            e.getMessage().setBody(nativeBody);
            e.getMessage().setHeader(BedrockHeaders.MODEL_ID, modelId);
        });

        assertThat(out.getException()).as(family.name()).isNull();
        JsonNode reply = out.getMessage().getBody(JsonNode.class);
        assertThat(reply.at(textPointer).asText()).as(family + " reply at " + textPointer).isNotBlank();
        assertThat(out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Integer.class)).as("from X-Amzn-Bedrock-Input-Token-Count").isPositive();
        assertThat(out.getMessage().getHeader(BedrockHeaders.LATENCY_MS, Long.class)).as("from X-Amzn-Bedrock-Invocation-Latency").isNotNull();
        assertThat(out.getMessage().getHeader(BedrockHeaders.RESPONSE_CONTENT_TYPE, String.class)).contains("json");
        assertThat(lastRequest("InvokeModel").body()).as("sent as it is").isEqualTo(nativeBody);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void promptLevelStreamYieldsTextDeltasAndEndsWithStopReasonAndUsage(ModelFamily family, String modelId, String nativeBody,
                                                                      String textPointer) {
        Exchange out = template.request("direct:stream", e -> {
            e.getMessage().setBody("Say hello to Camel, then count to five");
            e.getMessage().setHeader(BedrockHeaders.MODEL_ID, modelId);
        });

        assertThat(out.getException()).as(family.name()).isNull();
        assertThat(deltas).as(family + " deltas").isNotEmpty();
        assertThat(out.getMessage().getHeader(BedrockHeaders.RESPONSE_TEXT)).isEqualTo(String.join("", deltas));
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON, String.class)).as(family + " stop reason").isNotBlank();
        assertThat(out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Integer.class)).as(family + " output tokens").isPositive();
        assertThat(emulator.stats().count("InvokeModelWithResponseStream", modelId)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void rawStreamYieldsEachChunksJson(ModelFamily family, String modelId, String nativeBody, String textPointer) throws Exception {
        Exchange out = template.request("direct:streamTo", e -> {
            e.getMessage().setBody(nativeBody);
            e.getMessage().setHeader(BedrockHeaders.MODEL_ID, modelId);
        });

        assertThat(out.getException()).as(family.name()).isNull();
        assertThat(deltas).as(family + " chunks").isNotEmpty();
        for (String chunk : deltas) {
            assertThat(JsonDocuments.parse(chunk).isObject()).as(chunk).isTrue();
        }
        assertThat(out.getMessage().getBody(List.class)).isEqualTo(deltas);
        assertThat(JsonDocuments.parse(deltas.get(deltas.size() - 1)).has("amazon-bedrock-invocationMetrics"))
                .as("the last chunk carries Bedrock's invocation metrics").isTrue();
        assertThat(out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Integer.class)).isPositive();
    }

    @Test
    void aListOfMessagesIsAPromptWithHistory() {
        List<Message> messages = List.of(
                Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("My name is Ada")).build(),
                Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText("Hello Ada")).build(),
                Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("What is my name?")).build());
        Exchange out = template.request("direct:invoke", e -> {
            e.getMessage().setBody(messages);
            e.getMessage().setHeader(BedrockHeaders.SYSTEM_PROMPT, "You are terse.");
        });

        assertThat(out.getException()).isNull();
        JsonNode sent = lastRequest("InvokeModel").json();
        assertThat(sent.get("system").asText()).isEqualTo("You are terse.");
        assertThat(sent.get("messages")).hasSize(3);
        assertThat(sent.at("/messages/1/role").asText()).isEqualTo("assistant");
    }

    @Test
    void additionalFieldsAreMergedIntoThePromptLevelBody() {
        template.request("direct:invoke", e -> {
            e.getMessage().setBody("Hello");
            e.getMessage().setHeader(BedrockHeaders.ADDITIONAL_MODEL_REQUEST_FIELDS, "{\"top_k\":50}");
        });
        assertThat(lastRequest("InvokeModel").json().get("top_k").asInt()).isEqualTo(50);
    }

    @Test
    void aHiddenFamilyIsNamedByTheModelFamilyHeader() {
        // an application inference profile ARN does not say which model it runs; the emulator serves it as Claude
        String arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
        Exchange out = template.request("direct:invoke", e -> {
            e.getMessage().setBody("Hello through a profile");
            e.getMessage().setHeader(BedrockHeaders.MODEL_ID, arn);
            e.getMessage().setHeader(BedrockHeaders.MODEL_FAMILY, "ANTHROPIC_MESSAGES");
        });
        assertThat(lastRequest("InvokeModel").json().get("anthropic_version").asText()).isEqualTo("bedrock-2023-05-31");
        assertThat(out.getException()).isNull();
    }

    @Test
    void anUnknownModelOfAKnownProviderWorksThroughTheProvidersFamily() {
        String unknown = "meta.llama3-9-70b-instruct-v1:0";
        Exchange out = template.request("direct:invoke", e -> {
            e.getMessage().setBody("Hello from a model the catalog has not heard of");
            e.getMessage().setHeader(BedrockHeaders.MODEL_ID, unknown);
        });
        // the component builds the Llama body and sends it; the emulator, like Bedrock, does not serve a model it does not have
        assertThat(lastRequest("InvokeModel").json().get("prompt").asText()).startsWith("<|begin_of_text|>");
        assertThat(out.getException()).isInstanceOf(dev.camelbedrock.component.error.BedrockValidationException.class)
                .hasMessageContaining("model identifier is invalid");
    }

    @Test
    void aMidStreamErrorFailsTheStreamInsteadOfCuttingTheText() {
        emulator.faults().add(Fault.streamException("modelStreamErrorException").forOperation("InvokeModelWithResponseStream")
                .afterEvents(3).originalStatusCode(500).originalMessage("model crashed"));
        Exchange out = template.request("direct:stream", e -> e.getMessage().setBody("A long answer that will break"));
        assertThat(out.getException()).isInstanceOf(BedrockModelException.class);
        assertThat(out.getMessage().getHeader(BedrockHeaders.RESPONSE_TEXT)).isNull();
    }

    @Test
    void anSdkRetryAfterDeltasReachedTheRouteFailsInsteadOfDeliveringThemTwice() {
        emulator.faults().add(Fault.streamException("throttlingException").forOperation("InvokeModelWithResponseStream").afterEvents(3));
        Exchange out = template.request("direct:retrying", e -> e.getMessage().setBody("alpha beta gamma delta epsilon"));
        assertThat(out.getException()).isInstanceOf(BedrockThrottlingException.class);
        assertThat(deltas).isNotEmpty();
        assertThat(emulator.stats().count("InvokeModelWithResponseStream")).isEqualTo(2);
    }

    @Test
    void anSdkRetryBeforeAnyDeltaIsTransparent() {
        emulator.faults().add(Fault.streamException("throttlingException").forOperation("InvokeModelWithResponseStream").afterEvents(0));
        Exchange out = template.request("direct:retrying", e -> e.getMessage().setBody("alpha beta gamma"));
        assertThat(out.getException()).isNull();
        assertThat(String.join("", deltas)).contains("alpha beta gamma");
        assertThat(emulator.stats().count("InvokeModelWithResponseStream")).isEqualTo(2);
    }

    @Test
    void aHiddenFamilyIsNamedByTheModelFamilyOption() {
        String arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
        Exchange out = template.request("bedrock:invokeModel?modelId=" + arn + "&modelFamily=TITAN_TEXT",
                e -> e.getMessage().setBody("Hello through a profile"));
        assertThat(lastRequest("InvokeModel").json().has("inputText")).as("the Titan body").isTrue();
        assertThat(out.getException()).isNull();
    }

    @Test
    void rawReplyAsBytes() {
        byte[] reply = template.requestBodyAndHeader("bedrock:invokeModel?modelId=" + MODEL + "&rawResponseType=bytes",
                "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "ignored", "x", byte[].class);
        assertThat(new String(reply, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{");
    }
}
