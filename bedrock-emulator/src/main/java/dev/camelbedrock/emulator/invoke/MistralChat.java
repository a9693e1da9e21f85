package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Mistral chat completion (Mistral Large 2407, Pixtral, and any Mistral model given {@code messages}):
 * → {@code {"id","object":"chat.completion","created","model","choices":[{"index","message":{"role","content",
 * "tool_calls"},"stop_reason"}],"usage"}}; stream chunks {@code {"choices":[{"index","message":{"role","content"},
 * "stop_reason"}]}} (Bedrock's Mistral uses {@code message}, not {@code delta}, and {@code stop_reason}).
 */
final class MistralChat extends TextFamily {

    @Override
    String name() {
        return "mistral-chat";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        return OpenAiMessages.conversation(inv.body);
    }

    private static String reason(Turn t) {
        return t.stop("stop", "length", "stop", "tool_calls");
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.put("id", t.inv.id("completion", 32).toLowerCase());
        r.put("object", "chat.completion");
        r.put("created", System.currentTimeMillis() / 1000);
        r.put("model", t.inv.shortModelName());
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode msg = choice.putObject("message");
        msg.put("role", "assistant");
        msg.put("content", t.text());
        if (t.hasToolUse()) {
            msg.set("tool_calls", OpenAiMessages.toolCalls(t, t.toolIdSuffix().substring(0, 9)));
        } else {
            msg.putNull("tool_calls");
        }
        choice.put("stop_reason", reason(t));
        ObjectNode u = r.putObject("usage");
        u.put("prompt_tokens", t.inputTokens);
        u.put("total_tokens", t.inputTokens + t.outputTokens());
        u.put("completion_tokens", t.outputTokens());
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<ObjectNode> out = new ArrayList<>();
        List<String> chunks = t.hasTextPart() ? t.chunks() : List.of("");
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            ObjectNode e = Json.object();
            ObjectNode c = e.putArray("choices").addObject();
            c.put("index", 0);
            ObjectNode msg = c.putObject("message");
            msg.put("role", "assistant");
            msg.put("content", chunks.get(i));
            if (last && t.hasToolUse()) {
                msg.set("tool_calls", OpenAiMessages.toolCalls(t, t.toolIdSuffix().substring(0, 9)));
            }
            if (last) {
                c.put("stop_reason", reason(t));
            } else {
                c.putNull("stop_reason");
            }
            out.add(e);
        }
        return out;
    }
}
