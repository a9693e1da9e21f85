package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Mistral text completion: {@code {"prompt":"<s>[INST] … [/INST]","max_tokens","stop","temperature","top_p",
 * "top_k"}} → {@code {"outputs":[{"text","stop_reason"}]}}; stream chunks have the same shape.
 */
final class MistralText extends TextFamily {

    private static final Set<String> KEYS = Set.of("prompt", "max_tokens", "stop", "temperature", "top_p", "top_k");

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

    private static String reason(Turn t) {
        return t.stop("stop", "length", "stop", "stop");
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.putArray("outputs").addObject().put("text", t.text()).put("stop_reason", reason(t));
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<String> chunks = t.chunks();
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ObjectNode c = Json.object();
            ObjectNode o = c.putArray("outputs").addObject().put("text", chunks.get(i));
            if (i == chunks.size() - 1) {
                o.put("stop_reason", reason(t));
            } else {
                o.putNull("stop_reason");
            }
            out.add(c);
        }
        return out;
    }
}
