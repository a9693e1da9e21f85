package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cohere Command R / R+: {@code {"message","chat_history":[{role: USER|CHATBOT|SYSTEM|TOOL, message}],"preamble",
 * "documents","tools":[{name,description,parameter_definitions}],"tool_results","max_tokens","stop_sequences",…}}
 * → {@code {"response_id","text","generation_id","chat_history","finish_reason","tool_calls"?,"meta"}}; the stream
 * is {@code stream-start}, {@code text-generation} ({@code text}), {@code tool-calls-generation}, {@code stream-end}
 * ({@code finish_reason}, {@code response}), each with {@code is_finished} and {@code event_type}.
 */
final class CohereCommandR extends TextFamily {

    private static final Set<String> HISTORY_ROLES = Set.of("USER", "CHATBOT", "SYSTEM", "TOOL");

    @Override
    String name() {
        return "cohere-command-r";
    }

    @Override
    ObjectNode conversation(Invocation inv) {
        JsonNode b = inv.body;
        String message = Bodies.requiredString(b, "#", "message");
        Conv c = new Conv().system(Bodies.optionalString(b, "#", "preamble"));
        ArrayNode history = Bodies.optionalArray(b, "#", "chat_history");
        if (history != null) {
            for (int i = 0; i < history.size(); i++) {
                String p = Bodies.path("#/chat_history", i);
                JsonNode h = history.get(i);
                String role = Bodies.requiredString(h, p, "role");
                if (!HISTORY_ROLES.contains(role)) {
                    throw Bodies.malformed(p + "/role: " + role + " is not a valid enum value");
                }
                String text = h.path("message").asText("");
                switch (role) {
                    case "USER":
                        c.text("user", text);
                        break;
                    case "CHATBOT":
                        c.text("assistant", text);
                        break;
                    case "SYSTEM":
                        c.system(text);
                        break;
                    default:
                        break;
                }
            }
        }
        Integer max = Bodies.optionalInt(b, "#", "max_tokens", 1, Integer.MAX_VALUE);
        Bodies.optionalNumber(b, "#", "temperature", 0, 1);
        Bodies.optionalNumber(b, "#", "p", 0.01, 0.99);
        Bodies.optionalInt(b, "#", "k", 0, 500);
        List<String> stops = Bodies.optionalStrings(b, "#", "stop_sequences", false, 0);
        ArrayNode tools = Bodies.optionalArray(b, "#", "tools");
        if (tools != null) {
            for (int i = 0; i < tools.size(); i++) {
                String p = Bodies.path("#/tools", i);
                JsonNode t = tools.get(i);
                c.tool(Bodies.requiredString(t, p, "name"), Json.text(t, "description"),
                        schema(t.get("parameter_definitions")));
            }
        }
        ArrayNode results = Bodies.optionalArray(b, "#", "tool_results");
        if (results != null && !results.isEmpty()) {
            // a tool-result turn: the previous assistant turn called the tools, this user turn answers them
            ArrayNode calls = c.message("assistant");
            ArrayNode answers = null;
            for (int i = 0; i < results.size(); i++) {
                String p = Bodies.path("#/tool_results", i);
                JsonNode call = Bodies.requiredObject(results.get(i), p, "call");
                String id = "cohere_call_" + i;
                ObjectNode tu = calls.addObject().putObject("toolUse");
                tu.put("toolUseId", id);
                tu.put("name", Bodies.requiredString(call, p + "/call", "name"));
                tu.set("input", call.has("parameters") ? call.get("parameters") : Json.object());
                if (answers == null) {
                    answers = c.message("user");
                }
                ObjectNode tr = answers.addObject().putObject("toolResult");
                tr.put("toolUseId", id);
                ArrayNode content = tr.putArray("content");
                JsonNode outputs = results.get(i).get("outputs");
                if (outputs != null && outputs.isArray()) {
                    for (JsonNode o : outputs) {
                        content.addObject().set("json", o);
                    }
                }
                tr.put("status", "success");
            }
            if (!message.isEmpty()) {
                answers.addObject().put("text", message);
            }
        } else {
            c.text("user", message);
        }
        return c.maxTokens(max).stopSequences(stops).root;
    }

    /** Cohere's {@code parameter_definitions} ({@code {p:{description,type,required}}}) as a JSON schema. */
    private static JsonNode schema(JsonNode defs) {
        ObjectNode s = Json.object().put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = s.putArray("required");
        if (defs != null && defs.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String type = e.getValue().path("type").asText("str").toLowerCase();
                String jsonType = type.startsWith("int") ? "integer" : type.startsWith("float") || type.startsWith("num")
                        ? "number" : type.startsWith("bool") ? "boolean" : type.startsWith("list") ? "array" : "string";
                props.putObject(e.getKey()).put("type", jsonType);
                if (e.getValue().path("required").asBoolean(false)) {
                    required.add(e.getKey());
                }
            }
        }
        if (required.isEmpty()) {
            s.remove("required");
        }
        return s;
    }

    private static String reason(Turn t) {
        return t.stop("COMPLETE", "MAX_TOKENS", "COMPLETE", "COMPLETE");
    }

    private static ArrayNode toolCalls(Turn t) {
        ArrayNode calls = Json.array();
        ObjectNode call = calls.addObject();
        call.put("name", t.reply.toolName());
        call.set("parameters", t.reply.toolInput());
        return calls;
    }

    @Override
    ObjectNode response(Turn t) {
        ObjectNode r = Json.object();
        r.put("response_id", uuid(t, "response"));
        r.put("text", t.text());
        r.put("generation_id", uuid(t, "generation"));
        ArrayNode history = r.putArray("chat_history");
        JsonNode prior = t.inv.body.get("chat_history");
        if (prior != null && prior.isArray()) {
            prior.forEach(history::add);
        }
        history.addObject().put("role", "USER").put("message", t.inv.body.path("message").asText());
        ObjectNode bot = history.addObject().put("role", "CHATBOT").put("message", t.text());
        if (t.hasToolUse()) {
            bot.set("tool_calls", toolCalls(t));
            r.set("tool_calls", toolCalls(t));
        }
        r.put("finish_reason", reason(t));
        ObjectNode billed = r.putObject("meta");
        billed.putObject("api_version").put("version", "1");
        ObjectNode units = billed.putObject("billed_units");
        units.put("input_tokens", t.inputTokens);
        units.put("output_tokens", t.outputTokens());
        return r;
    }

    @Override
    List<ObjectNode> stream(Turn t) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(Json.object().put("is_finished", false).put("event_type", "stream-start")
                .put("generation_id", uuid(t, "generation")));
        if (t.hasTextPart()) {
            for (String chunk : t.chunks()) {
                out.add(Json.object().put("is_finished", false).put("event_type", "text-generation").put("text", chunk));
            }
        }
        if (t.hasToolUse()) {
            ObjectNode e = Json.object().put("is_finished", false).put("event_type", "tool-calls-generation");
            e.set("tool_calls", toolCalls(t));
            out.add(e);
        }
        ObjectNode end = Json.object().put("is_finished", true).put("event_type", "stream-end");
        end.put("finish_reason", reason(t));
        end.set("response", response(t));
        out.add(end);
        return out;
    }

    private static String uuid(Turn t, String salt) {
        return UUID.nameUUIDFromBytes((t.inv.exchange.requestId() + "/" + salt).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
