package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Cohere Command / Command Light (legacy generate API): {@code {"prompt","max_tokens","temperature","p","k",
 * "stop_sequences","num_generations",…}} → {@code {"id","generations":[{"id","text","finish_reason"}],"prompt"}};
 * stream chunks {@code {"text","is_finished":false,"index":0}}, then {@code {"is_finished":true,"finish_reason",
 * "response":{…}}}.
 */
final class CohereCommand extends TextFamily {

    @Override
    String name() {
        return "cohere-command";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        String prompt = Bodies.requiredString(b, "#", "prompt");
        Integer max = Bodies.optionalInt(b, "#", "max_tokens", 1, 4096);
        Bodies.optionalNumber(b, "#", "temperature", 0, 5);
        Bodies.optionalNumber(b, "#", "p", 0, 1);
        Bodies.optionalInt(b, "#", "k", 0, 500);
        Bodies.optionalInt(b, "#", "num_generations", 1, 5);
        List<String> stops = Bodies.optionalStrings(b, "#", "stop_sequences", false, 4);
        return Conv.prompt(PromptTemplates.parse(prompt), max, stops);
    }

    private static String reason(Turn t) {
        return t.stop("COMPLETE", "MAX_TOKENS", "COMPLETE", "COMPLETE");
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.put("id", t.inv.id("response", 32).toLowerCase());
        ObjectNode g = r.putArray("generations").addObject();
        g.put("id", t.inv.id("generation", 32).toLowerCase());
        g.put("text", t.text());
        g.put("finish_reason", reason(t));
        r.put("prompt", t.inv.body.path("prompt").asText());
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<ObjectNode> out = new ArrayList<>();
        for (String chunk : t.chunks()) {
            out.add(Json.object().put("text", chunk).put("is_finished", false).put("index", 0));
        }
        ObjectNode end = Json.object().put("is_finished", true).put("finish_reason", reason(t));
        end.set("response", response(t));
        out.add(end);
        return out;
    }
}
