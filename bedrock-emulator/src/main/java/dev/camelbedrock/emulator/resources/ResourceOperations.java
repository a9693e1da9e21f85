package dev.camelbedrock.emulator.resources;

import dev.camelbedrock.emulator.agents.AgentOperations;
import dev.camelbedrock.emulator.agents.Agents;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.OperationProvider;
import dev.camelbedrock.emulator.guardrails.GuardrailEngine;
import dev.camelbedrock.emulator.guardrails.GuardrailOperations;
import dev.camelbedrock.emulator.knowledge.KnowledgeBaseOperations;
import dev.camelbedrock.emulator.knowledge.KnowledgeBases;
import dev.camelbedrock.emulator.prompts.PromptOperations;
import dev.camelbedrock.emulator.prompts.Prompts;
import dev.camelbedrock.emulator.rerank.RerankOperations;
import dev.camelbedrock.emulator.throughput.ProvisionedThroughputOperations;
import dev.camelbedrock.emulator.throughput.ProvisionedThroughputs;

import java.util.ArrayList;
import java.util.List;

/** Knowledge bases, guardrails, provisioned throughput, agents, prompts and rerank (one provider for the resource features). */
public final class ResourceOperations implements OperationProvider {

    @Override
    public List<Operation> operations(EmulatorContext context) {
        if (context.feature(ProvisionedThroughputs.class) == null) {
            new ResourceSettings().install(context); // a context built without BedrockEmulator's builder
        }
        List<Operation> ops = new ArrayList<>(ProvisionedThroughputOperations.operations(
                () -> context.feature(ProvisionedThroughputs.class)));
        ops.addAll(GuardrailOperations.operations(() -> context.feature(GuardrailEngine.class)));
        ops.addAll(KnowledgeBaseOperations.operations(() -> context.feature(KnowledgeBases.class)));
        ops.addAll(AgentOperations.operations(() -> context.feature(Agents.class)));
        ops.addAll(RerankOperations.operations(context));
        ops.addAll(PromptOperations.operations(() -> context.feature(Prompts.class)));
        return ops;
    }
}
