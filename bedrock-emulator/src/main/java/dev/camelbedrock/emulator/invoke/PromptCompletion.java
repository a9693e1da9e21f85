package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The reply of the prompt-completion families (Mistral text, DeepSeek): {@code {"<list>":[{"text","stop_reason"}]}},
 * and stream chunks of the same shape with {@code stop_reason} null until the last. Only the list's name differs.
 */
abstract class PromptCompletion extends TextFamily {

    private final String listKey;

    PromptCompletion(String listKey) {
        this.listKey = listKey;
    }

    private static String reason(Turn t) {
        return t.stop("stop", "length", "stop", "stop");
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.putArray(listKey).addObject().put("text", t.text()).put("stop_reason", reason(t));
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<String> chunks = t.chunks();
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ObjectNode c = Json.object();
            ObjectNode o = c.putArray(listKey).addObject().put("text", chunks.get(i));
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
