package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Anthropic's legacy Text Completions API (Claude v2 / Instant): {@code {"prompt":"\n\nHuman: …\n\nAssistant:",
 * "max_tokens_to_sample"}} → {@code {"completion","stop_reason","stop"}}; stream chunks have the same keys.
 */
final class ClaudeTextCompletions extends TextFamily {

    private static final Set<String> KEYS = Set.of("prompt", "max_tokens_to_sample", "stop_sequences", "temperature",
            "top_p", "top_k", "anthropic_version");

    @Override
    String name() {
        return "anthropic-text-completions";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.noExtraKeys(b, "#", KEYS);
        String prompt = Bodies.requiredString(b, "#", "prompt");
        Integer max = Bodies.requiredInt(b, "#", "max_tokens_to_sample", 1, Integer.MAX_VALUE);
        Bodies.optionalNumber(b, "#", "temperature", 0, 1);
        Bodies.optionalNumber(b, "#", "top_p", 0, 1);
        List<String> stops = Bodies.optionalStrings(b, "#", "stop_sequences", false, 0);
        return Conv.prompt(PromptTemplates.parse(prompt), max, stops);
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.put("type", "completion");
        r.put("completion", " " + t.text());
        finish(r, t);
        return r;
    }

    private static void finish(ObjectNode r, Turn t) {
        String stop = t.stop("stop_sequence", "max_tokens", "stop_sequence", "stop_sequence");
        r.put("stop_reason", stop);
        if ("stop_sequence".equals(stop)) {
            r.put("stop", t.reply.stopSequence() != null ? t.reply.stopSequence() : "\n\nHuman:");
        } else {
            r.putNull("stop");
        }
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<ObjectNode> out = new ArrayList<>();
        List<String> chunks = new ArrayList<>(t.chunks());
        chunks.set(0, " " + chunks.get(0));
        for (int i = 0; i < chunks.size(); i++) {
            ObjectNode c = Json.object();
            c.put("type", "completion");
            c.put("completion", chunks.get(i));
            if (i == chunks.size() - 1) {
                finish(c, t);
            } else {
                c.putNull("stop_reason");
                c.putNull("stop");
            }
            out.add(c);
        }
        return out;
    }
}
