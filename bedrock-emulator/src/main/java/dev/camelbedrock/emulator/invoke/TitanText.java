package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Amazon Titan Text (Express, Lite, Premier): {@code {"inputText","textGenerationConfig":{temperature, topP,
 * maxTokenCount, stopSequences}}} → {@code {"inputTextTokenCount","results":[{"tokenCount","outputText",
 * "completionReason"}]}}; stream chunks {@code {"outputText","index","totalOutputTextTokenCount",
 * "completionReason","inputTextTokenCount"}}.
 */
final class TitanText extends TextFamily {

    private static final Set<String> KEYS = Set.of("inputText", "textGenerationConfig");
    private static final Set<String> CONFIG_KEYS = Set.of("temperature", "topP", "maxTokenCount", "stopSequences");

    @Override
    String name() {
        return "amazon-titan-text";
    }

    /** maxTokenCount limit: Lite 4096, Express 8192, Premier 3072. */
    static int maxTokenLimit(String baseId) {
        if (baseId == null) {
            return 8192;
        }
        if (baseId.contains("lite")) {
            return 4096;
        }
        if (baseId.contains("premier")) {
            return 3072;
        }
        return 8192;
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.noExtraKeys(b, "#", KEYS);
        String input = Bodies.requiredString(b, "#", "inputText");
        Bodies.length(input, "#/inputText", 1, 0);
        Integer max = null;
        List<String> stops = List.of();
        JsonNode cfg = Bodies.optionalObject(b, "#", "textGenerationConfig");
        if (cfg != null) {
            String p = "#/textGenerationConfig";
            Bodies.noExtraKeys(cfg, p, CONFIG_KEYS);
            Bodies.optionalNumber(cfg, p, "temperature", 0, 1);
            Bodies.optionalNumber(cfg, p, "topP", 0, 1);
            max = Bodies.optionalInt(cfg, p, "maxTokenCount", 0, maxTokenLimit(inv.baseId()));
            stops = Bodies.optionalStrings(cfg, p, "stopSequences", false, 0);
        }
        return Conv.prompt(PromptTemplates.parse(input), max, stops);
    }

    private static String reason(Turn t) {
        return t.stop("FINISH", "LENGTH", "STOP_CRITERIA_MET", "FINISH");
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.put("inputTextTokenCount", t.inputTokens);
        ObjectNode res = r.putArray("results").addObject();
        res.put("tokenCount", t.outputTokens());
        res.put("outputText", t.text());
        res.put("completionReason", reason(t));
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<String> chunks = t.chunks();
        List<ObjectNode> out = new ArrayList<>();
        StringBuilder sofar = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            sofar.append(chunks.get(i));
            boolean last = i == chunks.size() - 1;
            ObjectNode c = Json.object();
            c.put("outputText", chunks.get(i));
            c.put("index", 0);
            c.put("totalOutputTextTokenCount", last ? t.outputTokens() : Math.max(1, (sofar.length() + 3) / 4));
            if (last) {
                c.put("completionReason", reason(t));
            } else {
                c.putNull("completionReason");
            }
            c.put("inputTextTokenCount", t.inputTokens);
            out.add(c);
        }
        return out;
    }
}
