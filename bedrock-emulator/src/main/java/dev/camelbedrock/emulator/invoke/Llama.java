package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Meta Llama 2/3/4: {@code {"prompt","temperature","top_p","max_gen_len","images"}} (the prompt in the model's
 * chat template) → {@code {"generation","prompt_token_count","generation_token_count","stop_reason"}}; stream
 * chunks have the same keys with {@code generation} holding the delta.
 */
final class Llama extends TextFamily {

    private static final Set<String> KEYS = Set.of("prompt", "temperature", "top_p", "max_gen_len", "images");

    @Override
    String name() {
        return "meta-llama";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.noExtraKeys(b, "#", KEYS);
        String prompt = Bodies.requiredString(b, "#", "prompt");
        Bodies.optionalNumber(b, "#", "temperature", 0, 1);
        Bodies.optionalNumber(b, "#", "top_p", 0, 1);
        Integer max = Bodies.optionalInt(b, "#", "max_gen_len", 1, 2048);
        ArrayNode images = Bodies.optionalArray(b, "#", "images");
        PromptTemplates.Parsed parsed = PromptTemplates.parse(prompt);
        Conv c = new Conv().system(parsed.system);
        ArrayNode content = c.message("user");
        content.addObject().put("text", parsed.user);
        if (images != null) {
            for (int i = 0; i < images.size(); i++) {
                String p = Bodies.path("#/images", i);
                if (!images.get(i).isTextual()) {
                    throw Bodies.wrongType(p, "String", images.get(i));
                }
                Bodies.base64(images.get(i).asText(), p);
                ObjectNode img = content.addObject().putObject("image");
                img.put("format", "png");
                img.putObject("source").put("bytes", images.get(i).asText());
            }
        }
        return c.maxTokens(max).root;
    }

    private static String reason(Turn t) {
        return t.stop("stop", "length", "stop", "stop");
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.put("generation", t.text());
        r.put("prompt_token_count", t.inputTokens);
        r.put("generation_token_count", t.outputTokens());
        r.put("stop_reason", reason(t));
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<String> chunks = t.chunks();
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            ObjectNode c = Json.object();
            c.put("generation", chunks.get(i));
            if (i == 0) {
                c.put("prompt_token_count", t.inputTokens);
            } else {
                c.putNull("prompt_token_count");
            }
            c.put("generation_token_count", last ? t.outputTokens() : i + 1);
            if (last) {
                c.put("stop_reason", reason(t));
            } else {
                c.putNull("stop_reason");
            }
            out.add(c);
        }
        return out;
    }
}
