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
 * Anthropic Claude, Messages API ({@code anthropic_version}, {@code max_tokens}, {@code messages} required).
 * Answers {@code {"id":"msg_bdrk_…","type":"message","role":"assistant","model","content":[text|tool_use],
 * "stop_reason","stop_sequence","usage"}}; streams {@code message_start}, {@code content_block_start/delta/stop}
 * per block, {@code message_delta}, {@code message_stop}.
 */
final class AnthropicMessages extends TextFamily {

    static final Set<String> KEYS = Set.of("anthropic_version", "anthropic_beta", "max_tokens", "messages", "system",
            "temperature", "top_p", "top_k", "stop_sequences", "tools", "tool_choice", "thinking", "metadata",
            "output_config", "context_management", "container", "mcp_servers");
    private static final Set<String> VERSIONS = Set.of("bedrock-2023-05-31");

    @Override
    String name() {
        return "anthropic-messages";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        Bodies.noExtraKeys(b, "#", KEYS);
        String version = Bodies.requiredString(b, "#", "anthropic_version");
        if (!VERSIONS.contains(version)) {
            throw Bodies.malformed("#/anthropic_version: " + version + " is not a valid enum value");
        }
        Integer max = Bodies.requiredInt(b, "#", "max_tokens", 1, Integer.MAX_VALUE);
        ArrayNode messages = Bodies.requiredArray(b, "#", "messages");
        Bodies.optionalNumber(b, "#", "temperature", 0, 1);
        Bodies.optionalNumber(b, "#", "top_p", 0, 1);
        Bodies.optionalInt(b, "#", "top_k", 0, Integer.MAX_VALUE);
        List<String> stops = Bodies.optionalStrings(b, "#", "stop_sequences", false, 0);

        Conv c = new Conv();
        JsonNode system = b.get("system");
        if (system != null && !system.isNull()) {
            if (system.isTextual()) {
                c.system(system.asText());
            } else if (system.isArray()) {
                for (int i = 0; i < system.size(); i++) {
                    c.system(Bodies.requiredString(system.get(i), Bodies.path("#/system", i), "text"));
                }
            } else {
                throw Bodies.wrongType("#/system", "String", system);
            }
        }
        if (messages.isEmpty()) {
            throw ServiceException.validation("messages: at least one message is required");
        }
        String previous = null;
        for (int i = 0; i < messages.size(); i++) {
            String p = Bodies.path("#/messages", i);
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                throw Bodies.wrongType(p, "JSONObject", m);
            }
            String role = Bodies.requiredString(m, p, "role");
            if (!"user".equals(role) && !"assistant".equals(role)) {
                throw ServiceException.validation("messages." + i + ".role: Input should be 'user' or 'assistant'");
            }
            if (i == 0 && !"user".equals(role)) {
                throw ServiceException.validation("messages: first message must use the \"user\" role");
            }
            if (role.equals(previous)) {
                throw ServiceException.validation("messages: roles must alternate between \"user\" and \"assistant\", "
                        + "but found multiple \"" + role + "\" roles in a row");
            }
            previous = role;
            JsonNode content = m.get("content");
            if (content == null) {
                throw Bodies.missing(p, "content");
            }
            ArrayNode out = c.message(role);
            if (content.isTextual()) {
                out.addObject().put("text", content.asText());
            } else if (content.isArray()) {
                for (int j = 0; j < content.size(); j++) {
                    block(content.get(j), Bodies.path(p + "/content", j), i, j, out);
                }
            } else {
                throw Bodies.wrongType(p + "/content", "String", content);
            }
        }
        String choice = null;
        String choiceName = null;
        JsonNode tc = Bodies.optionalObject(b, "#", "tool_choice");
        if (tc != null) {
            choice = Bodies.requiredString(tc, "#/tool_choice", "type");
            if (!Set.of("auto", "any", "tool", "none").contains(choice)) {
                throw Bodies.malformed("#/tool_choice/type: " + choice + " is not a valid enum value");
            }
            if ("tool".equals(choice)) {
                choiceName = Bodies.requiredString(tc, "#/tool_choice", "name");
            }
        }
        ArrayNode tools = Bodies.optionalArray(b, "#", "tools");
        if (tools != null && !"none".equals(choice)) {
            for (int i = 0; i < tools.size(); i++) {
                JsonNode t = tools.get(i);
                String p = Bodies.path("#/tools", i);
                String name = Bodies.requiredString(t, p, "name");
                if (!t.has("type") || "custom".equals(t.path("type").asText())) {
                    Bodies.requiredObject(t, p, "input_schema");
                }
                c.tool(name, Json.text(t, "description"), t.get("input_schema"));
            }
            c.toolChoice(choice, choiceName);
        }
        return c.maxTokens(max).stopSequences(stops).root;
    }

    private static void block(JsonNode blk, String p, int mi, int bi, ArrayNode out) {
        if (!blk.isObject()) {
            throw Bodies.wrongType(p, "JSONObject", blk);
        }
        String type = Bodies.requiredString(blk, p, "type");
        switch (type) {
            case "text":
                String text = Bodies.requiredString(blk, p, "text");
                out.addObject().put("text", text);
                break;
            case "image": {
                JsonNode src = Bodies.requiredObject(blk, p, "source");
                ObjectNode img = out.addObject().putObject("image");
                String media = src.path("media_type").asText("image/png");
                img.put("format", media.substring(media.indexOf('/') + 1));
                if ("base64".equals(src.path("type").asText())) {
                    String data = Bodies.requiredString(src, p + "/source", "data");
                    Bodies.base64(data, p + "/source/data");
                    img.putObject("source").put("bytes", data);
                } else {
                    img.putObject("source").putObject("s3Location").put("uri", src.path("url").asText(""));
                }
                break;
            }
            case "document": {
                JsonNode src = Bodies.requiredObject(blk, p, "source");
                ObjectNode doc = out.addObject().putObject("document");
                doc.put("format", "txt");
                doc.put("name", "document");
                if (src.has("data")) {
                    if ("text".equals(src.path("type").asText())) {
                        doc.putObject("source").put("text", src.get("data").asText());
                    } else {
                        doc.putObject("source").put("bytes", src.get("data").asText());
                    }
                } else {
                    doc.putObject("source").put("text", "");
                }
                break;
            }
            case "tool_use": {
                ObjectNode tu = out.addObject().putObject("toolUse");
                tu.put("toolUseId", Bodies.requiredString(blk, p, "id"));
                tu.put("name", Bodies.requiredString(blk, p, "name"));
                tu.set("input", blk.has("input") ? blk.get("input") : Json.object());
                break;
            }
            case "tool_result": {
                ObjectNode tr = out.addObject().putObject("toolResult");
                tr.put("toolUseId", Bodies.requiredString(blk, p, "tool_use_id"));
                ArrayNode content = tr.putArray("content");
                JsonNode c = blk.get("content");
                if (c != null && c.isTextual()) {
                    content.addObject().put("text", c.asText());
                } else if (c != null && c.isArray()) {
                    for (JsonNode x : c) {
                        if ("text".equals(x.path("type").asText())) {
                            content.addObject().put("text", x.path("text").asText());
                        } else if ("image".equals(x.path("type").asText())) {
                            content.addObject().put("text", "[image]");
                        }
                    }
                }
                tr.put("status", blk.path("is_error").asBoolean(false) ? "error" : "success");
                break;
            }
            case "thinking":
            case "redacted_thinking":
                break;
            default:
                throw ServiceException.validation("messages." + mi + ".content." + bi + ".type: Input tag '" + type
                        + "' found using 'type' does not match any of the expected tags: 'document', 'image', "
                        + "'redacted_thinking', 'text', 'thinking', 'tool_result', 'tool_use'");
        }
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.put("id", messageId(t));
        r.put("type", "message");
        r.put("role", "assistant");
        r.put("model", t.inv.shortModelName());
        ArrayNode content = r.putArray("content");
        if (t.hasTextPart()) {
            content.addObject().put("type", "text").put("text", t.text());
        }
        if (t.hasToolUse()) {
            ObjectNode tu = content.addObject();
            tu.put("type", "tool_use");
            tu.put("id", toolId(t));
            tu.put("name", t.reply.toolName());
            tu.set("input", t.reply.toolInput());
        }
        r.put("stop_reason", stopReason(t));
        stopSequence(r, t);
        ObjectNode usage = r.putObject("usage");
        usage.put("input_tokens", t.inputTokens);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", t.outputTokens());
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode start = Json.object().put("type", "message_start");
        ObjectNode msg = start.putObject("message");
        msg.put("id", messageId(t));
        msg.put("type", "message");
        msg.put("role", "assistant");
        msg.put("model", t.inv.shortModelName());
        msg.putArray("content");
        msg.putNull("stop_reason");
        msg.putNull("stop_sequence");
        ObjectNode usage = msg.putObject("usage");
        usage.put("input_tokens", t.inputTokens);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", 1);
        out.add(start);
        int index = 0;
        if (t.hasTextPart()) {
            ObjectNode cbs = Json.object().put("type", "content_block_start").put("index", index);
            cbs.putObject("content_block").put("type", "text").put("text", "");
            out.add(cbs);
            for (String chunk : t.chunks()) {
                ObjectNode d = Json.object().put("type", "content_block_delta").put("index", index);
                d.putObject("delta").put("type", "text_delta").put("text", chunk);
                out.add(d);
            }
            out.add(Json.object().put("type", "content_block_stop").put("index", index));
            index++;
        }
        if (t.hasToolUse()) {
            ObjectNode cbs = Json.object().put("type", "content_block_start").put("index", index);
            ObjectNode cb = cbs.putObject("content_block");
            cb.put("type", "tool_use").put("id", toolId(t)).put("name", t.reply.toolName());
            cb.putObject("input");
            out.add(cbs);
            for (String f : ChatReplies.fragments(Json.string(t.reply.toolInput()), 12)) {
                ObjectNode d = Json.object().put("type", "content_block_delta").put("index", index);
                d.putObject("delta").put("type", "input_json_delta").put("partial_json", f);
                out.add(d);
            }
            out.add(Json.object().put("type", "content_block_stop").put("index", index));
        }
        ObjectNode md = Json.object().put("type", "message_delta");
        ObjectNode delta = md.putObject("delta");
        delta.put("stop_reason", stopReason(t));
        stopSequence(delta, t);
        md.putObject("usage").put("output_tokens", t.outputTokens());
        out.add(md);
        out.add(Json.object().put("type", "message_stop"));
        return out;
    }

    private static String stopReason(Turn t) {
        return t.stop("end_turn", "max_tokens", "stop_sequence", "tool_use");
    }

    private static void stopSequence(ObjectNode n, Turn t) {
        if (t.reply.stopSequence() != null) {
            n.put("stop_sequence", t.reply.stopSequence());
        } else {
            n.putNull("stop_sequence");
        }
    }

    static String messageId(Turn t) {
        return "msg_bdrk_01" + t.inv.id("message", 22);
    }

    static String toolId(Turn t) {
        return "toolu_bdrk_01" + t.toolIdSuffix();
    }
}
