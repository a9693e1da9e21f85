package dev.camelbedrock.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.util.List;
import java.util.Map;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static dev.camelbedrock.emulator.Sdk.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConverseTest {

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient h2;
    static BedrockRuntimeAsyncClient h1;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder()
                .guardrail("gr123abc", java.nio.file.Path.of("src/test/resources/guardrails/plain.json"))
                .rule(Rule.when("(?i)^hello").reply("Hi there, friend!"))
                .rule(Rule.when("system please").reply("[system: {{system}}] {{input}}"))
                .rule(Rule.when("weather in (\\w+)").toolUse("get_weather", "{\"city\":\"{{1}}\"}"))
                .rule(Rule.when("llama only").forModel("meta\\.").reply("from llama"))
                .build().start();
        h2 = Sdk.runtimeH2(emulator.uri());
        h1 = Sdk.runtimeH1(emulator.uri());
    }

    @AfterAll
    static void stop() {
        h2.close();
        h1.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    @Test
    void echoOverDefaultHttp2Client() {
        ConverseResponse r = join(h2.converse(Sdk.converse(HAIKU, "What is Camel?")));
        assertThat(r.output().message().role().toString()).isEqualTo("assistant");
        assertThat(r.output().message().content().get(0).text()).isEqualTo("You said: What is Camel?");
        assertThat(r.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(r.usage().inputTokens()).isEqualTo(4); // 14 chars -> ceil(14/4)
        assertThat(r.usage().outputTokens()).isEqualTo(6); // 24 chars
        assertThat(r.usage().totalTokens()).isEqualTo(10);
        assertThat(r.metrics().latencyMs()).isPositive();
        assertThat(r.responseMetadata().requestId()).matches("[0-9a-f-]{36}");
        assertThat(emulator.stats().count("Converse", HAIKU)).isEqualTo(1);
    }

    @Test
    void echoOverHttp11Client() {
        ConverseResponse r = join(h1.converse(Sdk.converse(HAIKU, "over http one")));
        assertThat(r.output().message().content().get(0).text()).isEqualTo("You said: over http one");
    }

    @Test
    void ruleReplyAndModelRestriction() {
        assertThat(text(join(h2.converse(Sdk.converse(HAIKU, "hello there"))))).isEqualTo("Hi there, friend!");
        assertThat(text(join(h2.converse(Sdk.converse(HAIKU, "llama only"))))).isEqualTo("You said: llama only");
        assertThat(text(join(h2.converse(Sdk.converse("us.meta.llama3-2-11b-instruct-v1:0", "llama only")))))
                .isEqualTo("from llama");
    }

    @Test
    void systemPromptTemplate() {
        ConverseResponse r = join(h2.converse(b -> b.modelId(HAIKU)
                .system(SystemContentBlock.fromText("You are terse."))
                .messages(user("system please"))));
        assertThat(text(r)).isEqualTo("[system: You are terse.] system please");
        // system text counts as input: 14 + 13 chars -> 7 tokens
        assertThat(r.usage().inputTokens()).isEqualTo(7);
    }

    @Test
    void multiTurnEchoesLastUserText() {
        ConverseResponse r = join(h2.converse(b -> b.modelId(HAIKU)
                .messages(user("first"), Sdk.assistant("ok"), user("second"))));
        assertThat(text(r)).isEqualTo("You said: second");
    }

    @Test
    void toolUseFromRuleThenToolResult() {
        ToolConfiguration tools = weatherTool();
        ConverseResponse first = join(h2.converse(b -> b.modelId(HAIKU).toolConfig(tools)
                .messages(user("What is the weather in Paris?"))));
        assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
        ToolUseBlock call = first.output().message().content().stream()
                .filter(c -> c.toolUse() != null).findFirst().orElseThrow().toolUse();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.input().asMap().get("city").asString()).isEqualTo("Paris");
        assertThat(call.toolUseId()).startsWith("tooluse_");

        Message toolResult = Message.builder().role("user").content(ContentBlock.fromToolResult(
                ToolResultBlock.builder().toolUseId(call.toolUseId())
                        .content(ToolResultContentBlock.fromText("21 degrees and sunny")).build())).build();
        ConverseResponse second = join(h2.converse(b -> b.modelId(HAIKU).toolConfig(tools)
                .messages(user("What is the weather in Paris?"), first.output().message(), toolResult)));
        assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(text(second)).isEqualTo("The tool get_weather returned: 21 degrees and sunny.");
    }

    @Test
    void defaultCallsToolNamedInUserText() {
        ConverseResponse r = join(h2.converse(b -> b.modelId(HAIKU).toolConfig(weatherTool())
                .messages(user("please use get_weather"))));
        ToolUseBlock call = r.output().message().content().get(0).toolUse();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.input().asMap()).containsEntry("city", Document.fromString("example"));
    }

    @Test
    void imagesAreCountedAndEchoed() {
        ConverseResponse r = join(h2.converse(b -> b.modelId(HAIKU).messages(Message.builder().role("user")
                .content(ContentBlock.fromText("look"), ContentBlock.fromImage(ImageBlock.builder().format("png")
                        .source(ImageSource.fromBytes(Sdk.png())).build())).build())));
        assertThat(text(r)).isEqualTo("You said: look [1 image]");
        assertThat(r.usage().inputTokens()).isEqualTo(1 + 85);
    }

    @Test
    void cachePointsWriteThenRead() {
        String longSystem = "You are a helpful assistant. ".repeat(20);
        var request = software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest.builder().modelId(HAIKU)
                .system(SystemContentBlock.fromText(longSystem),
                        SystemContentBlock.fromCachePoint(CachePointBlock.builder().type("default").build()))
                .messages(user("question")).build();
        ConverseResponse first = join(h2.converse(request));
        ConverseResponse second = join(h2.converse(request));
        int prefix = (longSystem.length() + 3) / 4;
        assertThat(first.usage().cacheWriteInputTokens()).isEqualTo(prefix);
        assertThat(first.usage().cacheReadInputTokens()).isZero();
        assertThat(second.usage().cacheReadInputTokens()).isEqualTo(prefix);
        assertThat(second.usage().cacheWriteInputTokens()).isZero();
        assertThat(second.usage().totalTokens()).isEqualTo(second.usage().inputTokens()
                + second.usage().outputTokens() + prefix);
    }

    @Test
    void stopSequencesAndMaxTokensCutTheReply() {
        ConverseResponse stopped = join(h2.converse(b -> b.modelId(HAIKU).messages(user("one two STOP three"))
                .inferenceConfig(c -> c.stopSequences("STOP"))
                .additionalModelResponseFieldPaths("/stop_sequence")));
        assertThat(stopped.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
        assertThat(text(stopped)).isEqualTo("You said: one two ");
        assertThat(stopped.additionalModelResponseFields().asMap().get("stop_sequence").asString()).isEqualTo("STOP");

        ConverseResponse cut = join(h2.converse(b -> b.modelId(HAIKU).messages(user("a rather long sentence here"))
                .inferenceConfig(c -> c.maxTokens(2))));
        assertThat(cut.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(text(cut)).isEqualTo("You said");
        assertThat(cut.usage().outputTokens()).isEqualTo(2);
    }

    @Test
    void guardrailTraceWhenEnabled() {
        ConverseResponse r = join(h2.converse(b -> b.modelId(HAIKU).messages(user("hi"))
                .guardrailConfig(g -> g.guardrailIdentifier("gr123abc").guardrailVersion("1").trace("enabled"))));
        assertThat(r.trace().guardrail().inputAssessment()).containsKey("gr123abc");
        ConverseResponse off = join(h2.converse(b -> b.modelId(HAIKU).messages(user("hi"))
                .guardrailConfig(g -> g.guardrailIdentifier("gr123abc").guardrailVersion("DRAFT"))));
        assertThat(off.trace()).isNull();
    }

    @Test
    void everyModelIdFormIsAccepted() {
        // a provisioned model must exist (and be InService) for its ARN to be accepted
        emulator.provisionedThroughputs().readyDelay(java.time.Duration.ZERO);
        String pt = emulator.provisionedThroughputs().create("converse-pt", HAIKU, 1, null, null, "us-east-1");
        List<String> ids = List.of(
                HAIKU,
                "us.anthropic.claude-3-5-haiku-20241022-v1:0",
                "eu.amazon.nova-pro-v1:0",
                "apac.anthropic.claude-sonnet-4-20250514-v1:0",
                "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "us-gov.anthropic.claude-3-haiku-20240307-v1:0",
                "jp.anthropic.claude-haiku-4-5-20251001-v1:0",
                "au.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "ca.meta.llama3-8b-instruct-v1:0",
                "arn:aws:bedrock:us-east-1::foundation-model/mistral.mistral-large-2407-v1:0",
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
                "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6",
                pt,
                "openai.gpt-oss-120b-1:0",
                "deepseek.r1-v1:0");
        for (String id : ids) {
            ConverseResponse r = join(h2.converse(Sdk.converse(id, "ping")));
            assertThat(text(r)).as(id).isEqualTo("You said: ping");
        }
        // the SDK percent-encodes ':' and '/', the emulator decoded them back into one path segment
        assertThat(emulator.requests("Converse")).extracting(RecordedRequest::modelId).containsExactlyElementsOf(ids);
        assertThat(emulator.requests("Converse").get(12).path())
                .isEqualTo("/model/" + pt.replace(":", "%3A").replace("/", "%2F") + "/converse")
                .matches("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aprovisioned-model%2F[a-z0-9]{12}/converse");
    }

    @Test
    void unknownModelIsAValidationException() {
        assertThatThrownBy(() -> join(h2.converse(Sdk.converse("acme.unknown-model-v1:0", "hi"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The provided model identifier is invalid.");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> join(h2.converse(Sdk.converse("amazon.titan-embed-text-v2:0", "hi"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("doesn't support the model");
    }

    @Test
    void requestLogKeepsTheBody() {
        join(h2.converse(Sdk.converse(HAIKU, "remember me")));
        RecordedRequest rr = emulator.lastRequest("Converse").orElseThrow();
        assertThat(rr.json().at("/messages/0/content/0/text").asText()).isEqualTo("remember me");
        assertThat(rr.header("authorization")).contains("Credential=AKIDEXAMPLE/");
    }

    static ToolConfiguration weatherTool() {
        return ToolConfiguration.builder().tools(Tool.fromToolSpec(ToolSpecification.builder()
                .name("get_weather").description("Weather for a city")
                .inputSchema(ToolInputSchema.fromJson(Document.fromMap(Map.of(
                        "type", Document.fromString("object"),
                        "properties", Document.fromMap(Map.of("city",
                                Document.fromMap(Map.of("type", Document.fromString("string"))))),
                        "required", Document.fromList(List.of(Document.fromString("city")))))))
                .build())).build();
    }

    static String text(ConverseResponse r) {
        return r.output().message().content().get(0).text();
    }
}
