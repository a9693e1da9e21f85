package dev.camelbedrock.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagent.model.AgentStatus;
import software.amazon.awssdk.services.bedrockagent.model.CustomControlMethod;
import software.amazon.awssdk.services.bedrockagent.model.ParameterDetail;
import software.amazon.awssdk.services.bedrockagent.model.Type;
import software.amazon.awssdk.services.bedrockagent.model.ValidationException;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResponseStream;
import software.amazon.awssdk.services.bedrockagentruntime.model.ReturnControlPayload;

import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agents room through the AWS SDK for Java: the control plane, then InvokeAgent's events and return of control. */
class AgentsTest {

    @Test
    void anAgentIsCreatedPreparedListedAndDeleted() {
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).build().start()) {
            BedrockAgentAsyncClient agents = Sdk.agent(emulator.uri());
            var created = join(agents.createAgent(a -> a.agentName("support").foundationModel(Sdk.HAIKU).instruction("You help customers of the store with their orders."))).agent();
            assertThat(created.agentId()).matches("[0-9A-Z]{10}");
            assertThat(created.agentStatus()).isEqualTo(AgentStatus.NOT_PREPARED);
            assertThat(created.agentArn()).endsWith(":agent/" + created.agentId());

            var prepared = join(agents.prepareAgent(p -> p.agentId(created.agentId())));
            assertThat(prepared.agentStatus()).isEqualTo(AgentStatus.PREPARING);
            assertThat(join(agents.getAgent(g -> g.agentId(created.agentId()))).agent().agentStatus()).isEqualTo(AgentStatus.PREPARED);
            assertThat(join(agents.listAgents(l -> { })).agentSummaries()).extracting(s -> s.agentName()).containsExactly("support");

            join(agents.deleteAgent(d -> d.agentId(created.agentId())));
            assertThatThrownBy(() -> join(agents.getAgent(g -> g.agentId(created.agentId()))))
                    .hasMessageContaining(created.agentId()).hasMessageContaining("not found");
        }
    }

    @Test
    void aLambdaExecutorIsRefusedSayingWhatToUseInstead() {
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).build().start()) {
            BedrockAgentAsyncClient agents = Sdk.agent(emulator.uri());
            String id = join(agents.createAgent(a -> a.agentName("support").foundationModel(Sdk.HAIKU))).agent().agentId();
            assertThatThrownBy(() -> join(agents.createAgentActionGroup(g -> g.agentId(id).agentVersion("DRAFT")
                    .actionGroupName("orders").actionGroupExecutor(e -> e.lambda("arn:aws:lambda:us-east-1:123456789012:function:f"))
                    .functionSchema(s -> s.functions(f -> f.name("get_order_status"))))))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("arn:aws:lambda:us-east-1:123456789012:function:f")
                    .hasMessageContaining("RETURN_CONTROL");
        }
    }

    @Test
    void invokeAgentReturnsControlThenAnswersWithTheResults() {
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).build().start()) {
            BedrockAgentAsyncClient agents = Sdk.agent(emulator.uri());
            BedrockAgentRuntimeAsyncClient runtime = Sdk.agentRuntime(emulator.uri());
            String id = join(agents.createAgent(a -> a.agentName("support").foundationModel(Sdk.HAIKU))).agent().agentId();
            join(agents.createAgentActionGroup(g -> g.agentId(id).agentVersion("DRAFT").actionGroupName("orders")
                    .actionGroupExecutor(e -> e.customControl(CustomControlMethod.RETURN_CONTROL))
                    .functionSchema(s -> s.functions(f -> f.name("initiate_cancellation").parameters(Map.of(
                            "order_id", ParameterDetail.builder().type(Type.STRING).required(true).build(),
                            "quantity", ParameterDetail.builder().type(Type.INTEGER).required(false).build()))))));
            assertThatThrownBy(() -> invoke(runtime, InvokeAgentRequest.builder().agentId(id).agentAliasId("TSTALIASID")
                    .sessionId("s-1").inputText("hi").build())).hasMessageContaining("PrepareAgent");
            join(agents.prepareAgent(p -> p.agentId(id)));

            List<ResponseStream> events = invoke(runtime, InvokeAgentRequest.builder().agentId(id).agentAliasId("TSTALIASID")
                    .sessionId("s-1").inputText("Please start the cancellation of order ORD-42, quantity 3").build());
            assertThat(events).hasSize(1);
            ReturnControlPayload rc = (ReturnControlPayload) events.get(0);
            var call = rc.invocationInputs().get(0).functionInvocationInput();
            assertThat(call.function()).isEqualTo("initiate_cancellation");
            assertThat(call.actionGroup()).isEqualTo("orders");
            assertThat(call.parameters()).extracting(p -> p.name() + "=" + p.value())
                    .containsExactlyInAnyOrder("order_id=ORD-42", "quantity=3");

            // results for an invocation the agent did not open are refused, naming it
            assertThatThrownBy(() -> invoke(runtime, results(id, "not-an-invocation")))
                    .hasMessageContaining("not-an-invocation").hasMessageContaining(rc.invocationId());

            List<ResponseStream> answer = invoke(runtime, results(id, rc.invocationId()));
            StringBuilder text = new StringBuilder();
            answer.forEach(e -> text.append(((software.amazon.awssdk.services.bedrockagentruntime.model.PayloadPart) e)
                    .bytes().asUtf8String()));
            assertThat(text.toString()).isEqualTo("Cancellation CXL-1 requested.");
        }
    }

    private static InvokeAgentRequest results(String agentId, String invocationId) {
        return InvokeAgentRequest.builder().agentId(agentId).agentAliasId("TSTALIASID").sessionId("s-1")
                .sessionState(s -> s.invocationId(invocationId).returnControlInvocationResults(r -> r.functionResult(f -> f
                        .actionGroup("orders").function("initiate_cancellation")
                        .responseBody(Map.of("TEXT", software.amazon.awssdk.services.bedrockagentruntime.model.ContentBody
                                .builder().body("Cancellation CXL-1 requested.").build())))))
                .build();
    }

    private static List<ResponseStream> invoke(BedrockAgentRuntimeAsyncClient runtime, InvokeAgentRequest request) {
        List<ResponseStream> events = new ArrayList<>();
        CompletableFuture<Void> done = runtime.invokeAgent(request, InvokeAgentResponseHandler.builder()
                .subscriber(events::add).build());
        join(done);
        return events;
    }
}
