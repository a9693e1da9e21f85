package dev.camelbedrock.component.family;

import java.util.List;

import dev.camelbedrock.component.support.InferenceOptions;

/**
 * What a prompt-level invokeModel sends, before a family codec turns it into the model's native body.
 *
 * @param modelId the model id (some families vary their body by model, e.g. Llama 2 and Llama 3 templates)
 * @param turns   the conversation, alternating from a user turn to a final user turn
 * @param options system prompt and inference options
 */
public record Prompt(String modelId, List<PromptTurn> turns, InferenceOptions options) {

    public Prompt {
        turns = List.copyOf(turns);
    }

    public String system() {
        return options.systemPrompt();
    }
}
