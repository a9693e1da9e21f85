package dev.camelbedrock.emulator;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static dev.camelbedrock.emulator.Sdk.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tool turns a test steers with rules: several calls in one turn, and the service's pairing of tool uses and results. */
class ToolTurnsTest {

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = BedrockEmulator.builder()
                .rule(Rule.when("compare (\\w+) and (\\w+)").reply("Let me look both up.")
                        .toolUse("price", "{\"sku\":\"{{1}}\"}").toolUse("price", "{\"sku\":\"{{2}}\"}"))
                .rule(Rule.fromJson(new ObjectMapper().readTree("{\"match\":\"stock of both\",\"toolUses\":["
                        + "{\"name\":\"stock\",\"input\":{\"sku\":\"A\"}},{\"name\":\"stock\",\"input\":{\"sku\":\"B\"}}]}")))
                .build().start();
        client = Sdk.runtimeH2(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    static ToolConfiguration tools() {
        Document schema = Document.mapBuilder().putString("type", "object")
                .putDocument("properties", Document.mapBuilder().putDocument("sku", Document.mapBuilder()
                        .putString("type", "string").build()).build()).build();
        return ToolConfiguration.builder().tools(
                Tool.fromToolSpec(s -> s.name("price").inputSchema(ToolInputSchema.fromJson(schema))),
                Tool.fromToolSpec(s -> s.name("stock").inputSchema(ToolInputSchema.fromJson(schema)))).build();
    }

    @Test
    void aRuleMakesSeveralToolCallsInOneTurn() {
        ConverseResponse r = join(client.converse(b -> b.modelId(HAIKU).toolConfig(tools()).messages(user("compare A1 and B2"))));
        assertThat(r.stopReason()).isEqualTo(StopReason.TOOL_USE);
        List<ToolUseBlock> uses = r.output().message().content().stream().filter(c -> c.toolUse() != null)
                .map(ContentBlock::toolUse).toList();
        assertThat(uses).extracting(ToolUseBlock::name).containsExactly("price", "price");
        assertThat(uses).extracting(u -> u.input().asMap().get("sku").asString()).containsExactly("A1", "B2");
        assertThat(uses.get(0).toolUseId()).isNotEqualTo(uses.get(1).toolUseId());
        assertThat(r.output().message().content().get(0).text()).isEqualTo("Let me look both up.");

        // answering both continues the conversation; the tool results are what the default reply reads back
        Message results = Message.builder().role("user").content(
                result(uses.get(0).toolUseId(), "A1 costs 3"), result(uses.get(1).toolUseId(), "B2 costs 4")).build();
        ConverseResponse next = join(client.converse(b -> b.modelId(HAIKU).toolConfig(tools())
                .messages(user("compare A1 and B2"), r.output().message(), results)));
        assertThat(next.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(next.output().message().content().get(0).text())
                .isEqualTo("The tool price returned: A1 costs 3. The tool price returned: B2 costs 4.");
    }

    @Test
    void jsonRulesTakeSeveralToolUsesAndStreamsCarryEachInItsBlock() {
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        join(client.converseStream(b -> b.modelId(HAIKU).toolConfig(tools()).messages(user("stock of both")), c.handler));
        List<ContentBlockStartEvent> starts = c.events.stream().filter(e -> e instanceof ContentBlockStartEvent)
                .map(e -> (ContentBlockStartEvent) e).toList();
        assertThat(starts).extracting(s -> s.start().toolUse().name()).containsExactly("stock", "stock");
        assertThat(starts.get(1).contentBlockIndex()).isEqualTo(starts.get(0).contentBlockIndex() + 1);
    }

    @Test
    void everyToolUseNeedsItsResultInTheNextTurnAndNoOther() {
        ConverseResponse r = join(client.converse(b -> b.modelId(HAIKU).toolConfig(tools()).messages(user("compare A1 and B2"))));
        List<ToolUseBlock> uses = r.output().message().content().stream().filter(c -> c.toolUse() != null)
                .map(ContentBlock::toolUse).toList();
        Message onlyOne = Message.builder().role("user").content(result(uses.get(0).toolUseId(), "3")).build();
        assertThatThrownBy(() -> join(client.converse(b -> b.modelId(HAIKU).toolConfig(tools())
                .messages(user("compare A1 and B2"), r.output().message(), onlyOne))))
                .isInstanceOf(ValidationException.class).hasMessageContaining(uses.get(1).toolUseId());
        Message stranger = Message.builder().role("user").content(result(uses.get(0).toolUseId(), "3"),
                result(uses.get(1).toolUseId(), "4"), result("tooluse_invented", "5")).build();
        assertThatThrownBy(() -> join(client.converse(b -> b.modelId(HAIKU).toolConfig(tools())
                .messages(user("compare A1 and B2"), r.output().message(), stranger))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tooluse_invented");
    }

    static ContentBlock result(String id, String text) {
        return ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(id)
                .content(ToolResultContentBlock.fromText(text)).build());
    }
}
