package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Amazon Nova understanding models (Micro, Lite, Pro, Premier, Nova 2 Lite): a Converse-like body
 * ({@code schemaVersion} "messages-v1", {@code system}, {@code messages}, {@code inferenceConfig} with either
 * {@code max_new_tokens}/{@code top_p}/{@code top_k} or {@code maxTokens}/{@code topP}/{@code topK},
 * {@code toolConfig}) → {@code {"output":{"message"},"stopReason","usage"}}; stream chunks are Converse-like
 * single-key objects ending with {@code metadata}.
 */
final class NovaText extends TextFamily {

    private static final Set<String> BLOCKS = Set.of("text", "image", "video", "document", "toolUse", "toolResult",
            "reasoningContent", "cachePoint", "audio");

    @Override
    String name() {
        return "amazon-nova";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        String schema = Bodies.optionalString(b, "#", "schemaVersion");
        if (schema != null && !"messages-v1".equals(schema)) {
            throw Bodies.malformed("#/schemaVersion: " + schema + " is not a valid enum value");
        }
        ArrayNode messages = Bodies.requiredArray(b, "#", "messages");
        if (messages.isEmpty()) {
            throw Bodies.malformed("#/messages: expected minimum item count: 1, found: 0");
        }
        Conv c = new Conv();
        ArrayNode system = Bodies.optionalArray(b, "#", "system");
        if (system != null) {
            for (int i = 0; i < system.size(); i++) {
                JsonNode s = system.get(i);
                if (s.has("text")) {
                    c.system(Bodies.requiredString(s, Bodies.path("#/system", i), "text"));
                }
            }
        }
        for (int i = 0; i < messages.size(); i++) {
            String p = Bodies.path("#/messages", i);
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                throw Bodies.wrongType(p, "JSONObject", m);
            }
            String role = Bodies.requiredString(m, p, "role");
            if (!"user".equals(role) && !"assistant".equals(role)) {
                throw Bodies.malformed(p + "/role: " + role + " is not a valid enum value");
            }
            if (i == 0 && !"user".equals(role)) {
                throw ServiceException.validation("A conversation must start with a user message. Try again with a "
                        + "conversation that starts with a user message.");
            }
            ArrayNode content = Bodies.requiredArray(m, p, "content");
            ArrayNode out = c.message(role);
            for (int j = 0; j < content.size(); j++) {
                JsonNode blk = content.get(j);
                String bp = Bodies.path(p + "/content", j);
                if (!blk.isObject() || blk.size() != 1 || !BLOCKS.contains(blk.fieldNames().next())) {
                    throw Bodies.malformed(bp + ": expected exactly one of " + BLOCKS);
                }
                if (blk.has("text") && !blk.get("text").isTextual()) {
                    throw Bodies.wrongType(bp + "/text", "String", blk.get("text"));
                }
                if (blk.has("image")) {
                    String bytes = blk.get("image").path("source").path("bytes").asText(null);
                    if (bytes != null) {
                        Bodies.base64(bytes, bp + "/image/source/bytes");
                    }
                }
                if (!blk.has("cachePoint")) {
                    out.add(blk);
                }
            }
        }
        Integer max = null;
        List<String> stops = List.of();
        JsonNode ic = Bodies.optionalObject(b, "#", "inferenceConfig");
        if (ic != null) {
            String p = "#/inferenceConfig";
            Integer a = Bodies.optionalInt(ic, p, "max_new_tokens", 1, Integer.MAX_VALUE);
            Integer c2 = Bodies.optionalInt(ic, p, "maxTokens", 1, Integer.MAX_VALUE);
            max = a != null ? a : c2;
            Bodies.optionalNumber(ic, p, "temperature", 0, 1);
            Bodies.optionalNumber(ic, p, "top_p", 0, 1);
            Bodies.optionalNumber(ic, p, "topP", 0, 1);
            Bodies.optionalInt(ic, p, "top_k", 0, Integer.MAX_VALUE);
            Bodies.optionalInt(ic, p, "topK", 0, Integer.MAX_VALUE);
            stops = Bodies.optionalStrings(ic, p, "stopSequences", false, 0);
        }
        JsonNode tc = Bodies.optionalObject(b, "#", "toolConfig");
        if (tc != null) {
            ArrayNode tools = Bodies.requiredArray(tc, "#/toolConfig", "tools");
            for (int i = 0; i < tools.size(); i++) {
                String p = Bodies.path("#/toolConfig/tools", i);
                JsonNode spec = Bodies.requiredObject(tools.get(i), p, "toolSpec");
                String name = Bodies.requiredString(spec, p + "/toolSpec", "name");
                JsonNode schemaNode = Bodies.requiredObject(spec, p + "/toolSpec", "inputSchema");
                c.tool(name, Json.text(spec, "description"), schemaNode.get("json"));
            }
            JsonNode choice = tc.get("toolChoice");
            if (choice != null && choice.isObject()) {
                if (choice.has("tool")) {
                    c.toolChoice("tool", choice.get("tool").path("name").asText());
                } else if (choice.has("any")) {
                    c.toolChoice("any", null);
                } else {
                    c.toolChoice("auto", null);
                }
            }
        }
        return c.maxTokens(max).stopSequences(stops).root;
    }

    private static String reason(Turn t) {
        return t.stop("end_turn", "max_tokens", "end_turn", "tool_use");
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        ObjectNode msg = r.putObject("output").putObject("message");
        msg.put("role", "assistant");
        ArrayNode content = msg.putArray("content");
        if (t.hasTextPart()) {
            content.addObject().put("text", t.text());
        }
        if (t.hasToolUse()) {
            ObjectNode tu = content.addObject().putObject("toolUse");
            tu.put("toolUseId", t.reply.toolUseId());
            tu.put("name", t.reply.toolName());
            tu.set("input", t.reply.toolInput());
        }
        r.put("stopReason", reason(t));
        r.set("usage", usage(t));
        return r;
    }

    private static ObjectNode usage(Turn t) {
        ObjectNode u = Json.object();
        u.put("inputTokens", t.inputTokens);
        u.put("outputTokens", t.outputTokens());
        u.put("totalTokens", t.inputTokens + t.outputTokens());
        u.put("cacheReadInputTokenCount", 0);
        u.put("cacheWriteInputTokenCount", 0);
        return u;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode start = Json.object();
        start.putObject("messageStart").put("role", "assistant");
        out.add(start);
        int index = 0;
        if (t.hasTextPart()) {
            for (String chunk : t.chunks()) {
                ObjectNode d = Json.object();
                ObjectNode cbd = d.putObject("contentBlockDelta");
                cbd.putObject("delta").put("text", chunk);
                cbd.put("contentBlockIndex", index);
                out.add(d);
            }
            ObjectNode stop = Json.object();
            stop.putObject("contentBlockStop").put("contentBlockIndex", index);
            out.add(stop);
            index++;
        }
        if (t.hasToolUse()) {
            ObjectNode s = Json.object();
            ObjectNode cbs = s.putObject("contentBlockStart");
            ObjectNode tu = cbs.putObject("start").putObject("toolUse");
            tu.put("toolUseId", t.reply.toolUseId());
            tu.put("name", t.reply.toolName());
            cbs.put("contentBlockIndex", index);
            out.add(s);
            for (String f : ChatReplies.fragments(Json.string(t.reply.toolInput()), 12)) {
                ObjectNode d = Json.object();
                ObjectNode cbd = d.putObject("contentBlockDelta");
                cbd.putObject("delta").putObject("toolUse").put("input", f);
                cbd.put("contentBlockIndex", index);
                out.add(d);
            }
            ObjectNode stop = Json.object();
            stop.putObject("contentBlockStop").put("contentBlockIndex", index);
            out.add(stop);
        }
        ObjectNode ms = Json.object();
        ms.putObject("messageStop").put("stopReason", reason(t));
        out.add(ms);
        ObjectNode md = Json.object();
        ObjectNode meta = md.putObject("metadata");
        ObjectNode u = meta.putObject("usage");
        u.put("inputTokens", t.inputTokens);
        u.put("outputTokens", t.outputTokens());
        meta.putObject("metrics");
        meta.putObject("trace");
        out.add(md);
        return out;
    }
}
