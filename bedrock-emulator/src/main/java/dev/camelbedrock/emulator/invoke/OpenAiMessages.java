package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.List;
import java.util.Set;

/**
 * Reads chat-completions style requests (Mistral chat, AI21 Jamba, OpenAI gpt-oss, DeepSeek with messages):
 * {@code messages[{role: system|developer|user|assistant|tool, content: string | [{type:text,text}|{type:image_url}],
 * tool_calls, tool_call_id}]}, {@code tools[{type:function,function{name,description,parameters}}]},
 * {@code tool_choice}, {@code max_tokens}/{@code max_completion_tokens}, {@code stop}.
 */
final class OpenAiMessages {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private OpenAiMessages() {
    }

    static ObjectNode conversation(JsonNode b) {
        ArrayNode messages = Bodies.requiredArray(b, "#", "messages");
        if (messages.isEmpty()) {
            throw Bodies.malformed("#/messages: expected minimum item count: 1, found: 0");
        }
        Conv c = new Conv();
        for (int i = 0; i < messages.size(); i++) {
            String p = Bodies.path("#/messages", i);
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                throw Bodies.wrongType(p, "JSONObject", m);
            }
            String role = Bodies.requiredString(m, p, "role");
            if (!ROLES.contains(role)) {
                throw Bodies.malformed(p + "/role: " + role + " is not a valid enum value");
            }
            JsonNode content = m.get("content");
            switch (role) {
                case "system":
                case "developer":
                    c.system(text(content, p));
                    break;
                case "user": {
                    ArrayNode out = c.message("user");
                    if (content == null) {
                        throw Bodies.missing(p, "content");
                    }
                    if (content.isArray()) {
                        for (JsonNode part : content) {
                            String type = part.path("type").asText("text");
                            if ("text".equals(type)) {
                                out.addObject().put("text", part.path("text").asText());
                            } else if (type.startsWith("image")) {
                                ObjectNode img = out.addObject().putObject("image");
                                img.put("format", "png");
                                img.putObject("source").putObject("s3Location").put("uri", "inline");
                            }
                        }
                    } else {
                        out.addObject().put("text", text(content, p));
                    }
                    break;
                }
                case "assistant": {
                    ArrayNode out = c.message("assistant");
                    String t = content == null || content.isNull() ? "" : text(content, p);
                    if (!t.isEmpty()) {
                        out.addObject().put("text", t);
                    }
                    JsonNode calls = m.get("tool_calls");
                    if (calls != null && calls.isArray()) {
                        for (int j = 0; j < calls.size(); j++) {
                            JsonNode call = calls.get(j);
                            String cp = Bodies.path(p + "/tool_calls", j);
                            JsonNode fn = Bodies.requiredObject(call, cp, "function");
                            ObjectNode tu = out.addObject().putObject("toolUse");
                            tu.put("toolUseId", call.path("id").asText("call_" + j));
                            tu.put("name", Bodies.requiredString(fn, cp + "/function", "name"));
                            tu.set("input", arguments(fn.get("arguments")));
                        }
                    }
                    if (out.isEmpty()) {
                        out.addObject().put("text", "");
                    }
                    break;
                }
                default: {
                    ObjectNode tr = c.message("user").addObject().putObject("toolResult");
                    tr.put("toolUseId", Bodies.requiredString(m, p, "tool_call_id"));
                    tr.putArray("content").addObject().put("text", content == null ? "" : text(content, p));
                    tr.put("status", "success");
                }
            }
        }
        ArrayNode tools = Bodies.optionalArray(b, "#", "tools");
        JsonNode choice = b.get("tool_choice");
        boolean none = choice != null && "none".equals(choice.asText());
        if (tools != null && !none) {
            for (int i = 0; i < tools.size(); i++) {
                String p = Bodies.path("#/tools", i);
                JsonNode fn = Bodies.requiredObject(tools.get(i), p, "function");
                c.tool(Bodies.requiredString(fn, p + "/function", "name"), Json.text(fn, "description"),
                        fn.get("parameters"));
            }
            if (choice != null && choice.isTextual()) {
                String ch = choice.asText();
                c.toolChoice("any".equals(ch) || "required".equals(ch) ? "any" : "auto", null);
            } else if (choice != null && choice.isObject()) {
                c.toolChoice("tool", choice.path("function").path("name").asText());
            }
        }
        Integer max = Bodies.optionalInt(b, "#", "max_tokens", 1, Integer.MAX_VALUE);
        Integer max2 = Bodies.optionalInt(b, "#", "max_completion_tokens", 1, Integer.MAX_VALUE);
        Bodies.optionalNumber(b, "#", "temperature", 0, 2);
        Bodies.optionalNumber(b, "#", "top_p", 0, 1);
        List<String> stops = Bodies.optionalStrings(b, "#", "stop", true, 0);
        return c.maxTokens(max != null ? max : max2).stopSequences(stops).root;
    }

    private static String text(JsonNode content, String p) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if (part.has("text")) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(part.get("text").asText());
                }
            }
            return sb.toString();
        }
        throw Bodies.wrongType(p + "/content", "String", content);
    }

    private static JsonNode arguments(JsonNode args) {
        if (args == null || args.isNull()) {
            return Json.object();
        }
        if (args.isObject()) {
            return args;
        }
        try {
            return Json.parse(args.asText());
        } catch (Exception e) {
            return Json.object();
        }
    }

    /** {@code [{"id","type":"function","function":{"name","arguments":"<json>"}}]} for the reply's tool call. */
    static ArrayNode toolCalls(Turn t, String id) {
        ArrayNode calls = Json.array();
        ObjectNode call = calls.addObject();
        call.put("id", id);
        call.put("type", "function");
        ObjectNode fn = call.putObject("function");
        fn.put("name", t.reply.toolName());
        fn.put("arguments", Json.string(t.reply.toolInput()));
        return calls;
    }
}
