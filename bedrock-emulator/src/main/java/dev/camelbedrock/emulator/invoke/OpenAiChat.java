package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.ArrayList;
import java.util.List;

/**
 * Chat-completions answers: AI21 Jamba ({@code {"id","choices":[{"index","message","finish_reason"}],"usage"}})
 * and OpenAI gpt-oss / DeepSeek with {@code messages} (the same plus {@code "object":"chat.completion"},
 * {@code created}, {@code model}). Streams {@code choices[].delta} objects, the last with {@code finish_reason} and
 * {@code usage}.
 */
final class OpenAiChat extends TextFamily {

    private final String name;
    private final boolean openAiEnvelope;

    OpenAiChat(String name, boolean openAiEnvelope) {
        this.name = name;
        this.openAiEnvelope = openAiEnvelope;
    }

    @Override
    String name() {
        return name;
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        return OpenAiMessages.conversation(inv.body);
    }

    private static String reason(Turn t) {
        return t.stop("stop", "length", "stop", "tool_calls");
    }

    private ObjectNode envelope(Turn t, boolean chunk) {
        ObjectNode r = Json.object();
        r.put("id", "chatcmpl-" + t.inv.id("completion", 24));
        if (openAiEnvelope) {
            r.put("object", chunk ? "chat.completion.chunk" : "chat.completion");
            r.put("created", System.currentTimeMillis() / 1000);
            r.put("model", t.inv.baseId() != null ? t.inv.baseId() : t.inv.model.requested());
        }
        return r;
    }

    private static ObjectNode usage(Turn t) {
        ObjectNode u = Json.object();
        u.put("prompt_tokens", t.inputTokens);
        u.put("completion_tokens", t.outputTokens());
        u.put("total_tokens", t.inputTokens + t.outputTokens());
        return u;
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = envelope(t, false);
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode msg = choice.putObject("message");
        msg.put("role", "assistant");
        msg.put("content", t.text());
        if (t.hasToolUse()) {
            msg.set("tool_calls", OpenAiMessages.toolCalls(t, "call_" + t.toolIdSuffix()));
        } else {
            msg.putNull("tool_calls");
        }
        choice.put("finish_reason", reason(t));
        r.set("usage", usage(t));
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode first = envelope(t, true);
        ObjectNode c0 = first.putArray("choices").addObject();
        c0.put("index", 0);
        c0.putObject("delta").put("role", "assistant").put("content", "");
        c0.putNull("finish_reason");
        out.add(first);
        if (t.hasTextPart()) {
            for (String chunk : t.chunks()) {
                ObjectNode e = envelope(t, true);
                ObjectNode c = e.putArray("choices").addObject();
                c.put("index", 0);
                c.putObject("delta").put("content", chunk);
                c.putNull("finish_reason");
                out.add(e);
            }
        }
        if (t.hasToolUse()) {
            List<String> fragments = ChatReplies.fragments(Json.string(t.reply.toolInput()), 12);
            for (int i = 0; i < fragments.size(); i++) {
                ObjectNode e = envelope(t, true);
                ObjectNode c = e.putArray("choices").addObject();
                c.put("index", 0);
                ArrayNode calls = c.putObject("delta").putArray("tool_calls");
                ObjectNode call = calls.addObject();
                call.put("index", 0);
                ObjectNode fn;
                if (i == 0) {
                    call.put("id", "call_" + t.toolIdSuffix());
                    call.put("type", "function");
                    fn = call.putObject("function");
                    fn.put("name", t.reply.toolName());
                } else {
                    fn = call.putObject("function");
                }
                fn.put("arguments", fragments.get(i));
                c.putNull("finish_reason");
                out.add(e);
            }
        }
        ObjectNode last = envelope(t, true);
        ObjectNode cl = last.putArray("choices").addObject();
        cl.put("index", 0);
        cl.putObject("delta");
        cl.put("finish_reason", reason(t));
        last.set("usage", usage(t));
        out.add(last);
        return out;
    }
}
