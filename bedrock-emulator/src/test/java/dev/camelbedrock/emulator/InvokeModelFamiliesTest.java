package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text family through the real async SDK (default HTTP/2): InvokeModel answers the family's shape with the
 * echo reply; InvokeModelWithResponseStream sends ≥ 3 chunks in the family's stream shape whose text concatenates
 * to the same reply, with {@code amazon-bedrock-invocationMetrics} in the last one.
 */
class InvokeModelFamiliesTest {

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().build().start();
        client = Sdk.runtimeH2(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    /** One family: a request whose last user text is {@code said}, and where its text lives. */
    record Case(String family, String modelId, String body, String said, Function<JsonNode, String> text,
                Function<JsonNode, String> chunkText, Consumer<JsonNode> shape, Consumer<List<JsonNode>> streamShape) {
        @Override
        public String toString() {
            return family + " (" + modelId + ")";
        }
    }

    static String s(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("anthropic-messages", Sdk.HAIKU,
                        "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":200,\"system\":\"Be terse.\","
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello claude from invoke\"}]}",
                        "hello claude from invoke",
                        r -> s(r.at("/content/0/text")),
                        c -> "content_block_delta".equals(s(c.get("type"))) ? s(c.at("/delta/text")) : "",
                        r -> {
                            assertThat(s(r.get("id"))).startsWith("msg_bdrk_01");
                            assertThat(s(r.get("type"))).isEqualTo("message");
                            assertThat(s(r.get("role"))).isEqualTo("assistant");
                            assertThat(s(r.get("model"))).isEqualTo("claude-3-haiku-20240307");
                            assertThat(s(r.get("stop_reason"))).isEqualTo("end_turn");
                            assertThat(r.get("stop_sequence").isNull()).isTrue();
                            assertThat(r.at("/usage/input_tokens").asInt()).isPositive();
                            assertThat(r.at("/usage/output_tokens").asInt()).isPositive();
                        },
                        chunks -> {
                            assertThat(chunks.stream().map(c -> s(c.get("type"))).distinct())
                                    .containsExactly("message_start", "content_block_start", "content_block_delta",
                                            "content_block_stop", "message_delta", "message_stop");
                            assertThat(s(chunks.get(0).at("/message/role"))).isEqualTo("assistant");
                            assertThat(s(chunks.get(chunks.size() - 2).at("/delta/stop_reason"))).isEqualTo("end_turn");
                        }),
                new Case("anthropic-text-completions", "anthropic.claude-v2:1",
                        "{\"prompt\":\"\\n\\nHuman: hello legacy claude\\n\\nAssistant:\",\"max_tokens_to_sample\":300}",
                        "hello legacy claude",
                        r -> s(r.get("completion")),
                        c -> s(c.get("completion")),
                        r -> assertThat(s(r.get("stop_reason"))).isEqualTo("stop_sequence"),
                        chunks -> assertThat(s(chunks.get(0).get("completion"))).startsWith(" ")),
                new Case("amazon-titan-text", "amazon.titan-text-express-v1",
                        "{\"inputText\":\"User: hello titan express\\nBot:\",\"textGenerationConfig\":{\"maxTokenCount\":512,"
                                + "\"temperature\":0.5,\"topP\":0.9,\"stopSequences\":[]}}",
                        "hello titan express",
                        r -> s(r.at("/results/0/outputText")),
                        c -> s(c.get("outputText")),
                        r -> {
                            assertThat(r.get("inputTextTokenCount").asInt()).isPositive();
                            assertThat(s(r.at("/results/0/completionReason"))).isEqualTo("FINISH");
                            assertThat(r.at("/results/0/tokenCount").asInt()).isPositive();
                        },
                        chunks -> {
                            assertThat(chunks).allSatisfy(c -> assertThat(c.get("index").asInt()).isZero());
                            assertThat(s(chunks.get(chunks.size() - 1).get("completionReason"))).isEqualTo("FINISH");
                            assertThat(chunks.get(0).get("completionReason").isNull()).isTrue();
                        }),
                new Case("amazon-nova (snake_case config)", "amazon.nova-lite-v1:0",
                        "{\"schemaVersion\":\"messages-v1\",\"system\":[{\"text\":\"Be terse.\"}],\"messages\":[{\"role\":"
                                + "\"user\",\"content\":[{\"text\":\"hello nova lite\"}]}],\"inferenceConfig\":"
                                + "{\"max_new_tokens\":300,\"top_p\":0.9,\"top_k\":20,\"temperature\":0.7}}",
                        "hello nova lite",
                        r -> s(r.at("/output/message/content/0/text")),
                        c -> s(c.at("/contentBlockDelta/delta/text")),
                        r -> {
                            assertThat(s(r.get("stopReason"))).isEqualTo("end_turn");
                            assertThat(r.at("/usage/totalTokens").asInt()).isEqualTo(
                                    r.at("/usage/inputTokens").asInt() + r.at("/usage/outputTokens").asInt());
                            assertThat(r.at("/usage/cacheReadInputTokenCount").asInt()).isZero();
                        },
                        chunks -> {
                            assertThat(chunks.get(0).has("messageStart")).isTrue();
                            assertThat(chunks.get(chunks.size() - 2).at("/messageStop/stopReason").asText()).isEqualTo("end_turn");
                            assertThat(chunks.get(chunks.size() - 1).at("/metadata/usage/outputTokens").asInt()).isPositive();
                        }),
                new Case("amazon-nova (camelCase config)", "us.amazon.nova-pro-v1:0",
                        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hello nova pro\"}]}],"
                                + "\"inferenceConfig\":{\"maxTokens\":300,\"topP\":0.9,\"topK\":20}}",
                        "hello nova pro",
                        r -> s(r.at("/output/message/content/0/text")),
                        c -> s(c.at("/contentBlockDelta/delta/text")),
                        r -> assertThat(s(r.at("/output/message/role"))).isEqualTo("assistant"),
                        chunks -> { }),
                new Case("meta-llama 3", "meta.llama3-8b-instruct-v1:0",
                        "{\"prompt\":\"<|begin_of_text|><|start_header_id|>system<|end_header_id|>\\n\\nBe nice<|eot_id|>"
                                + "<|start_header_id|>user<|end_header_id|>\\n\\nhello llama three<|eot_id|>"
                                + "<|start_header_id|>assistant<|end_header_id|>\\n\\n\",\"max_gen_len\":512,"
                                + "\"temperature\":0.5,\"top_p\":0.9}",
                        "hello llama three",
                        r -> s(r.get("generation")),
                        c -> s(c.get("generation")),
                        r -> {
                            assertThat(s(r.get("stop_reason"))).isEqualTo("stop");
                            assertThat(r.get("prompt_token_count").asInt()).isPositive();
                            assertThat(r.get("generation_token_count").asInt()).isPositive();
                        },
                        chunks -> {
                            assertThat(chunks.get(0).get("prompt_token_count").asInt()).isPositive();
                            assertThat(chunks.get(1).get("prompt_token_count").isNull()).isTrue();
                            assertThat(chunks.get(0).get("stop_reason").isNull()).isTrue();
                            assertThat(s(chunks.get(chunks.size() - 1).get("stop_reason"))).isEqualTo("stop");
                        }),
                new Case("meta-llama 2", "meta.llama2-13b-chat-v1",
                        "{\"prompt\":\"<s>[INST] <<SYS>>\\nBe nice\\n<</SYS>>\\n\\nhello llama two [/INST]\"}",
                        "hello llama two",
                        r -> s(r.get("generation")),
                        c -> s(c.get("generation")),
                        r -> { },
                        chunks -> { }),
                new Case("mistral-text", "mistral.mistral-7b-instruct-v0:2",
                        "{\"prompt\":\"<s>[INST] hello mistral seven [/INST]\",\"max_tokens\":400,\"stop\":[\"</s>\"],"
                                + "\"temperature\":0.5,\"top_p\":0.9,\"top_k\":50}",
                        "hello mistral seven",
                        r -> s(r.at("/outputs/0/text")),
                        c -> s(c.at("/outputs/0/text")),
                        r -> assertThat(s(r.at("/outputs/0/stop_reason"))).isEqualTo("stop"),
                        chunks -> assertThat(chunks.get(0).at("/outputs/0/stop_reason").isNull()).isTrue()),
                new Case("mistral-chat", "mistral.mistral-large-2407-v1:0",
                        "{\"messages\":[{\"role\":\"system\",\"content\":\"Be terse.\"},{\"role\":\"user\","
                                + "\"content\":\"hello mistral large\"}],\"max_tokens\":512}",
                        "hello mistral large",
                        r -> s(r.at("/choices/0/message/content")),
                        c -> s(c.at("/choices/0/message/content")),
                        r -> assertThat(s(r.at("/choices/0/stop_reason"))).isEqualTo("stop"),
                        chunks -> assertThat(s(chunks.get(chunks.size() - 1).at("/choices/0/stop_reason"))).isEqualTo("stop")),
                new Case("cohere-command-r", "cohere.command-r-plus-v1:0",
                        "{\"message\":\"hello command r\",\"chat_history\":[{\"role\":\"USER\",\"message\":\"hi\"},"
                                + "{\"role\":\"CHATBOT\",\"message\":\"Hello!\"}],\"preamble\":\"Be terse.\",\"max_tokens\":300}",
                        "hello command r",
                        r -> s(r.get("text")),
                        c -> "text-generation".equals(s(c.get("event_type"))) ? s(c.get("text")) : "",
                        r -> {
                            assertThat(s(r.get("finish_reason"))).isEqualTo("COMPLETE");
                            assertThat(r.get("chat_history")).hasSize(4);
                            assertThat(s(r.get("generation_id"))).matches("[0-9a-f-]{36}");
                        },
                        chunks -> {
                            assertThat(s(chunks.get(0).get("event_type"))).isEqualTo("stream-start");
                            JsonNode end = chunks.get(chunks.size() - 1);
                            assertThat(s(end.get("event_type"))).isEqualTo("stream-end");
                            assertThat(end.get("is_finished").asBoolean()).isTrue();
                            assertThat(s(end.get("finish_reason"))).isEqualTo("COMPLETE");
                            assertThat(s(end.at("/response/text"))).isEqualTo("You said: hello command r");
                        }),
                new Case("cohere-command", "cohere.command-text-v14",
                        "{\"prompt\":\"hello cohere command\",\"max_tokens\":300,\"temperature\":0.5}",
                        "hello cohere command",
                        r -> s(r.at("/generations/0/text")),
                        c -> c.path("is_finished").asBoolean() ? "" : s(c.get("text")),
                        r -> assertThat(s(r.at("/generations/0/finish_reason"))).isEqualTo("COMPLETE"),
                        chunks -> assertThat(s(chunks.get(chunks.size() - 1).get("finish_reason"))).isEqualTo("COMPLETE")),
                new Case("ai21-jamba", "ai21.jamba-1-5-mini-v1:0",
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"hello jamba\"}],\"max_tokens\":512,\"n\":1}",
                        "hello jamba",
                        r -> s(r.at("/choices/0/message/content")),
                        c -> s(c.at("/choices/0/delta/content")),
                        r -> {
                            assertThat(s(r.get("id"))).startsWith("chatcmpl-");
                            assertThat(s(r.at("/choices/0/finish_reason"))).isEqualTo("stop");
                            assertThat(r.at("/usage/total_tokens").asInt()).isEqualTo(
                                    r.at("/usage/prompt_tokens").asInt() + r.at("/usage/completion_tokens").asInt());
                        },
                        chunks -> assertThat(s(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason"))).isEqualTo("stop")),
                new Case("deepseek-text", "us.deepseek.r1-v1:0",
                        "{\"prompt\":\"<｜begin▁of▁sentence｜><｜User｜>hello deepseek<｜Assistant｜><think>\\n\","
                                + "\"max_tokens\":512,\"temperature\":0.5,\"top_p\":0.9}",
                        "hello deepseek",
                        r -> s(r.at("/choices/0/text")),
                        c -> s(c.at("/choices/0/text")),
                        r -> assertThat(s(r.at("/choices/0/stop_reason"))).isEqualTo("stop"),
                        chunks -> assertThat(chunks.get(0).at("/choices/0/stop_reason").isNull()).isTrue()),
                new Case("openai-chat", "openai.gpt-oss-20b-1:0",
                        "{\"messages\":[{\"role\":\"developer\",\"content\":\"Be terse.\"},{\"role\":\"user\","
                                + "\"content\":\"hello gpt oss\"}],\"max_completion_tokens\":500}",
                        "hello gpt oss",
                        r -> s(r.at("/choices/0/message/content")),
                        c -> s(c.at("/choices/0/delta/content")),
                        r -> {
                            assertThat(s(r.get("object"))).isEqualTo("chat.completion");
                            assertThat(s(r.get("model"))).isEqualTo("openai.gpt-oss-20b-1:0");
                            assertThat(s(r.at("/choices/0/finish_reason"))).isEqualTo("stop");
                        },
                        chunks -> {
                            assertThat(chunks).allSatisfy(c -> assertThat(s(c.get("object"))).isEqualTo("chat.completion.chunk"));
                            assertThat(s(chunks.get(0).at("/choices/0/delta/role"))).isEqualTo("assistant");
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void invokeAnswersTheFamilyShape(Case c) {
        Invoke.Answer a = Invoke.invoke(client, c.modelId(), c.body());
        assertThat(c.text().apply(a.json).strip()).as(a.json.toString()).isEqualTo("You said: " + c.said());
        c.shape().accept(a.json);
        assertThat(a.response.contentType()).isEqualTo("application/json");
        assertThat(Integer.parseInt(a.header("X-Amzn-Bedrock-Input-Token-Count"))).isPositive();
        assertThat(Integer.parseInt(a.header("X-Amzn-Bedrock-Output-Token-Count")))
                .isEqualTo((("You said: " + c.said()).length() + 3) / 4);
        assertThat(Long.parseLong(a.header("X-Amzn-Bedrock-Invocation-Latency"))).isPositive();
        assertThat(a.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamSendsTheFamilyChunks(Case c) {
        Invoke.Answer plain = Invoke.invoke(client, c.modelId(), c.body());
        Invoke.Streamed s = Invoke.stream(client, c.modelId(), c.body());
        assertThat(s.error).isNull();
        assertThat(s.response.contentType()).isEqualTo("application/json");
        assertThat(s.response.sdkHttpResponse().firstMatchingHeader("Content-Type"))
                .hasValue("application/vnd.amazon.eventstream");
        StringBuilder text = new StringBuilder();
        long textChunks = s.chunks.stream().map(c.chunkText()).peek(text::append).filter(t -> !t.isEmpty()).count();
        assertThat(textChunks).as(s.chunks.toString()).isGreaterThanOrEqualTo(3);
        assertThat(text.toString()).isEqualTo(c.text().apply(plain.json));
        JsonNode metrics = s.last().get("amazon-bedrock-invocationMetrics");
        assertThat(metrics).as(s.last().toString()).isNotNull();
        assertThat(metrics.get("inputTokenCount").asInt())
                .isEqualTo(Integer.parseInt(plain.header("X-Amzn-Bedrock-Input-Token-Count")));
        assertThat(metrics.get("outputTokenCount").asInt())
                .isEqualTo(Integer.parseInt(plain.header("X-Amzn-Bedrock-Output-Token-Count")));
        assertThat(metrics.get("invocationLatency").asLong()).isPositive();
        assertThat(metrics.get("firstByteLatency").asLong()).isPositive()
                .isLessThanOrEqualTo(metrics.get("invocationLatency").asLong());
        assertThat(s.chunks.subList(0, s.chunks.size() - 1))
                .noneMatch(x -> x.has("amazon-bedrock-invocationMetrics"));
        c.streamShape().accept(s.chunks);
    }
}
