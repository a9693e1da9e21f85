package dev.camelbedrock.component.structured;

import java.util.Map;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.component.CauseMessages;
import dev.camelbedrock.component.error.BedrockOutputValidationException;
import dev.camelbedrock.emulator.Rule;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** outputSchema / outputClass through the SDK against the emulator: native where the catalog says so, a tool elsewhere. */
class StructuredOutputTest extends BedrockTestSupport {

    static final String NATIVE = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    /** The reply type of outputClass. */
    public record Ticket(String summary, String priority) {
    }

    @BeforeAll
    static void rules() {
        emulator.rules()
                .addFirst(Rule.when("repair me").reply("{\"summary\":42}"))
                .addFirst(Rule.when("repair the tool").toolUse("structured_output", "{\"summary\":42,\"priority\":\"urgent\"}"))
                .addFirst(Rule.when("always wrong|the reply is not JSON").reply("not json at all"))
                .addFirst(Rule.when("triage (TCK-\\d+)").toolUse("lookup_priority", "{\"ticket\":\"{{1}}\"}"))
                .addFirst(Rule.when("(TCK-\\d+) is urgent").forModel("claude-3-haiku")
                        .toolUse("structured_output", "{\"summary\":\"{{1}}\",\"priority\":\"high\"}"));
    }

    @BeforeEach
    void forgetRequests() {
        emulator.clearRequests();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:native").to("bedrock:converse?modelId=" + NATIVE + "&outputSchema=classpath:schemas/ticket.schema.json");
                from("direct:tool").to("bedrock:converse?modelId=" + MODEL + "&outputSchema=classpath:schemas/ticket.schema.json");
                from("direct:class").to("bedrock:converse?modelId=" + NATIVE + "&outputClass=" + Ticket.class.getName());
                from("direct:native-tools").to("bedrock:converse?modelId=" + NATIVE
                                               + "&toolTags=triage&outputSchema=classpath:schemas/ticket.schema.json");
                from("direct:tool-tools").to("bedrock:converse?modelId=" + MODEL
                                             + "&toolTags=triage&outputSchema=classpath:schemas/ticket.schema.json");
                from("bedrock-tool:lookup_priority?tags=triage&parameter.ticket=string")
                        .setBody(simple("${header.ticket} is urgent"));
                from("direct:strict").to("bedrock:converse?modelId=" + NATIVE
                                         + "&outputSchema=classpath:schemas/ticket.schema.json&outputRepairAttempts=0");
            }
        };
    }

    @Test
    void aModelWithNativeStructuredOutputGetsOutputConfigAndTheBodyIsTheCheckedJson() {
        Exchange out = template.request("direct:native", e -> e.getMessage().setBody("The printer on floor 3 is jammed"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(Map.of("summary", "The printer on floor 3 is jammed", "priority", "low"));
        var sent = emulator.requests("Converse").get(0).json();
        assertThat(sent.at("/outputConfig/textFormat/type").asText()).isEqualTo("json_schema");
        assertThat(sent.at("/outputConfig/textFormat/structure/jsonSchema/schema").asText()).contains("\"maxLength\":40");
        assertThat(sent.has("toolConfig")).isFalse();
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isEqualTo("end_turn");
    }

    @Test
    void aModelWithoutItGetsAForcedToolWhoseInputIsTheAnswer() {
        Exchange out = template.request("direct:tool", e -> e.getMessage().setBody("The printer on floor 3 is jammed"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(Map.of("summary", "example", "priority", "low"));
        var sent = emulator.requests("Converse").get(0).json();
        assertThat(sent.has("outputConfig")).isFalse();
        assertThat(sent.at("/toolConfig/tools/0/toolSpec/name").asText()).isEqualTo("structured_output");
        assertThat(sent.at("/toolConfig/tools/0/toolSpec/inputSchema/json/required/0").asText()).isEqualTo("summary");
        assertThat(sent.at("/toolConfig/toolChoice/tool/name").asText()).isEqualTo("structured_output");
    }

    @Test
    void outputClassGeneratesTheSchemaAndTheBodyIsAnInstance() {
        Exchange out = template.request("direct:class", e -> e.getMessage().setBody("Disk full on build agent"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo(new Ticket("Disk full on build agent", "Disk full on build agent"));
        var schema = emulator.requests("Converse").get(0).json().at("/outputConfig/textFormat/structure/jsonSchema/schema").asText();
        assertThat(schema).contains("\"required\":[\"priority\",\"summary\"]").contains("\"additionalProperties\":false");
    }

    @Test
    void toolsRunFirstAndTheFinalAnswerIsChecked() {
        Exchange nativeOut = template.request("direct:native-tools", e -> e.getMessage().setBody("triage TCK-7"));
        assertThat(nativeOut.getException()).isNull();
        assertThat(nativeOut.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(1);
        assertThat(nativeOut.getMessage().getBody()).isEqualTo(Map.of("summary", "TCK-7 is urgent", "priority", "low"));

        Exchange toolOut = template.request("direct:tool-tools", e -> e.getMessage().setBody("triage TCK-8"));
        assertThat(toolOut.getException()).isNull();
        assertThat(toolOut.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(1);
        assertThat(toolOut.getMessage().getBody()).isEqualTo(Map.of("summary", "TCK-8", "priority", "high"));
        var first = emulator.requests("Converse").get(2).json();
        assertThat(first.at("/toolConfig/toolChoice").has("any")).as("with other tools, some tool each turn").isTrue();
        assertThat(first.at("/toolConfig/tools/1/toolSpec/name").asText()).isEqualTo("structured_output");
    }

    @Test
    void aWrongReplyIsSentBackWithWhatIsWrongAndTheRepairIsChecked() {
        Exchange out = template.request("direct:native", e -> e.getMessage().setBody("repair me please"));

        assertThat(out.getException()).isNull();
        // the emulator derives the JSON from the last user text: here the repair request
        assertThat(out.getMessage().getBody()).isEqualTo(Map.of("summary", "Your answer does not match the required ",
                "priority", "low"));
        var repair = emulator.requests("Converse").get(1).json();
        assertThat(repair.at("/messages/1/content/0/text").asText()).isEqualTo("{\"summary\":42}");
        assertThat(repair.at("/messages/2/content/0/text").asText()).startsWith("Your answer does not match the required JSON schema:")
                .contains("$.summary: integer found, string expected").contains("required property 'priority' not found");

        Exchange tool = template.request("direct:tool", e -> e.getMessage().setBody("repair the tool"));
        assertThat(tool.getException()).isNull();
        assertThat(tool.getMessage().getBody()).isEqualTo(Map.of("summary", "example", "priority", "low"));
        var toolRepair = emulator.requests("Converse").get(3).json();
        assertThat(toolRepair.at("/messages/2/content/0/toolResult/status").asText()).isEqualTo("error");
        assertThat(toolRepair.at("/messages/2/content/0/toolResult/content/0/text").asText()).contains("does not have a value in the enumeration");
    }

    @Test
    void aReplyThatStaysWrongFailsWithTheReplyAndTheViolations() {
        Exchange out = template.request("direct:native", e -> e.getMessage().setBody("always wrong"));

        assertThat(out.getException()).isInstanceOf(BedrockOutputValidationException.class)
                .hasMessageContaining("after 1 repair round: the reply is not JSON");
        BedrockOutputValidationException e = (BedrockOutputValidationException) out.getException();
        assertThat(e.getReply()).isEqualTo("not json at all");
        assertThat(e.getViolations()).containsExactly("the reply is not JSON");
        assertThat(emulator.requests("Converse")).hasSize(2);

        Exchange strict = template.request("direct:strict", x -> x.getMessage().setBody("always wrong"));
        assertThat(strict.getException()).isInstanceOf(BedrockOutputValidationException.class);
        assertThat(emulator.requests("Converse")).hasSize(3);
    }

    @Test
    void badSchemasAndClassesFailWhenTheRouteStarts() {
        assertStartFails("outputSchema={\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"text\"}}}",
                "option outputSchema is not a valid JSON Schema");
        assertStartFails("outputSchema={not json", "option outputSchema is not JSON");
        assertStartFails("outputClass=com.acme.NoSuchTicket", "outputClass com.acme.NoSuchTicket is not on the classpath");
        assertStartFails("outputClass=" + Ticket.class.getName() + "&outputSchema=classpath:schemas/ticket.schema.json",
                "outputSchema and outputClass are both set");
        assertStartFails("outputSchema=classpath:schemas/ticket.schema.json&outputRepairAttempts=-1", "outputRepairAttempts is -1");
    }

    private void assertStartFails(String options, String message) {
        RouteBuilder bad = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bad" + Math.abs(options.hashCode())).to("bedrock:converse?modelId=" + MODEL + "&" + options);
            }
        };
        assertThatThrownBy(() -> context.addRoutes(bad)).as(options).satisfies(t -> assertThat(CauseMessages.of(t)).contains(message));
    }
}
