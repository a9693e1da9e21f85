package dev.camelbedrock.component.agent;

import java.util.List;
import java.util.Map;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.component.CauseMessages;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.error.BedrockResourceNotFoundException;
import dev.camelbedrock.component.error.BedrockValidationException;
import dev.camelbedrock.component.toolloop.BedrockToolExecution;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagent.model.CustomControlMethod;
import software.amazon.awssdk.services.bedrockagent.model.ParameterDetail;
import software.amazon.awssdk.services.bedrockagent.model.Type;
import software.amazon.awssdk.services.bedrockagentruntime.model.ContentBody;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.TracePart;

import static org.assertj.core.api.Assertions.assertThat;

/** invokeAgent through the SDK against the emulator's agents; the agent's functions are bedrock-tool: routes. */
class InvokeAgentTest extends BedrockTestSupport {

    static BedrockAgentAsyncClient agents;
    static String orderAgent;
    static String lonelyAgent;

    @BeforeAll
    static void createAgents() {
        agents = BedrockAgentAsyncClient.builder().endpointOverride(emulator.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
        orderAgent = agent("order-support", "get_order_status", "order_id", Type.STRING);
        lonelyAgent = agent("warehouse", "count_pallets", "aisle", Type.INTEGER);
    }

    @AfterAll
    static void closeClient() {
        agents.close();
    }

    private static String agent(String name, String function, String parameter, Type type) {
        String id = agents.createAgent(a -> a.agentName(name).foundationModel(MODEL)
                .instruction("You answer questions about orders. Use " + function + " to look things up.")).join().agent().agentId();
        agents.createAgentActionGroup(g -> g.agentId(id).agentVersion("DRAFT").actionGroupName(name + "-actions")
                .actionGroupExecutor(e -> e.customControl(CustomControlMethod.RETURN_CONTROL))
                .functionSchema(s -> s.functions(f -> f.name(function).description("Looks up " + parameter)
                        .parameters(Map.of(parameter, ParameterDetail.builder().type(type).required(true).build()))))).join();
        agents.prepareAgent(p -> p.agentId(id)).join();
        return id;
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
                from("direct:agent").to("bedrock:invokeAgent?agentId=" + orderAgent);
                from("direct:traced").to("bedrock:invokeAgent?agentId=" + orderAgent + "&enableTrace=true");
                from("direct:lonely").to("bedrock:invokeAgent?agentId=" + lonelyAgent);
                from("direct:unknown").to("bedrock:invokeAgent?agentId=NOSUCHAGNT");
                from("bedrock-tool:get_order_status?description=Status of an order"
                     + "&parameter.order_id=string&parameter.order_id.required=true")
                        .setBody(simple("{\"order_id\":\"${header.order_id}\",\"status\":\"SHIPPED\"}"));
            }
        };
    }

    @Test
    void aGatheredAnswerAndANewSession() {
        Exchange out = template.request("direct:agent", e -> e.getMessage().setBody("Hello there"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class))
                .isEqualTo("I am order-support. I can help with get_order_status. You said: Hello there");
        assertThat(out.getMessage().getHeader(BedrockHeaders.SESSION_ID, String.class)).hasSizeGreaterThan(10);
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(0);
    }

    @Test
    void returnOfControlRunsTheToolRouteAndTheAgentAnswersWithItsResult() {
        Exchange out = template.request("direct:agent",
                e -> e.getMessage().setBody("What is the status of my order ORD-447829?"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"order_id\":\"ORD-447829\",\"status\":\"SHIPPED\"}");
        List<BedrockToolExecution> runs = executions(out);
        assertThat(runs).extracting(BedrockToolExecution::name).containsExactly("get_order_status");
        assertThat(runs.get(0).input()).isEqualTo(Map.of("order_id", "ORD-447829"));
        assertThat(runs.get(0).outcome()).isEqualTo(BedrockToolExecution.Outcome.SUCCESS);
        assertThat(out.getMessage().getHeader(BedrockHeaders.TOOL_ROUNDS)).isEqualTo(1);
        // the results went back in sessionState, answering the invocation the agent opened
        var second = emulator.requests("InvokeAgent").get(1).json();
        assertThat(second.at("/sessionState/invocationId").asText()).isNotBlank();
        assertThat(second.at("/sessionState/returnControlInvocationResults/0/functionResult/function").asText())
                .isEqualTo("get_order_status");
        assertThat(second.at("/sessionState/returnControlInvocationResults/0/functionResult/responseBody/TEXT/body").asText())
                .contains("SHIPPED");
    }

    @Test
    void aSessionRemembersEarlierTurns() {
        Exchange first = template.request("direct:agent", e -> e.getMessage().setBody("My order number is ORD-1234."));
        String session = first.getMessage().getHeader(BedrockHeaders.SESSION_ID, String.class);
        Exchange second = template.request("direct:agent", e -> {
            e.getMessage().setBody("What is the status of that order?");
            e.getMessage().setHeader(BedrockHeaders.SESSION_ID, session);
            e.getMessage().setHeader(BedrockHeaders.SESSION_ATTRIBUTES, Map.of("customer", "C-9"));
        });

        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(BedrockHeaders.SESSION_ID)).isEqualTo(session);
        assertThat(second.getMessage().getBody(String.class)).contains("ORD-1234");
        assertThat(emulator.requests("InvokeAgent").get(1).json().at("/sessionState/sessionAttributes/customer").asText())
                .isEqualTo("C-9");

        // a new session knows nothing of ORD-1234: the agent asks for the order id
        Exchange fresh = template.request("direct:agent", e -> e.getMessage().setBody("What is the status of that order?"));
        assertThat(fresh.getMessage().getBody(String.class)).isEqualTo("To run get_order_status I need the order id. What is it?");
        assertThat(fresh.getMessage().getHeader(BedrockHeaders.SESSION_ID)).isNotEqualTo(session);
    }

    @Test
    void traceEventsGoToAHeader() {
        Exchange out = template.request("direct:traced", e -> e.getMessage().setBody("Status of order ORD-77 please"));

        assertThat(out.getException()).isNull();
        List<TracePart> traces = out.getMessage().getHeader(BedrockHeaders.AGENT_TRACE, List.class);
        assertThat(traces).hasSize(4); // rationale and call, then rationale and final response
        assertThat(traces.get(1).trace().orchestrationTrace().invocationInput().actionGroupInvocationInput().function())
                .isEqualTo("get_order_status");
        assertThat(traces.get(3).trace().orchestrationTrace().observation().finalResponse().text())
                .isEqualTo(out.getMessage().getBody(String.class));
        assertThat(emulator.requests("InvokeAgent").get(0).json().at("/enableTrace").asBoolean()).isTrue();
    }

    @Test
    void anUnknownAgentIsATypedNotFoundNamingTheId() {
        Exchange out = template.request("direct:unknown", e -> e.getMessage().setBody("Hi"));

        assertThat(out.getException()).isInstanceOf(BedrockResourceNotFoundException.class);
        assertThat(out.getException().getMessage()).contains("NOSUCHAGNT");
    }

    @Test
    void aFunctionWithNoToolRouteFailsNamingIt() {
        Exchange out = template.request("direct:lonely", e -> e.getMessage().setBody("count pallets in aisle 7"));

        assertThat(out.getException()).isInstanceOf(BedrockInputException.class);
        assertThat(out.getException().getMessage()).contains("'count_pallets'", "warehouse-actions", "bedrock-tool:count_pallets",
                "get_order_status");
        assertThat(emulator.requests("InvokeAgent")).hasSize(1);
    }

    @Test
    void resultsForAnInvocationTheAgentDidNotOpenAreRefusedNamingIt() {
        Exchange out = template.request("direct:agent", e -> e.getMessage().setBody(InvokeAgentRequest.builder()
                .agentId(orderAgent).agentAliasId("TSTALIASID").sessionId("session-9")
                .sessionState(s -> s.invocationId("made-up-invocation").returnControlInvocationResults(r -> r.functionResult(
                        f -> f.actionGroup("order-support-actions").function("get_order_status")
                                .responseBody(Map.of("TEXT", ContentBody.builder().body("SHIPPED").build())))))
                .build()));

        assertThat(out.getException()).isInstanceOf(BedrockValidationException.class);
        assertThat(out.getException().getMessage()).contains("made-up-invocation", "session-9");
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        Exchange blank = template.request("direct:agent", e -> e.getMessage().setBody(" "));
        Exchange badSession = template.request("direct:agent", e -> {
            e.getMessage().setBody("Hi");
            e.getMessage().setHeader(BedrockHeaders.SESSION_ID, "no spaces allowed");
        });
        Exchange badAgent = template.request("direct:agent", e -> {
            e.getMessage().setBody("Hi");
            e.getMessage().setHeader(BedrockHeaders.AGENT_ID, "short");
        });

        assertThat(blank.getException()).isInstanceOf(BedrockInputException.class).hasMessageContaining("the body is blank");
        assertThat(badSession.getException()).isInstanceOf(BedrockInputException.class)
                .hasMessageContaining("'no spaces allowed'");
        assertThat(CauseMessages.of(badAgent.getException())).contains("agentId", "'short'", "10 letters or digits");
        assertThat(emulator.requests("InvokeAgent")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<BedrockToolExecution> executions(Exchange out) {
        return out.getMessage().getHeader(BedrockHeaders.TOOL_EXECUTIONS, List.class);
    }

}
