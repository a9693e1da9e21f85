package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DeepSeek text completion (R1, and V3 with a {@code prompt}): {@code {"prompt","temperature","top_p",
 * "max_tokens","stop"}} → {@code {"choices":[{"text","stop_reason"}]}}; stream chunks have the same shape.
 */
final class DeepSeekPrompt extends TextFamily {

    private static final Set<String> KEYS = Set.of("prompt", "temperature", "top_p", "max_tokens", "stop");

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

    private static String reason(Turn t) {
        return t.stop("stop", "length", "stop", "stop");
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.putArray("choices").addObject().put("text", t.text()).put("stop_reason", reason(t));
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<String> chunks = t.chunks();
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ObjectNode c = Json.object();
            ObjectNode o = c.putArray("choices").addObject().put("text", chunks.get(i));
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
