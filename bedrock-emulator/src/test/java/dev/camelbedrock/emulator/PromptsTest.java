package dev.camelbedrock.emulator;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagent.model.PromptTemplateType;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.PromptVariableValues;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prompt management through the AWS SDK for Java, and Converse on a prompt ARN rendering its template. */
class PromptsTest {

    @Test
    void aVersionedPromptIsRenderedWithItsVariablesByConverse() {
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).build().start()) {
            BedrockAgentAsyncClient agent = Sdk.agent(emulator.uri());
            BedrockRuntimeAsyncClient runtime = Sdk.runtimeH1(emulator.uri());
            var created = join(agent.createPrompt(p -> p.name("support").defaultVariant("default").variants(v -> v.name("default")
                    .templateType(PromptTemplateType.TEXT).modelId(Sdk.HAIKU)
                    .templateConfiguration(t -> t.text(x -> x.text("Greet the customer of {{company_name}} named {{agent_name}}.")
                            .inputVariables(i -> i.name("company_name"), i -> i.name("agent_name")))))));
            assertThat(created.version()).isEqualTo("DRAFT");
            var version = join(agent.createPromptVersion(v -> v.promptIdentifier(created.id()).description("v1")));
            assertThat(version.version()).isEqualTo("1");
            assertThat(version.arn()).isEqualTo(created.arn() + ":1");
            assertThat(join(agent.getPrompt(g -> g.promptIdentifier(created.id()).promptVersion("1"))).description()).isEqualTo("v1");
            assertThat(join(agent.listPrompts(l -> { })).promptSummaries()).extracting(s -> s.name()).containsExactly("support");

            var reply = join(runtime.converse(c -> c.modelId(version.arn()).promptVariables(Map.of(
                    "company_name", PromptVariableValues.fromText("Techoral"), "agent_name", PromptVariableValues.fromText("Ada")))));
            assertThat(reply.output().message().content().get(0).text()).contains("Greet the customer of Techoral named Ada.");

            assertThatThrownBy(() -> join(runtime.converse(c -> c.modelId(version.arn()).promptVariables(Map.of(
                    "company_name", PromptVariableValues.fromText("Techoral"))))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("[agent_name]");
            assertThatThrownBy(() -> join(runtime.converse(c -> c.modelId(Sdk.HAIKU).messages(Sdk.user("hi"))
                    .promptVariables(Map.of("x", PromptVariableValues.fromText("y"))))))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("not");
        }
    }
}
