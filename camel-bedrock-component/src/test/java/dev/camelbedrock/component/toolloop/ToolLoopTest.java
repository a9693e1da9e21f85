package dev.camelbedrock.component.toolloop;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.CauseMessages;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.error.BedrockToolRoundsExceededException;
import dev.camelbedrock.emulator.Rule;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool loop of converse, through the SDK against the emulator, with tool routes steered by emulator rules. */
class ToolLoopTest extends BedrockTestSupport {

    static final AtomicInteger statusRuns = new AtomicInteger();
    static volatile int inFlightDuringTool = -1;
    static final CountDownLatch bothStockCallsStarted = new CountDownLatch(2);

    @BeforeAll
    static void rules() throws Exception {
        emulator.rules()
                .addFirst(Rule.when("cancel (ORD-\\d+)").toolUse("get_order_status", "{\"order_id\":\"{{1}}\"}"))
                .addFirst(Rule.when("(ORD-\\d+) is PROCESSING").toolUse("initiate_cancellation", "{\"order_id\":\"{{1}}\"}"))
                .addFirst(Rule.when("compare (SKU\\w+) and (SKU\\w+)")
                        .toolUse("check_stock", "{\"sku\":\"{{1}}\"}").toolUse("check_stock", "{\"sku\":\"{{2}}\"}"))
                .addFirst(Rule.when("explode").toolUse("flaky_lookup", "{}"))
                .addFirst(Rule.when("invent a tool").toolUse("no_such_tool", "{\"x\":1}"))
                .addFirst(Rule.when("bad arguments").toolUse("get_order_status", "{\"order_id\":5}"))
                .addFirst(Rule.when("forever|LOOPING").toolUse("get_order_status", "{\"order_id\":\"ORD-9\"}"))
                .addFirst(Rule.when("refund (ORD-\\d+)").toolUse("refund_now", "{\"order_id\":\"{{1}}\"}"));
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
                from("direct:agent").to("bedrock:converse?modelId=" + MODEL + "&toolTags=orders");
                from("direct:short").to("bedrock:converse?modelId=" + MODEL + "&toolTags=orders&maxToolRounds=3");
                from("direct:stock").to("bedrock:converse?modelId=" + MODEL + "&toolNames=check_stock&maxInFlight=1");
                from("direct:guarded").to("bedrock:converse?modelId=" + MODEL
                                           + "&toolTags=orders&guardrailIdentifier=gr1abc&guardrailVersion=DRAFT");
                from("direct:titan").to("bedrock:converse?modelId=amazon.titan-text-express-v1&toolTags=orders");

                from("bedrock-tool:get_order_status?tags=orders&description=Status of an order"
                     + "&parameter.order_id=string&parameter.order_id.required=true")
                        .process(e -> statusRuns.incrementAndGet())
                        .choice()
                            .when(header("order_id").isEqualTo("ORD-9")).setBody(constant("ORD-9 is LOOPING"))
                            .otherwise().setBody(simple("${header.order_id} is PROCESSING"));
                from("bedrock-tool:initiate_cancellation?tags=orders&description=Cancel an order"
                     + "&parameter.order_id=string&parameter.order_id.required=true")
                        .setBody(simple("{\"order_id\":\"${header.order_id}\",\"cancellation\":\"requested\"}"));
                from("bedrock-tool:flaky_lookup?tags=orders&description=Fails")
                        .throwException(new IllegalStateException("warehouse offline"));
                from("bedrock-tool:refund_now?tags=orders&returnDirect=true&parameter.order_id=string")
                        .setBody(simple("Refund of ${header.order_id} booked."));
                from("bedrock-tool:check_stock?description=Stock of a SKU&parameter.sku=string")
                        .process(e -> {
                            inFlightDuringTool = inFlight(e);
                            bothStockCallsStarted.countDown();
                            boolean together = bothStockCallsStarted.await(10, TimeUnit.SECONDS);
                            e.getMessage().setBody(Map.of("sku", e.getMessage().getHeader("sku"), "together", together));
                        });
            }
        };
    }

    private static int inFlight(Exchange e) {
        return e.getContext().getEndpoints().stream().filter(x -> x instanceof BedrockEndpoint)
                .map(x -> (BedrockEndpoint) x).filter(x -> x.getEndpointUri().contains("maxInFlight=1"))
                .findFirst().orElseThrow().flowControl().inFlight();
    }

    @Test
    void toolsRunInSequenceUntilTheModelEndsItsTurn() {
        Exchange out = template.request("direct:agent", e -> e.getMessage().setBody("Please cancel ORD-1"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class))
                .isEqualTo("The tool initiate_cancellation returned: {\"order_id\":\"ORD-1\",\"cancellation\":\"requested\"}.");
        List<BedrockToolExecution> runs = executions(out);
        assertThat(runs).extracting(BedrockToolExecution::name).containsExactly("get_order_status", "initiate_cancellation");
        assertThat(runs).extracting(BedrockToolExecution::round).containsExactly(1, 2);
        assertThat(runs).extracting(BedrockToolExecution::outcome).containsOnly(BedrockToolExecution.Outcome.SUCCESS);
        assertThat(runs.get(0).input()).isEqualTo(Map.of("order_id", "ORD-1"));
        assertThat(runs.get(0).result()).isEqualTo("ORD-1 is PROCESSING");
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(2);
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isEqualTo("end_turn");
        assertThat(emulator.stats().count("Converse", MODEL)).isEqualTo(3);

        // the result json of initiate_cancellation went back as a json block, the text one as text
        var third = emulator.requests("Converse").get(2).json();
        assertThat(third.at("/messages/4/content/0/toolResult/content/0/json/cancellation").asText()).isEqualTo("requested");
        assertThat(third.at("/messages/2/content/0/toolResult/content/0/text").asText()).isEqualTo("ORD-1 is PROCESSING");
        assertThat(third.at("/toolConfig/tools").size()).as("the orders tools are offered").isEqualTo(4);

        // tokens are the sums over the three calls
        int in = out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Integer.class);
        int outTokens = out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Integer.class);
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOTAL_TOKENS, Integer.class)).isEqualTo(in + outTokens);
        Exchange single = template.request("direct:agent", e -> e.getMessage().setBody("Please cancel ORD-1"));
        assertThat(single.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Integer.class)).isEqualTo(in);

        // the transcript is the conversation: user, assistant (tool use), user (result) ... assistant (answer)
        List<Message> conversation = conversation(out);
        assertThat(conversation).hasSize(6);
        assertThat(conversation).extracting(Message::role).containsExactly(ConversationRole.USER, ConversationRole.ASSISTANT,
                ConversationRole.USER, ConversationRole.ASSISTANT, ConversationRole.USER, ConversationRole.ASSISTANT);

        // and a next turn continues it
        Exchange next = template.request("direct:agent", e -> {
            e.getMessage().setBody("Thanks a lot");
            e.getMessage().setHeader(BedrockHeaders.CONVERSATION, conversation);
        });
        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getBody(String.class)).isEqualTo("You said: Thanks a lot");
        assertThat(conversation(next)).hasSize(8);
        assertThat(next.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(0);
    }

    @Test
    void theCallsOfOneTurnRunAtOnceAndHoldNoInFlightSlot() {
        Exchange out = template.request("direct:stock", e -> e.getMessage().setBody("compare SKUA and SKUB"));

        assertThat(out.getException()).isNull();
        List<BedrockToolExecution> runs = executions(out);
        assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(((Map<?, ?>) r.result()).get("together")).isEqualTo(true));
        assertThat(runs).extracting(r -> r.input().get("sku")).containsExactly("SKUA", "SKUB");
        assertThat(inFlightDuringTool).as("the model call's slot is free while the tools run").isZero();
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(1);
    }

    @Test
    void aFailingToolInventedNameAndBadArgumentsBecomeErrorResults() {
        Exchange failed = template.request("direct:agent", e -> e.getMessage().setBody("explode please"));
        assertThat(failed.getException()).isNull();
        assertThat(failed.getMessage().getBody(String.class)).isEqualTo("The tool flaky_lookup failed: warehouse offline.");
        assertThat(executions(failed)).singleElement().extracting(BedrockToolExecution::outcome)
                .isEqualTo(BedrockToolExecution.Outcome.ERROR);
        assertThat(emulator.requests("Converse").get(1).json().at("/messages/2/content/0/toolResult/status").asText())
                .isEqualTo("error");

        Exchange invented = template.request("direct:agent", e -> e.getMessage().setBody("invent a tool"));
        assertThat(invented.getMessage().getBody(String.class)).isEqualTo("The tool no_such_tool failed: There is no tool named"
                + " 'no_such_tool'. The tools you may call are: flaky_lookup, get_order_status, initiate_cancellation, refund_now.");
        assertThat(executions(invented)).singleElement().extracting(BedrockToolExecution::outcome)
                .isEqualTo(BedrockToolExecution.Outcome.UNKNOWN_TOOL);

        int before = statusRuns.get();
        Exchange bad = template.request("direct:agent", e -> e.getMessage().setBody("bad arguments"));
        assertThat(bad.getMessage().getBody(String.class)).startsWith("The tool get_order_status failed: The arguments for"
                + " get_order_status do not match its input schema: $.order_id: integer found, string expected");
        assertThat(executions(bad)).singleElement().extracting(BedrockToolExecution::outcome)
                .isEqualTo(BedrockToolExecution.Outcome.INVALID_ARGUMENTS);
        assertThat(statusRuns.get()).as("the route never sees unchecked arguments").isEqualTo(before);
    }

    @Test
    void theGuardrailAppliesToEveryRound() {
        Exchange out = template.request("direct:guarded", e -> e.getMessage().setBody("Please cancel ORD-2"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(2);
        assertThat(emulator.requests("Converse")).hasSize(3)
                .allSatisfy(r -> assertThat(r.json().at("/guardrailConfig/guardrailIdentifier").asText()).isEqualTo("gr1abc"));
    }

    @Test
    void theRoundLimitEndsTheLoopWithTheTranscript() {
        Exchange out = template.request("direct:short", e -> e.getMessage().setBody("forever"));

        assertThat(out.getException()).isInstanceOf(BedrockToolRoundsExceededException.class)
                .hasMessageContaining("after 3 rounds of tool calls (maxToolRounds=3)");
        BedrockToolRoundsExceededException e = (BedrockToolRoundsExceededException) out.getException();
        assertThat(e.getTranscript()).hasSize(8);
        assertThat(e.getTranscript().get(7).content().get(0).toolUse().name()).isEqualTo("get_order_status");
        assertThat(emulator.stats().count("Converse", MODEL)).isEqualTo(4);
    }

    @Test
    void aReturnDirectToolEndsTheLoopWithItsResult() {
        Exchange out = template.request("direct:agent", e -> e.getMessage().setBody("refund ORD-5"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo("Refund of ORD-5 booked.");
        assertThat(emulator.stats().count("Converse", MODEL)).isEqualTo(1);
        List<Message> conversation = conversation(out);
        assertThat(conversation).hasSize(4);
        assertThat(conversation.get(3).content().get(0).text()).isEqualTo("Refund of ORD-5 booked.");
    }

    @Test
    void badInputsFailBeforeAnyCall() throws Exception {
        context.addRoutes(new RouteBuilder() { // added to the running context: checked per exchange
            @Override
            public void configure() {
                from("direct:notools").to("bedrock:converse?modelId=" + MODEL + "&toolTags=billing");
            }
        });
        Exchange none = template.request("direct:notools", e -> e.getMessage().setBody("hello"));
        assertThat(none.getException()).isInstanceOf(BedrockInputException.class)
                .hasMessageContaining("toolTags 'billing' select no bedrock-tool: route; the started ones are check_stock,"
                        + " flaky_lookup, get_order_status, initiate_cancellation, refund_now");
        Exchange titan = template.request("direct:titan", e -> e.getMessage().setBody("hello"));
        assertThat(titan.getException()).isInstanceOf(BedrockInputException.class)
                .hasMessageContaining("does not support tool use (per the model catalog)");
        assertThat(emulator.requests()).isEmpty();

        RouteBuilder zeroRounds = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:zero").to("bedrock:converse?modelId=" + MODEL + "&toolTags=orders&maxToolRounds=0");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.addRoutes(zeroRounds))
                .satisfies(t -> assertThat(CauseMessages.of(t))
                        .contains("maxToolRounds is 0; the tool loop needs at least 1 round (default 10)"));
        RouteBuilder streaming = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:streamloop").to("bedrock:converseStream?modelId=" + MODEL + "&toolTags=orders");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.addRoutes(streaming))
                .satisfies(t -> assertThat(CauseMessages.of(t)).contains("work with bedrock:converse only (the tool loop does not run"
                        + " in converseStream yet)"));
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void toolTagsSelectingNoRouteFailTheContextStart() throws Exception {
        org.apache.camel.impl.DefaultCamelContext other = new org.apache.camel.impl.DefaultCamelContext();
        dev.camelbedrock.component.BedrockComponent bedrock = new dev.camelbedrock.component.BedrockComponent();
        bedrock.setConfiguration(context.getComponent("bedrock", dev.camelbedrock.component.BedrockComponent.class)
                .getConfiguration().copy());
        other.addComponent("bedrock", bedrock);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bedrock-tool:lookup?tags=orders").setBody(constant("x"));
                    from("direct:agent").to("bedrock:converse?modelId=" + MODEL + "&toolTags=billing,shipping");
                }
            });
            other.start();
        }).satisfies(t -> assertThat(CauseMessages.of(t)).contains("toolTags 'billing,shipping' select no bedrock-tool: route;"
                + " the started ones are lookup"));
        other.close();
    }

    @SuppressWarnings("unchecked")
    private static List<BedrockToolExecution> executions(Exchange out) {
        return out.getMessage().getHeader(BedrockHeaders.TOOL_EXECUTIONS, List.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Message> conversation(Exchange out) {
        return out.getMessage().getHeader(BedrockHeaders.CONVERSATION, List.class);
    }
}
