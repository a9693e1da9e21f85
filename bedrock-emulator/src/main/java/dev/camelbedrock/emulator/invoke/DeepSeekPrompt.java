package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * DeepSeek text completion (R1, and V3 with a {@code prompt}): {@code {"prompt","temperature","top_p",
 * "max_tokens","stop"}} → {@code {"choices":[{"text","stop_reason"}]}}; stream chunks have the same shape.
 */
final class DeepSeekPrompt extends PromptCompletion {

    private static final Set<String> KEYS = Set.of("prompt", "temperature", "top_p", "max_tokens", "stop");

    DeepSeekPrompt() {
        super("choices");
    }

    @Override
    String name() {
        return "deepseek-text";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.noExtraKeys(b, "#", KEYS);
        String prompt = Bodies.requiredString(b, "#", "prompt");
        Bodies.optionalNumber(b, "#", "temperature", 0, 1);
        Bodies.optionalNumber(b, "#", "top_p", 0, 1);
        Integer max = Bodies.optionalInt(b, "#", "max_tokens", 1, 32768);
        List<String> stops = Bodies.optionalStrings(b, "#", "stop", false, 10);
        return Conv.prompt(PromptTemplates.parse(prompt), max, stops);
    }
}
