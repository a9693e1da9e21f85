package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensInput;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.util.List;
import java.util.stream.Collectors;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** InvokeModel behaviour shared by the families: rules and tool calls, validation, headers, faults, HTTP/1.1. */
class InvokeModelTest {

    static final String CLAUDE = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":300,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}";

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

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    static String claude(String text) {
        return String.format(CLAUDE, text);
    }

    /** The service's error message (without the SDK's suffix) of a ValidationException. */
    static String validation(String modelId, String body) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Invoke.invoke(client, modelId, body));
        assertThat(t).isInstanceOf(ValidationException.class);
        return ((ValidationException) t).awsErrorDetails().errorMessage();
    }

    @Test
    void rulesDecideTheReplyForPromptFamiliesToo() {
        emulator.rules().add(Rule.when("(?i)weather in (\\w+)").reply("It is sunny in {{1}}."));
        assertThat(Invoke.invoke(client, "meta.llama3-70b-instruct-v1:0",
                "{\"prompt\":\"<|begin_of_text|><|start_header_id|>user<|end_header_id|>\\n\\nWhat is the weather in Paris?"
                        + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n\"}").json.get("generation").asText())
                .isEqualTo("It is sunny in Paris.");
        assertThat(Invoke.invoke(client, "amazon.titan-text-lite-v1", "{\"inputText\":\"weather in Rome\"}")
                .json.at("/results/0/outputText").asText()).isEqualTo("It is sunny in Rome.");
        emulator.rules().add(Rule.when("boom").forModel("mistral").error("ModelErrorException", "scripted"));
        assertThatThrownBy(() -> Invoke.invoke(client, "mistral.mixtral-8x7b-instruct-v0:1",
                "{\"prompt\":\"<s>[INST] boom [/INST]\"}"))
                .isInstanceOf(software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException.class)
                .hasMessageContaining("scripted");
    }

    @Test
    void maxTokensAndStopSequencesCutLikeAModel() {
        JsonNode r = Invoke.invoke(client, HAIKU, "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":2,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"please say a long thing\"}]}").json;
        assertThat(r.get("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(r.at("/content/0/text").asText()).isEqualTo("You said");
        JsonNode t = Invoke.invoke(client, "amazon.titan-text-express-v1", "{\"inputText\":\"stop at here please\","
                + "\"textGenerationConfig\":{\"stopSequences\":[\"here\"]}}").json;
        assertThat(t.at("/results/0/outputText").asText()).isEqualTo("You said: stop at ");
        assertThat(t.at("/results/0/completionReason").asText()).isEqualTo("STOP_CRITERIA_MET");
        JsonNode l = Invoke.invoke(client, "meta.llama3-8b-instruct-v1:0", "{\"prompt\":\"long answer\",\"max_gen_len\":1}").json;
        assertThat(l.get("stop_reason").asText()).isEqualTo("length");
    }

    @Test
    void anthropicToolUseAndStreamedInputJson() {
        emulator.rules().add(Rule.when("weather in (\\w+)").toolUse("get_weather", "{\"city\":\"{{1}}\"}"));
        String body = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":300,"
                + "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Weather\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"weather in Paris\"}]}]}";
        JsonNode r = Invoke.invoke(client, HAIKU, body).json;
        assertThat(r.get("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode tu = r.at("/content/0");
        assertThat(tu.get("type").asText()).isEqualTo("tool_use");
        assertThat(tu.get("id").asText()).startsWith("toolu_bdrk_01");
        assertThat(tu.get("name").asText()).isEqualTo("get_weather");
        assertThat(tu.get("input").toString()).isEqualTo("{\"city\":\"Paris\"}");

        Invoke.Streamed s = Invoke.stream(client, HAIKU, body);
        String json = s.chunks.stream().filter(c -> "input_json_delta".equals(c.at("/delta/type").asText()))
                .map(c -> c.at("/delta/partial_json").asText()).collect(Collectors.joining());
        assertThat(Invoke.json(json)).isEqualTo(tu.get("input"));
        assertThat(s.chunks.get(1).at("/content_block/type").asText()).isEqualTo("tool_use");
        assertThat(s.chunks.get(1).at("/content_block/id").asText()).isEqualTo(tu.get("id").asText());

        // the tool result comes back: the default reply reports it
        String followUp = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":300,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"what is it like?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"21C\"}]}]}";
        assertThat(Invoke.invoke(client, HAIKU, followUp).json.at("/content/0/text").asText())
                .isEqualTo("The tool get_weather returned: 21C.");
    }

    @Test
    void openAiStyleAndNovaToolCalls() {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"description\":\"d\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},\"required\":[\"q\"]}}}]";
        JsonNode r = Invoke.invoke(client, "openai.gpt-oss-120b-1:0",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"please lookup this\"}]," + tools + "}").json;
        assertThat(r.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(r.at("/choices/0/message/tool_calls/0/function/name").asText()).isEqualTo("lookup");
        assertThat(Invoke.json(r.at("/choices/0/message/tool_calls/0/function/arguments").asText()).get("q").asText())
                .isEqualTo("example");
        JsonNode m = Invoke.invoke(client, "mistral.mistral-large-2407-v1:0",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"lookup\"}]," + tools + ",\"tool_choice\":\"any\"}").json;
        assertThat(m.at("/choices/0/stop_reason").asText()).isEqualTo("tool_calls");
        JsonNode n = Invoke.invoke(client, "amazon.nova-micro-v1:0", "{\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"text\":\"use lookup\"}]}],\"toolConfig\":{\"tools\":[{\"toolSpec\":{\"name\":\"lookup\","
                + "\"inputSchema\":{\"json\":{\"type\":\"object\"}}}}]}}").json;
        assertThat(n.get("stopReason").asText()).isEqualTo("tool_use");
        assertThat(n.at("/output/message/content/0/toolUse/name").asText()).isEqualTo("lookup");
        assertThat(n.at("/output/message/content/0/toolUse/toolUseId").asText()).startsWith("tooluse_");
        JsonNode c = Invoke.invoke(client, "cohere.command-r-v1:0", "{\"message\":\"call lookup now\",\"tools\":"
                + "[{\"name\":\"lookup\",\"description\":\"d\",\"parameter_definitions\":{\"q\":{\"type\":\"str\","
                + "\"required\":true}}}]}").json;
        assertThat(c.at("/tool_calls/0/name").asText()).isEqualTo("lookup");
        assertThat(c.at("/tool_calls/0/parameters/q").asText()).isEqualTo("example");
    }

    @Test
    void validationErrorsNameTheField() {
        assertThat(validation(HAIKU, "{\"anthropic_version\":\"bedrock-2023-05-31\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"x\"}]}"))
                .startsWith("Malformed input request: #: required key [max_tokens] not found, please reformat your "
                        + "input and try again.");
        assertThat(validation(HAIKU, "{\"max_tokens\":10,\"messages\":[]}"))
                .contains("required key [anthropic_version] not found");
        assertThat(validation(HAIKU, "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10}"))
                .contains("required key [messages] not found");
        assertThat(validation(HAIKU, "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":\"ten\","
                + "\"messages\":[]}")).contains("#/max_tokens: expected type: Integer, found: String");
        assertThat(validation(HAIKU, "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10,\"model\":\"x\","
                + "\"messages\":[]}")).contains("extraneous key [model] is not permitted");
        assertThat(validation(HAIKU, "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":10,\"messages\":"
                + "[{\"role\":\"assistant\",\"content\":\"x\"}]}")).contains("first message must use the \"user\" role");
        assertThat(validation("amazon.titan-text-express-v1", "{\"textGenerationConfig\":{}}"))
                .contains("#: required key [inputText] not found");
        assertThat(validation("amazon.titan-text-express-v1", "{\"inputText\":\"x\",\"textGenerationConfig\":"
                + "{\"maxTokenCount\":9000}}"))
                .contains("#/textGenerationConfig/maxTokenCount: 9000 is not less or equal to 8192");
        assertThat(validation("amazon.titan-text-express-v1", "{\"inputText\":\"x\",\"textGenerationConfig\":"
                + "{\"maxTokens\":10}}")).contains("#/textGenerationConfig: extraneous key [maxTokens]");
        assertThat(validation("meta.llama3-8b-instruct-v1:0", "{\"max_gen_len\":10}"))
                .contains("required key [prompt] not found");
        assertThat(validation("meta.llama3-8b-instruct-v1:0", "{\"prompt\":\"x\",\"max_tokens\":10}"))
                .contains("extraneous key [max_tokens] is not permitted");
        assertThat(validation("meta.llama3-8b-instruct-v1:0", "{\"prompt\":\"x\",\"temperature\":1.5}"))
                .contains("#/temperature: 1.5 is not less or equal to 1");
        assertThat(validation("amazon.nova-lite-v1:0", "{\"inferenceConfig\":{}}"))
                .contains("required key [messages] not found");
        assertThat(validation("mistral.mistral-7b-instruct-v0:2", "{}")).contains("required key [prompt]");
        assertThat(validation("cohere.command-r-v1:0", "{\"chat_history\":[]}"))
                .contains("required key [message]");
        assertThat(validation("ai21.jamba-1-5-large-v1:0", "{\"prompt\":\"x\"}"))
                .contains("required key [messages]");
        assertThat(validation(HAIKU, "this is not json")).startsWith("Malformed input request: ");
        assertThat(validation(HAIKU, "[1,2]")).contains("#: expected type: JSONObject, found: JSONArray");
        assertThat(validation("nope.model-v1", claude("x"))).isEqualTo("The provided model identifier is invalid.");
        assertThat(validation("amazon.nova-reel-v1:0", "{}")).contains("StartAsyncInvoke");
    }

    @Test
    void acceptAndContentTypeMustBeJson() {
        assertThatThrownBy(() -> join(client.invokeModel(b -> b.modelId(HAIKU).accept("text/plain")
                .body(SdkBytes.fromUtf8String(claude("x"))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Accept Type");
        assertThat(join(client.invokeModel(b -> b.modelId(HAIKU).accept("application/json").contentType("application/json")
                .body(SdkBytes.fromUtf8String(claude("x"))))).contentType()).isEqualTo("application/json");
        assertThat(join(client.invokeModel(b -> b.modelId(HAIKU).accept("*/*")
                .body(SdkBytes.fromUtf8String(claude("x"))))).contentType()).isEqualTo("application/json");
        assertThatThrownBy(() -> join(client.invokeModel(b -> b.modelId(HAIKU).contentType("text/plain")
                .body(SdkBytes.fromUtf8String(claude("x"))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ContentType");
        assertThatThrownBy(() -> Invoke.stream(client, b -> b.modelId(HAIKU).accept("image/png")
                .body(SdkBytes.fromUtf8String(claude("x")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Accept Type");
        assertThat(emulator.lastRequest("InvokeModelWithResponseStream").orElseThrow()
                .header("x-amzn-bedrock-accept")).isEqualTo("image/png");
    }

    @Test
    void embeddingAndImageModelsDoNotStream() {
        assertThatThrownBy(() -> Invoke.stream(client, "amazon.titan-embed-text-v2:0", "{\"inputText\":\"x\"}"))
                .isInstanceOf(ValidationException.class)
                .extracting(t -> ((ValidationException) t).awsErrorDetails().errorMessage())
                .isEqualTo("The model is unsupported for streaming.");
        assertThatThrownBy(() -> Invoke.stream(client, "stability.sd3-5-large-v1:0", "{\"prompt\":\"x\"}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unsupported for streaming");
        assertThatThrownBy(() -> Invoke.stream(client, "cohere.embed-english-v3", "{\"texts\":[\"x\"]}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unsupported for streaming");
    }

    @Test
    void countTokensOfTheSameBodyEqualsTheInputTokenHeader() {
        for (String[] c : List.of(new String[] {HAIKU, claude("How many tokens is this?")},
                new String[] {"amazon.nova-lite-v1:0", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi there\"}]}]}"})) {
            Invoke.Answer a = Invoke.invoke(client, c[0], c[1]);
            int counted = join(client.countTokens(b -> b.modelId(c[0])
                    .input(CountTokensInput.fromInvokeModel(i -> i.body(SdkBytes.fromUtf8String(c[1])))))).inputTokens();
            assertThat(counted).isEqualTo(Integer.parseInt(a.header("X-Amzn-Bedrock-Input-Token-Count")));
        }
    }

    @Test
    void faultsApplyByOperationName() {
        emulator.inject(Fault.error("ThrottlingException").forOperation("InvokeModel").times(1));
        assertThatThrownBy(() -> Invoke.invoke(client, HAIKU, claude("x"))).isInstanceOf(ThrottlingException.class);
        assertThat(Invoke.invoke(client, HAIKU, claude("x")).json.get("type").asText()).isEqualTo("message");

        emulator.inject(Fault.streamException("modelStreamErrorException").forOperation("InvokeModelWithResponseStream")
                .afterEvents(2).originalStatusCode(503).originalMessage("overloaded"));
        Invoke.Streamed s = Invoke.streamUntilError(client, HAIKU, claude("one two three four five"));
        assertThat(s.error).isInstanceOf(ModelStreamErrorException.class);
        assertThat(((ModelStreamErrorException) s.error).originalStatusCode()).isEqualTo(503);
        assertThat(s.chunks).hasSize(2);
        assertThat(s.chunks.get(0).get("type").asText()).isEqualTo("message_start");
        assertThat(emulator.stats().count("InvokeModelWithResponseStream", HAIKU)).isEqualTo(1);
        assertThat(emulator.stats().count("InvokeModel")).isEqualTo(2);
    }

    @Test
    void streamGateAndChunkDelayApply() throws Exception {
        emulator.pauseStreamsAfter(2);
        java.util.concurrent.CompletableFuture<Invoke.Streamed> f = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Invoke.stream(client, "meta.llama3-8b-instruct-v1:0", "{\"prompt\":\"a b c d e\"}"));
        assertThat(emulator.awaitHeldStreams(1, java.time.Duration.ofSeconds(120))).isTrue();
        assertThat(f).isNotDone();
        emulator.resumeStreams();
        Invoke.Streamed s = f.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(s.chunks.stream().map(c -> c.get("generation").asText()).collect(Collectors.joining()))
                .isEqualTo("You said: a b c d e");
    }

    @Test
    void http11ClientWorksForInvokeAndStream() {
        try (BedrockRuntimeAsyncClient h1 = Sdk.runtimeH1(emulator.uri())) {
            assertThat(Invoke.invoke(h1, HAIKU, claude("over http one")).json.at("/content/0/text").asText())
                    .isEqualTo("You said: over http one");
            Invoke.Streamed s = Invoke.stream(h1, "amazon.titan-text-premier-v1:0", "{\"inputText\":\"stream over http one\"}");
            assertThat(s.chunks.stream().map(c -> c.get("outputText").asText()).collect(Collectors.joining()))
                    .isEqualTo("You said: stream over http one");
            assertThat(emulator.requests()).extracting(RecordedRequest::protocol).containsOnly("HTTP/1.1");
        }
    }

    @Test
    void opaqueArnsGuessTheFamilyFromTheBody() {
        // an application inference profile hides its model; an unknown provisioned-model ARN is refused (see ProvisionedThroughputTest)
        String pt = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcdefghijkl";
        assertThat(Invoke.invoke(client, pt, claude("provisioned")).json.at("/content/0/text").asText())
                .isEqualTo("You said: provisioned");
        assertThat(Invoke.invoke(client, pt, "{\"inputText\":\"titan on pt\"}").json.at("/results/0/outputText").asText())
                .isEqualTo("You said: titan on pt");
        assertThat(Invoke.invoke(client, "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0",
                "{\"prompt\":\"by arn\"}").json.get("generation").asText()).isEqualTo("You said: by arn");
    }
}
