package dev.camelbedrock.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.assistant;
import static dev.camelbedrock.emulator.Sdk.join;
import static dev.camelbedrock.emulator.Sdk.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every validation rule surfaces through the real SDK as a typed ValidationException (400). */
class ValidationTest {

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

    static Stream<Arguments> invalidRequests() {
        ToolConfiguration weather = ConverseTest.weatherTool();
        Message toolCall = Message.builder().role("assistant").content(ContentBlock.fromToolUse(ToolUseBlock.builder()
                .toolUseId("tooluse_abc").name("get_weather").input(Document.fromMap(Map.of())).build())).build();
        Message wrongResult = Message.builder().role("user").content(ContentBlock.fromToolResult(ToolResultBlock
                .builder().toolUseId("tooluse_other").content(ToolResultContentBlock.fromText("x")).build())).build();
        ToolInputSchema schema = ToolInputSchema.fromJson(Document.fromMap(Map.of("type", Document.fromString("object"))));
        return Stream.of(
                Arguments.of("empty messages", req(b -> b.messages(List.of())),
                        "1 validation error detected: Value '[]' at 'messages' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1"),
                Arguments.of("missing messages", req(b -> { }),
                        "Value null at 'messages' failed to satisfy constraint: Member must not be null"),
                Arguments.of("first message from assistant", req(b -> b.messages(assistant("hi"), user("hello"))),
                        "A conversation must start with a user message."),
                Arguments.of("roles do not alternate", req(b -> b.messages(user("a"), user("b"))),
                        "A conversation must alternate between user and assistant roles."),
                Arguments.of("tool result without matching tool use",
                        req(b -> b.toolConfig(weather).messages(user("weather?"), toolCall, wrongResult)),
                        "unexpected `tool_use_id` found in `tool_result` blocks: tooluse_other"),
                Arguments.of("empty text", req(b -> b.messages(user(""))),
                        "The text field in the ContentBlock object at messages.0.content.0 is blank."),
                Arguments.of("maxTokens < 1", req(b -> b.messages(user("hi")).inferenceConfig(c -> c.maxTokens(0))),
                        "Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: "
                                + "Member must have value greater than or equal to 1"),
                Arguments.of("temperature > 1", req(b -> b.messages(user("hi")).inferenceConfig(c -> c.temperature(1.5f))),
                        "Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: "
                                + "Member must have value less than or equal to 1"),
                Arguments.of("topP < 0", req(b -> b.messages(user("hi")).inferenceConfig(c -> c.topP(-0.5f))),
                        "Value '-0.5' at 'inferenceConfig.topP' failed to satisfy constraint: "
                                + "Member must have value greater than or equal to 0"),
                Arguments.of("bad image format", req(b -> b.messages(Message.builder().role("user").content(
                                ContentBlock.fromImage(ImageBlock.builder().format("bmp")
                                        .source(ImageSource.fromBytes(Sdk.png())).build())).build())),
                        "Value 'bmp' at 'messages.1.member.content.1.member.image.format' failed to satisfy "
                                + "constraint: Member must satisfy enum value set: [png, jpeg, gif, webp]"),
                Arguments.of("union with two members", req(b -> b.messages(Message.builder().role("user").content(
                                ContentBlock.builder().text("hi").image(ImageBlock.builder().format("png")
                                        .source(ImageSource.fromBytes(Sdk.png())).build()).build()).build())),
                        "at 'messages.1.member.content.1.member' failed to satisfy constraint: Member must have "
                                + "exactly one of"),
                Arguments.of("tool spec without name", req(b -> b.messages(user("hi")).toolConfig(t -> t.tools(
                                Tool.fromToolSpec(ToolSpecification.builder().inputSchema(schema).build())))),
                        "Value null at 'toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: "
                                + "Member must not be null"),
                Arguments.of("tool spec without inputSchema", req(b -> b.messages(user("hi")).toolConfig(t -> t.tools(
                                Tool.fromToolSpec(ToolSpecification.builder().name("calc").build())))),
                        "Value null at 'toolConfig.tools.1.member.toolSpec.inputSchema' failed to satisfy "
                                + "constraint: Member must not be null"),
                Arguments.of("toolChoice names an unknown tool", req(b -> b.messages(user("hi")).toolConfig(
                                weather.toBuilder().toolChoice(ToolChoice.fromTool(t -> t.name("nope"))).build())),
                        "The tool nope named in toolConfig.toolChoice is not defined in toolConfig.tools."),
                Arguments.of("tool use without toolConfig", req(b -> b.messages(user("w"), toolCall, user("x"))),
                        "The toolConfig field must be defined when using toolUse and toolResult content blocks."),
                Arguments.of("bad guardrail trace", req(b -> b.messages(user("hi")).guardrailConfig(g -> g
                                .guardrailIdentifier("abc").guardrailVersion("1").trace("loud"))),
                        "Value 'loud' at 'guardrailConfig.trace' failed to satisfy constraint: Member must satisfy "
                                + "enum value set: [enabled, disabled, enabled_full]"),
                // the service model leaves both members optional: the pair simply names no guardrail
                Arguments.of("guardrail without version", req(b -> b.messages(user("hi")).guardrailConfig(g -> g
                                .guardrailIdentifier("abc"))),
                        "The guardrail identifier or version provided in the request does not exist."));
    }

    private static ConverseRequest req(Consumer<ConverseRequest.Builder> c) {
        ConverseRequest.Builder b = ConverseRequest.builder().modelId(HAIKU);
        c.accept(b);
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectedLikeTheService(String name, ConverseRequest request, String expectedMessage) {
        assertThatThrownBy(() -> join(client.converse(request)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(expectedMessage);
                });
    }

    @Test
    void severalConstraintViolationsAreReportedTogether() {
        assertThatThrownBy(() -> join(client.converse(req(b -> b.messages(user("hi"))
                .inferenceConfig(c -> c.maxTokens(0).temperature(2f))))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("2 validation errors detected: ");
    }

    @Test
    void streamValidatesToo() {
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        assertThatThrownBy(() -> join(client.converseStream(b -> b.modelId(HAIKU).messages(assistant("x")), c.handler)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("must start with a user message");
        assertThat(c.events).isEmpty();
    }

    @Test
    void malformedJsonIsAValidationExceptionInTheServiceShape() {
        HttpResponse<String> r = Sdk.http("POST", URI.create(emulator.uri() + "/model/" + HAIKU + "/converse"), "{oops");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-ErrorType"))
                .hasValue("ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/");
        assertThat(r.body()).startsWith("{\"message\":\"The request body is not valid JSON");
    }
}
