package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * Mistral text completion: {@code {"prompt":"<s>[INST] … [/INST]","max_tokens","stop","temperature","top_p",
 * "top_k"}} → {@code {"outputs":[{"text","stop_reason"}]}}; stream chunks have the same shape.
 */
final class MistralText extends PromptCompletion {

    private static final Set<String> KEYS = Set.of("prompt", "max_tokens", "stop", "temperature", "top_p", "top_k");

    MistralText() {
        super("outputs");
    }

    @Override
    String name() {
        return "mistral-text";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.noExtraKeys(b, "#", KEYS);
        String prompt = Bodies.requiredString(b, "#", "prompt");
        Integer max = Bodies.optionalInt(b, "#", "max_tokens", 1, Integer.MAX_VALUE);
        Bodies.optionalNumber(b, "#", "temperature", 0, 1);
        Bodies.optionalNumber(b, "#", "top_p", 0, 1);
        Bodies.optionalInt(b, "#", "top_k", 1, 200);
        List<String> stops = Bodies.optionalStrings(b, "#", "stop", false, 10);
        return Conv.prompt(PromptTemplates.parse(prompt), max, stops);
    }
}
