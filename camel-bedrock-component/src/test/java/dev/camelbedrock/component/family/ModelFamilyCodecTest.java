package dev.camelbedrock.component.family;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.embed.EmbeddingCodecs;
import dev.camelbedrock.component.image.ImageCodecs;
import dev.camelbedrock.component.support.InferenceOptions;
import dev.camelbedrock.component.support.JsonDocuments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON each family codec builds and reads. */
class ModelFamilyCodecTest {

    private static final InferenceOptions NONE = new InferenceOptions(null, null, null, null, List.of());
    private static final InferenceOptions ALL = new InferenceOptions("Be terse.", 200, 0.5f, 0.9f, List.of("END"));
    private static final List<PromptTurn> THREE_TURNS = List.of(PromptTurn.user("Hi"), PromptTurn.assistant("Hello!"),
            PromptTurn.user("Tell me a joke"));

    static ModelFamilyCodec codec(ModelFamily family) {
        return ModelFamilyCodecs.CODECS.forFamily(family).orElseThrow();
    }

    /** The request as its JSON text reads back: how Bedrock sees it (a float 0.5f reads back as the number 0.5). */
    static JsonNode request(ModelFamily family, String modelId, List<PromptTurn> turns, InferenceOptions options) throws Exception {
        ObjectNode built = codec(family).request(new Prompt(modelId, turns, options));
        return json(JsonDocuments.MAPPER.writeValueAsString(built));
    }

    static JsonNode json(String text) throws Exception {
        return JsonDocuments.parse(text);
    }

    /** Feeds chunks through a codec the way a stream does; returns the text deltas and the gathered reply. */
    static ModelReply stream(ModelFamily family, List<String> chunks, List<String> deltas) throws Exception {
        StreamedReply state = new StreamedReply();
        StringBuilder text = new StringBuilder();
        for (String c : chunks) {
            String d = codec(family).chunk(json(c), state);
            if (d != null) {
                deltas.add(d);
                text.append(d);
            }
        }
        return state.toReply(text.toString());
    }

    /**
     * Derived from the catalog: every family it promises (not listed only) has a codec of its kind, text, embedding or
     * image, and no family has one of another kind.
     */
    @Test
    void everyPromisedFamilyHasACodecOfItsKind() {
        for (ModelFamily f : ModelFamily.values()) {
            boolean text = ModelFamilyCodecs.CODECS.forFamily(f).isPresent();
            boolean embedding = EmbeddingCodecs.CODECS.forFamily(f).isPresent();
            boolean image = ImageCodecs.CODECS.forFamily(f).isPresent();
            boolean promised = !f.isListedOnly();
            assertThat(text).as("%s has a prompt-level codec", f).isEqualTo(promised && f.kind() == ModelFamily.Kind.TEXT);
            assertThat(embedding).as("%s has an embedding codec", f).isEqualTo(promised && f.kind() == ModelFamily.Kind.EMBEDDING);
            assertThat(image).as("%s has an image codec", f).isEqualTo(promised && f.kind() == ModelFamily.Kind.IMAGE);
        }
    }

    // ---- Anthropic ----

    @Test
    void anthropicRequest() throws Exception {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
        List<PromptTurn> turns = List.of(new PromptTurn(true, "What is this?", List.of(new PromptTurn.PromptImage("png", png))));
        assertThat(request(ModelFamily.ANTHROPIC_MESSAGES, "anthropic.claude-3-haiku-20240307-v1:0", turns, ALL)).isEqualTo(json("""
                {"anthropic_version":"bedrock-2023-05-31","max_tokens":200,"system":"Be terse.",
                 "messages":[{"role":"user","content":[
                   {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw=="}},
                   {"type":"text","text":"What is this?"}]}],
                 "temperature":0.5,"top_p":0.9,"stop_sequences":["END"]}"""));
        assertThat(request(ModelFamily.ANTHROPIC_MESSAGES, "x", THREE_TURNS, NONE).get("max_tokens").intValue())
                .as("max_tokens is required by the body").isEqualTo(AnthropicMessagesCodec.DEFAULT_MAX_TOKENS);
    }

    @Test
    void anthropicReplyAndStream() throws Exception {
        ModelReply r = codec(ModelFamily.ANTHROPIC_MESSAGES).reply(json("""
                {"id":"msg_bdrk_01","type":"message","role":"assistant","model":"claude-3-5-sonnet-20241022",
                 "content":[{"type":"text","text":"Hello!"}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":10,"output_tokens":5,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}"""));
        assertThat(r).isEqualTo(new ModelReply("Hello!", "end_turn", 10, 5));

        List<String> deltas = new ArrayList<>();
        ModelReply s = stream(ModelFamily.ANTHROPIC_MESSAGES, List.of(
                "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"role\":\"assistant\",\"content\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}",
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\"}}",
                "{\"type\":\"content_block_stop\",\"index\":0}",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":42}}",
                "{\"type\":\"message_stop\",\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":12,\"outputTokenCount\":42}}"), deltas);
        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(s).isEqualTo(new ModelReply("Hello", "end_turn", 12, 42));
    }

    // ---- Titan Text ----

    @Test
    void titanText() throws Exception {
        assertThat(request(ModelFamily.TITAN_TEXT, "amazon.titan-text-express-v1", THREE_TURNS, ALL)).isEqualTo(json("""
                {"inputText":"Be terse.\\n\\nUser: Hi\\nBot: Hello!\\nUser: Tell me a joke\\nBot:",
                 "textGenerationConfig":{"maxTokenCount":200,"temperature":0.5,"topP":0.9,"stopSequences":["END"]}}"""));
        assertThat(request(ModelFamily.TITAN_TEXT, "x", List.of(PromptTurn.user("Hi")), NONE))
                .isEqualTo(json("{\"inputText\":\"User: Hi\\nBot:\"}"));
        assertThat(codec(ModelFamily.TITAN_TEXT).reply(json("""
                {"inputTextTokenCount":12,"results":[{"tokenCount":40,"outputText":"A joke.","completionReason":"FINISH"}]}""")))
                .isEqualTo(new ModelReply("A joke.", "FINISH", 12, 40));
        List<String> deltas = new ArrayList<>();
        ModelReply s = stream(ModelFamily.TITAN_TEXT, List.of(
                "{\"outputText\":\"A \",\"index\":0,\"totalOutputTextTokenCount\":1,\"completionReason\":null,\"inputTextTokenCount\":7}",
                "{\"outputText\":\"joke.\",\"index\":0,\"totalOutputTextTokenCount\":3,\"completionReason\":\"FINISH\",\"inputTextTokenCount\":null}"),
                deltas);
        assertThat(deltas).containsExactly("A ", "joke.");
        assertThat(s).isEqualTo(new ModelReply("A joke.", "FINISH", 7, 3));
    }

    // ---- Nova ----

    @Test
    void novaSpellsTheInferenceKeysByGeneration() throws Exception {
        assertThat(request(ModelFamily.NOVA, "amazon.nova-lite-v1:0", THREE_TURNS, ALL)).isEqualTo(json("""
                {"schemaVersion":"messages-v1","system":[{"text":"Be terse."}],
                 "messages":[{"role":"user","content":[{"text":"Hi"}]},{"role":"assistant","content":[{"text":"Hello!"}]},
                             {"role":"user","content":[{"text":"Tell me a joke"}]}],
                 "inferenceConfig":{"max_new_tokens":200,"temperature":0.5,"top_p":0.9,"stopSequences":["END"]}}"""));
        JsonNode nova2 = request(ModelFamily.NOVA, "global.amazon.nova-2-lite-v1:0", THREE_TURNS, ALL).get("inferenceConfig");
        assertThat(nova2).isEqualTo(json("{\"maxTokens\":200,\"temperature\":0.5,\"topP\":0.9,\"stopSequences\":[\"END\"]}"));
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
        JsonNode withImage = request(ModelFamily.NOVA, "amazon.nova-lite-v1:0",
                List.of(new PromptTurn(true, "What?", List.of(new PromptTurn.PromptImage("jpeg", jpeg)))), NONE);
        assertThat(withImage.at("/messages/0/content/0")).isEqualTo(json("{\"image\":{\"format\":\"jpeg\",\"source\":{\"bytes\":\"/9j/\"}}}"));
    }

    @Test
    void novaReplyAndStream() throws Exception {
        assertThat(codec(ModelFamily.NOVA).reply(json("""
                {"output":{"message":{"role":"assistant","content":[{"text":"Hello"}]}},"stopReason":"end_turn",
                 "usage":{"inputTokens":5,"outputTokens":2,"totalTokens":7,"cacheReadInputTokenCount":0}}""")))
                .isEqualTo(new ModelReply("Hello", "end_turn", 5, 2));
        List<String> deltas = new ArrayList<>();
        ModelReply s = stream(ModelFamily.NOVA, List.of("{\"messageStart\":{\"role\":\"assistant\"}}",
                "{\"contentBlockDelta\":{\"delta\":{\"text\":\"Hel\"},\"contentBlockIndex\":0}}",
                "{\"contentBlockDelta\":{\"delta\":{\"text\":\"lo\"},\"contentBlockIndex\":0}}",
                "{\"contentBlockStop\":{\"contentBlockIndex\":0}}", "{\"messageStop\":{\"stopReason\":\"end_turn\"}}",
                "{\"metadata\":{\"usage\":{\"inputTokens\":5,\"outputTokens\":2},\"metrics\":{},\"trace\":{}},"
                + "\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":5,\"outputTokenCount\":2}}"), deltas);
        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(s).isEqualTo(new ModelReply("Hello", "end_turn", 5, 2));
    }

    // ---- Llama ----

    @Test
    void llama3ChatTemplate() throws Exception {
        InferenceOptions noStops = new InferenceOptions("Be terse.", 200, 0.5f, 0.9f, List.of());
        assertThat(request(ModelFamily.LLAMA, "meta.llama3-8b-instruct-v1:0", List.of(PromptTurn.user("Hi")), noStops)).isEqualTo(json("""
                {"prompt":"<|begin_of_text|><|start_header_id|>system<|end_header_id|>\\n\\nBe terse.<|eot_id|><|start_header_id|>user<|end_header_id|>\\n\\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\\n\\n",
                 "max_gen_len":200,"temperature":0.5,"top_p":0.9}"""));
        assertThat(request(ModelFamily.LLAMA, "meta.llama3-8b-instruct-v1:0", List.of(PromptTurn.user("Hi")), NONE).get("prompt").asText())
                .as("the reference's example, byte for byte")
                .isEqualTo("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
        assertThat(request(ModelFamily.LLAMA, "meta.llama2-13b-chat-v1", THREE_TURNS, noStops).get("prompt").asText())
                .isEqualTo("<s>[INST] <<SYS>>\nBe terse.\n<</SYS>>\n\nHi [/INST] Hello! </s><s>[INST] Tell me a joke [/INST]");
        JsonNode vision = request(ModelFamily.LLAMA, "us.meta.llama3-2-11b-instruct-v1:0",
                List.of(new PromptTurn(true, "What?", List.of(new PromptTurn.PromptImage("png", new byte[] { 1 })))), NONE);
        assertThat(vision.get("images")).isEqualTo(json("[\"AQ==\"]"));
        assertThat(vision.get("prompt").asText()).contains("user<|end_header_id|>\n\n<|image|>What?<|eot_id|>");
        assertThatThrownBy(() -> request(ModelFamily.LLAMA, "meta.llama3-8b-instruct-v1:0", THREE_TURNS, ALL))
                .isInstanceOf(CodecInputException.class).hasMessageContaining("no stop sequences");
    }

    @Test
    void llamaReplyAndStream() throws Exception {
        assertThat(codec(ModelFamily.LLAMA).reply(json(
                "{\"generation\":\"Hello!\",\"prompt_token_count\":14,\"generation_token_count\":3,\"stop_reason\":\"stop\"}")))
                .isEqualTo(new ModelReply("Hello!", "stop", 14, 3));
        List<String> deltas = new ArrayList<>();
        ModelReply s = stream(ModelFamily.LLAMA, List.of(
                "{\"generation\":\"Hel\",\"prompt_token_count\":14,\"generation_token_count\":1,\"stop_reason\":null}",
                "{\"generation\":\"lo!\",\"prompt_token_count\":null,\"generation_token_count\":3,\"stop_reason\":\"stop\","
                + "\"amazon-bedrock-invocationMetrics\":{\"inputTokenCount\":14,\"outputTokenCount\":3}}"), deltas);
        assertThat(deltas).containsExactly("Hel", "lo!");
        assertThat(s).isEqualTo(new ModelReply("Hello!", "stop", 14, 3));
    }

    // ---- Mistral ----

    @Test
    void mistralText() throws Exception {
        assertThat(request(ModelFamily.MISTRAL_TEXT, "mistral.mistral-7b-instruct-v0:2", List.of(PromptTurn.user("Hi")), NONE))
                .as("the reference's example").isEqualTo(json("{\"prompt\":\"<s>[INST] Hi [/INST]\"}"));
        assertThat(request(ModelFamily.MISTRAL_TEXT, "mistral.mixtral-8x7b-instruct-v0:1", THREE_TURNS, ALL)).isEqualTo(json("""
                {"prompt":"<s>[INST] Be terse.\\n\\nHi [/INST]Hello!</s>[INST] Tell me a joke [/INST]",
                 "max_tokens":200,"stop":["END"],"temperature":0.5,"top_p":0.9}"""));
        assertThat(codec(ModelFamily.MISTRAL_TEXT).reply(json("{\"outputs\":[{\"text\":\"Hello\",\"stop_reason\":\"stop\"}]}")))
                .isEqualTo(new ModelReply("Hello", "stop", null, null));
        List<String> deltas = new ArrayList<>();
        ModelReply s = stream(ModelFamily.MISTRAL_TEXT, List.of("{\"outputs\":[{\"text\":\"Hel\",\"stop_reason\":null}]}",
                "{\"outputs\":[{\"text\":\"lo\",\"stop_reason\":\"length\"}]}"), deltas);
        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(s.stopReason()).isEqualTo("length");
    }

    @Test
    void mistralChatJambaAndOpenAiShareTheChatBody() throws Exception {
        String expected = """
                {"messages":[{"role":"system","content":"Be terse."},{"role":"user","content":"Hi"},
                             {"role":"assistant","content":"Hello!"},{"role":"user","content":"Tell me a joke"}],
                 "%s":200,"temperature":0.5,"top_p":0.9,"stop":["END"]}""";
        assertThat(request(ModelFamily.MISTRAL_CHAT, "mistral.mistral-large-2407-v1:0", THREE_TURNS, ALL))
                .isEqualTo(json(expected.formatted("max_tokens")));
        assertThat(request(ModelFamily.AI21_JAMBA, "ai21.jamba-1-5-mini-v1:0", THREE_TURNS, ALL))
                .isEqualTo(json(expected.formatted("max_tokens")));
        assertThat(request(ModelFamily.OPENAI_CHAT, "openai.gpt-oss-20b-1:0", THREE_TURNS, ALL))
                .isEqualTo(json(expected.formatted("max_completion_tokens")));
    }

    @Test
    void chatRepliesAndStreams() throws Exception {
        assertThat(codec(ModelFamily.AI21_JAMBA).reply(json("""
                {"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi!","tool_calls":null},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}""")))
                .isEqualTo(new ModelReply("Hi!", "stop", 9, 2));
        assertThat(codec(ModelFamily.MISTRAL_CHAT).reply(json("""
                {"choices":[{"index":0,"message":{"role":"assistant","content":"Hi!"},"stop_reason":"length"}]}""")))
                .as("Mistral's stop_reason spelling").isEqualTo(new ModelReply("Hi!", "length", null, null));
        List<String> deltas = new ArrayList<>();
        ModelReply s = stream(ModelFamily.OPENAI_CHAT, List.of(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"finish_reason\":null}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2}}"), deltas);
        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(s).isEqualTo(new ModelReply("Hello", "stop", 4, 2));
        deltas.clear();
        stream(ModelFamily.MISTRAL_CHAT, List.of(
                "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"stop_reason\":null}]}"), deltas);
        assertThat(deltas).containsExactly("Hel");
    }

    // ---- Cohere Command R ----

    @Test
    void cohereCommandR() throws Exception {
        assertThat(request(ModelFamily.COHERE_COMMAND_R, "cohere.command-r-v1:0", THREE_TURNS, ALL)).isEqualTo(json("""
                {"message":"Tell me a joke","chat_history":[{"role":"USER","message":"Hi"},{"role":"CHATBOT","message":"Hello!"}],
                 "preamble":"Be terse.","max_tokens":200,"temperature":0.5,"p":0.9,"stop_sequences":["END"]}"""));
        assertThat(request(ModelFamily.COHERE_COMMAND_R, "cohere.command-r-v1:0", List.of(PromptTurn.user("Hi")), NONE))
                .isEqualTo(json("{\"message\":\"Hi\"}"));
        assertThat(codec(ModelFamily.COHERE_COMMAND_R).reply(json(
                "{\"response_id\":\"r\",\"text\":\"Ha.\",\"generation_id\":\"g\",\"chat_history\":[],\"finish_reason\":\"COMPLETE\"}")))
                .isEqualTo(new ModelReply("Ha.", "COMPLETE", null, null));
        List<String> deltas = new ArrayList<>();
        ModelReply s = stream(ModelFamily.COHERE_COMMAND_R, List.of("{\"is_finished\":false,\"event_type\":\"stream-start\",\"generation_id\":\"g\"}",
                "{\"is_finished\":false,\"event_type\":\"text-generation\",\"text\":\"Ha\"}",
                "{\"is_finished\":false,\"event_type\":\"text-generation\",\"text\":\".\"}",
                "{\"is_finished\":true,\"event_type\":\"stream-end\",\"finish_reason\":\"COMPLETE\",\"response\":{\"text\":\"Ha.\"}}"), deltas);
        assertThat(deltas).containsExactly("Ha", ".");
        assertThat(s.stopReason()).isEqualTo("COMPLETE");
    }

    // ---- DeepSeek ----

    @Test
    void deepSeekPromptForm() throws Exception {
        assertThat(request(ModelFamily.DEEPSEEK, "us.deepseek.r1-v1:0", THREE_TURNS, ALL)).isEqualTo(json("""
                {"prompt":"<｜begin▁of▁sentence｜>Be terse.<｜User｜>Hi<｜Assistant｜>Hello!<｜end▁of▁sentence｜><｜User｜>Tell me a joke<｜Assistant｜>",
                 "max_tokens":200,"temperature":0.5,"top_p":0.9,"stop":["END"]}"""));
        assertThat(codec(ModelFamily.DEEPSEEK).reply(json("{\"choices\":[{\"text\":\"<think>hm</think>Ha.\",\"stop_reason\":\"stop\"}]}")))
                .isEqualTo(new ModelReply("<think>hm</think>Ha.", "stop", null, null));
        List<String> deltas = new ArrayList<>();
        stream(ModelFamily.DEEPSEEK, List.of("{\"choices\":[{\"text\":\"Ha\",\"stop_reason\":null}]}",
                "{\"choices\":[{\"text\":\".\",\"stop_reason\":\"stop\"}]}"), deltas);
        assertThat(deltas).containsExactly("Ha", ".");
    }
}
