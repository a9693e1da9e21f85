package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.camelbedrock.emulator.Rule;
import dev.camelbedrock.emulator.core.ErrorCodes;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.ResolvedModel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Decides the reply to a conversation, deterministically:
 * <ol>
 *   <li>the first matching {@link Rule} (reply template, tool call or error);</li>
 *   <li>else, if {@code toolChoice} is {@code tool}: call that tool; if {@code any}: call the tool named in the
 *   user text, or the first tool;</li>
 *   <li>else, if the last user turn holds tool results: {@code The tool <name> returned: <content>};</li>
 *   <li>else, if tools are offered and the user text names one (case-insensitive): call it;</li>
 *   <li>else echo: {@code You said: <last user text>} plus {@code [1 image]}-style attachment notes.</li>
 * </ol>
 * Tool inputs made up by the defaults follow the tool's JSON schema (required properties; enum/default/
 * const values first, else {@code "example"}, 1, true, [], {}). Then {@code inferenceConfig.stopSequences}
 * and {@code maxTokens} cut the text like a model would.
 */
final class ReplyEngine {

    private ReplyEngine() {
    }

    static Reply reply(Conversation conv, ResolvedModel model, List<Rule> rules) {
        return reply(conv, model, rules, null);
    }

    /** As {@link #reply(Conversation, ResolvedModel, List)}; when no rule matches, {@code fallback} (if set) is the text. */
    static Reply reply(Conversation conv, ResolvedModel model, List<Rule> rules, String fallback) {
        String matchText = conv.matchText();
        for (Rule rule : rules) {
            Matcher m = null;
            if (rule.matchPattern() != null) {
                m = rule.matchPattern().matcher(matchText);
                if (!m.find()) {
                    continue;
                }
            }
            if (rule.modelPattern() != null && !rule.modelPattern().matcher(model.requested()).find()
                    && (model.baseId() == null || !rule.modelPattern().matcher(model.baseId()).find())) {
                continue;
            }
            if (rule.systemPattern() != null && !rule.systemPattern().matcher(conv.systemText).find()) {
                continue;
            }
            return fromRule(rule, m, conv, model);
        }
        return finish(conv, fallback != null ? new Draft(fallback, null, null) : defaultReply(conv), null, null, null);
    }

    private static Reply fromRule(Rule rule, Matcher m, Conversation conv, ResolvedModel model) {
        if (rule.errorCode() != null) {
            int status = rule.errorStatus() != null ? rule.errorStatus() : ErrorCodes.status(rule.errorCode());
            String msg = rule.errorMessage() != null ? template(rule.errorMessage(), m, conv, model)
                    : rule.errorCode() + " (scripted by an emulator rule)";
            throw new ServiceException(rule.errorCode(), status, msg);
        }
        String text = rule.replyTemplate() != null ? template(rule.replyTemplate(), m, conv, model) : null;
        if (rule.toolName() != null) {
            JsonNode input = substitute(rule.toolInput() == null ? Json.object() : rule.toolInput().deepCopy(), m,
                    conv, model);
            Draft draft = new Draft(text == null ? "" : text, rule.toolName(), input);
            List<Rule.ToolCall> calls = rule.toolCalls();
            for (Rule.ToolCall more : calls.subList(1, calls.size())) {
                draft.more.add(new Rule.ToolCall(more.name(), substitute(more.input().deepCopy(), m, conv, model)));
            }
            return finish(conv, draft, rule.stopReasonOverride(), m, model);
        }
        if (text == null) {
            text = defaultReply(conv).text;
        }
        return finish(conv, new Draft(text, null, null), rule.stopReasonOverride(), m, model);
    }

    /** Text and optional tool call before limits are applied. */
    private static final class Draft {
        final String text;
        final String toolName;
        final JsonNode toolInput;
        /** Further tool calls of the same turn (a rule's parallel calls). */
        final List<Rule.ToolCall> more = new java.util.ArrayList<>();

        Draft(String text, String toolName, JsonNode toolInput) {
            this.text = text;
            this.toolName = toolName;
            this.toolInput = toolInput;
        }
    }

    private static Draft defaultReply(Conversation conv) {
        if ("tool".equals(conv.toolChoice)) {
            return call(conv.tool(conv.toolChoiceName));
        }
        if ("any".equals(conv.toolChoice) && !conv.tools.isEmpty()) {
            Conversation.Tool t = conv.mentionedTool();
            return call(t != null ? t : conv.tools.get(0));
        }
        if (!conv.toolResults.isEmpty() && conv.lastUserText.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Conversation.ToolResult r : conv.toolResults) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append("The tool ").append(r.toolName).append(r.error ? " failed: " : " returned: ").append(r.text);
                if (!r.text.endsWith(".")) {
                    sb.append('.');
                }
            }
            return new Draft(sb.toString(), null, null);
        }
        if (!conv.tools.isEmpty()) {
            Conversation.Tool t = conv.mentionedTool();
            if (t != null) {
                return call(t);
            }
        }
        String attachments = conv.attachmentSummary();
        String said = conv.lastUserText;
        if (!attachments.isEmpty()) {
            said = said.isEmpty() ? attachments : said + " " + attachments;
        }
        return new Draft("You said: " + said, null, null);
    }

    private static Draft call(Conversation.Tool tool) {
        return new Draft("", tool.name, sample(tool.schema, 0));
    }

    private static Reply finish(Conversation conv, Draft d, String stopOverride, Matcher m, ResolvedModel model) {
        String text = d.text;
        String toolName = d.toolName;
        JsonNode toolInput = d.toolInput;
        String stopReason = toolName != null ? "tool_use" : "end_turn";
        String stopSequence = null;

        JsonNode ic = conv.root.path("inferenceConfig");
        JsonNode stops = ic.path("stopSequences");
        if (stops.isArray()) {
            int cut = -1;
            for (JsonNode s : stops) {
                int i = text.indexOf(s.asText());
                if (!s.asText().isEmpty() && i >= 0 && (cut < 0 || i < cut)) {
                    cut = i;
                    stopSequence = s.asText();
                }
            }
            if (cut >= 0) {
                text = text.substring(0, cut);
                toolName = null;
                toolInput = null;
                stopReason = "stop_sequence";
            }
        }
        List<Rule.ToolCall> more = toolName == null ? List.of() : d.more;
        int out = outputTokens(text, toolName, toolInput);
        for (Rule.ToolCall c : more) {
            out += outputTokens("", c.name(), c.input());
        }
        JsonNode maxNode = ic.path("maxTokens");
        if (maxNode.isIntegralNumber() && out > maxNode.asInt()) {
            int max = maxNode.asInt();
            int textTokens = text.isEmpty() ? 0 : TokenCounter.textTokens(text);
            if (textTokens > max) {
                text = text.substring(0, Math.min(text.length(), max * 4));
            }
            toolName = null;
            toolInput = null;
            more = List.of();
            stopReason = "max_tokens";
            stopSequence = null;
            out = Math.min(max, Math.max(1, outputTokens(text, null, null)));
        }
        if (stopOverride != null) {
            stopReason = stopOverride;
        }
        String toolUseId = toolName == null ? null : toolUseId(toolName, toolInput, conv);
        List<Reply.ToolCall> calls = new java.util.ArrayList<>();
        for (int i = 0; i < more.size(); i++) {
            Rule.ToolCall c = more.get(i);
            calls.add(new Reply.ToolCall(toolUseId(c.name() + "#" + (i + 1), c.input(), conv), c.name(), c.input()));
        }
        return new Reply(text, toolUseId, toolName, toolInput, stopReason, stopSequence, out, calls);
    }

    static int outputTokens(String text, String toolName, JsonNode toolInput) {
        long chars = text.length();
        if (toolName != null) {
            chars += toolName.length() + Json.string(toolInput).length();
        }
        return Math.max(1, TokenCounter.ceilDiv4(chars));
    }

    /** Deterministic: the same conversation and call give the same id. */
    private static String toolUseId(String name, JsonNode input, Conversation conv) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((name + "\n" + Json.string(input) + "\n" + conv.messageCount + "\n" + conv.lastUserText)
                    .getBytes(StandardCharsets.UTF_8));
            String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest());
            return "tooluse_" + b64.substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String template(String template, Matcher m, Conversation conv, ResolvedModel model) {
        if (template.indexOf("{{") < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                out.append(template, i, template.length());
                break;
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String key = template.substring(open + 2, close).trim();
            out.append(value(key, m, conv, model, template.substring(open, close + 2)));
            i = close + 2;
        }
        return out.toString();
    }

    private static String value(String key, Matcher m, Conversation conv, ResolvedModel model, String literal) {
        switch (key) {
            case "input":
                return conv.lastUserText;
            case "system":
                return conv.systemText;
            case "model":
                return model.requested();
            case "toolResult":
                return conv.toolResultSummary();
            case "attachments":
                return conv.attachmentSummary();
            default:
                if (key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
                    int g = Integer.parseInt(key);
                    if (m != null && g <= m.groupCount()) {
                        String v = m.group(g);
                        return v == null ? "" : v;
                    }
                    return "";
                }
                return literal;
        }
    }

    private static JsonNode substitute(JsonNode node, Matcher m, Conversation conv, ResolvedModel model) {
        if (node.isTextual()) {
            return TextNode.valueOf(template(node.asText(), m, conv, model));
        }
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(substitute(e.getValue(), m, conv, model));
            }
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, substitute(a.get(i), m, conv, model));
            }
            return a;
        }
        return node;
    }

    /** A value satisfying (the simple parts of) a JSON schema. */
    static JsonNode sample(JsonNode schema, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema == null || !schema.isObject() || depth > 6) {
            return f.objectNode();
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schemaType(schema);
        switch (type) {
            case "string":
                String format = schema.path("format").asText("");
                switch (format) {
                    case "date":
                        return f.textNode("2024-01-01");
                    case "date-time":
                        return f.textNode("2024-01-01T00:00:00Z");
                    case "email":
                        return f.textNode("user@example.com");
                    case "uri":
                        return f.textNode("https://example.com");
                    default:
                        return f.textNode("example");
                }
            case "integer":
                return f.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1);
            case "number":
                return f.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asDouble(), 1.0) : 1.0);
            case "boolean":
                return f.booleanNode(true);
            case "array":
                ArrayNode arr = f.arrayNode();
                if (schema.path("minItems").asInt(0) > 0) {
                    arr.add(sample(schema.get("items"), depth + 1));
                }
                return arr;
            case "null":
                return f.nullNode();
            default:
                ObjectNode obj = f.objectNode();
                JsonNode props = schema.path("properties");
                JsonNode required = schema.get("required");
                if (required != null && required.isArray()) {
                    for (JsonNode r : required) {
                        obj.set(r.asText(), sample(props.get(r.asText()), depth + 1));
                    }
                } else if (props.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        obj.set(e.getKey(), sample(e.getValue(), depth + 1));
                    }
                }
                return obj;
        }
    }

    /** The (first non-null) type a schema names; without one, object when it has properties, else string. */
    static String schemaType(JsonNode schema) {
        JsonNode t = schema.get("type");
        if (t == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    return x.asText();
                }
            }
            return "null";
        }
        return t.asText();
    }
}
