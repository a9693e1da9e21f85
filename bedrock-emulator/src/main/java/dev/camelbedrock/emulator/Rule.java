package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A scripted chat reply. A rule matches when its {@code match} regex is found in the last user text (and,
 * if set, its {@code model} regex is found in the model id as requested or in the resolved base model id,
 * and its {@code system} regex is found in the system prompt). The first matching rule (in list order)
 * decides the reply: reply text (a template), a tool call, or an error.
 *
 * <p>Templates may use {@code {{input}}} (last user text), {@code {{system}}} (system prompt text),
 * {@code {{model}}} (model id as requested), {@code {{toolResult}}} (text of the tool results in the last
 * user turn) and {@code {{0}}}..{@code {{9}}} (regex groups of {@code match}). Tool-call inputs are JSON
 * whose string values may use the same placeholders.
 *
 * <pre>{@code
 * Rule.when("(?i)hello").reply("Hi there!")
 * Rule.when("weather in (\\w+)").toolUse("get_weather", "{\"city\":\"{{1}}\"}")
 * Rule.when("compare").toolUse("price", "{\"sku\":\"A\"}").toolUse("price", "{\"sku\":\"B\"}")   // two calls in one turn
 * Rule.when("overload").forModel("anthropic").error("ThrottlingException", "Too many requests")
 * }</pre>
 *
 * Instances are immutable; every method returns a copy.
 */
public final class Rule {

    private final Pattern match;
    private final Pattern model;
    private final Pattern system;
    private final String reply;
    private final String toolName;
    private final JsonNode toolInput;
    private final String errorCode;
    private final String errorMessage;
    private final Integer errorStatus;
    private final String stopReason;
    /** Tool calls after the first, made in the same turn (parallel tool use). */
    private final List<ToolCall> moreToolCalls;

    /** One tool call a rule makes. */
    public record ToolCall(String name, JsonNode input) {
    }

    private Rule(Pattern match, Pattern model, Pattern system, String reply, String toolName, JsonNode toolInput,
                 String errorCode, String errorMessage, Integer errorStatus, String stopReason) {
        this(match, model, system, reply, toolName, toolInput, errorCode, errorMessage, errorStatus, stopReason, List.of());
    }

    private Rule(Pattern match, Pattern model, Pattern system, String reply, String toolName, JsonNode toolInput,
                 String errorCode, String errorMessage, Integer errorStatus, String stopReason, List<ToolCall> moreToolCalls) {
        this.moreToolCalls = List.copyOf(moreToolCalls);
        this.match = match;
        this.model = model;
        this.system = system;
        this.reply = reply;
        this.toolName = toolName;
        this.toolInput = toolInput;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.errorStatus = errorStatus;
        this.stopReason = stopReason;
    }

    /** A rule whose regex must be found ({@link java.util.regex.Matcher#find()}) in the last user text. */
    public static Rule when(String regex) {
        return new Rule(Pattern.compile(regex), null, null, null, null, null, null, null, null, null);
    }

    /** A rule that matches every request (subject to {@link #forModel}/{@link #whenSystem}). */
    public static Rule always() {
        return new Rule(null, null, null, null, null, null, null, null, null, null);
    }

    /** Restricts the rule to models whose id (as requested, or resolved base id) contains a match of {@code regex}. */
    public Rule forModel(String regex) {
        return new Rule(match, Pattern.compile(regex), system, reply, toolName, toolInput, errorCode, errorMessage,
                errorStatus, stopReason, moreToolCalls);
    }

    /** Restricts the rule to requests whose system prompt contains a match of {@code regex}. */
    public Rule whenSystem(String regex) {
        return new Rule(match, model, Pattern.compile(regex), reply, toolName, toolInput, errorCode, errorMessage,
                errorStatus, stopReason, moreToolCalls);
    }

    /** The reply text (a template). With a tool call, this becomes the text block before the toolUse block. */
    public Rule reply(String template) {
        return new Rule(match, model, system, Objects.requireNonNull(template), toolName, toolInput, errorCode,
                errorMessage, errorStatus, stopReason, moreToolCalls);
    }

    /** Answers with a toolUse block (stopReason {@code tool_use}); {@code inputJson} is a JSON object. */
    public Rule toolUse(String name, String inputJson) {
        try {
            return toolUse(name, Json.parse(inputJson == null || inputJson.isBlank() ? "{}" : inputJson));
        } catch (IOException e) {
            throw new UncheckedIOException("Tool input is not JSON: " + inputJson, e);
        }
    }

    /**
     * Answers with a toolUse block. Called again on the same rule, adds another toolUse block to the same turn: the
     * model asks for several tools at once (parallel tool use).
     */
    public Rule toolUse(String name, JsonNode input) {
        JsonNode in = input == null ? Json.object() : input;
        if (toolName == null) {
            return new Rule(match, model, system, reply, Objects.requireNonNull(name), in, errorCode, errorMessage,
                    errorStatus, stopReason, moreToolCalls);
        }
        List<ToolCall> more = new ArrayList<>(moreToolCalls);
        more.add(new ToolCall(Objects.requireNonNull(name), in));
        return new Rule(match, model, system, reply, toolName, toolInput, errorCode, errorMessage, errorStatus,
                stopReason, more);
    }

    /** Every tool call of the rule, in order (empty when it makes none). */
    public List<ToolCall> toolCalls() {
        List<ToolCall> all = new ArrayList<>();
        if (toolName != null) {
            all.add(new ToolCall(toolName, toolInput));
        }
        all.addAll(moreToolCalls);
        return all;
    }

    /** Answers with an error in the service's shape; the status comes from the bedrock-runtime table. */
    public Rule error(String code, String message) {
        return new Rule(match, model, system, reply, toolName, toolInput, Objects.requireNonNull(code), message, null,
                stopReason, moreToolCalls);
    }

    /** Answers with an error with an explicit HTTP status. */
    public Rule error(String code, String message, int status) {
        return new Rule(match, model, system, reply, toolName, toolInput, Objects.requireNonNull(code), message, status,
                stopReason, moreToolCalls);
    }

    /** Overrides the stop reason of a text reply (e.g. {@code max_tokens}, {@code guardrail_intervened}). */
    public Rule stopReason(String stopReason) {
        return new Rule(match, model, system, reply, toolName, toolInput, errorCode, errorMessage, errorStatus,
                stopReason, moreToolCalls);
    }

    public Pattern matchPattern() {
        return match;
    }

    public Pattern modelPattern() {
        return model;
    }

    public Pattern systemPattern() {
        return system;
    }

    public String replyTemplate() {
        return reply;
    }

    public String toolName() {
        return toolName;
    }

    public JsonNode toolInput() {
        return toolInput;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public Integer errorStatus() {
        return errorStatus;
    }

    public String stopReasonOverride() {
        return stopReason;
    }

    /** Reads one rule from its JSON form (see README: the rules file format). */
    public static Rule fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A rule must be a JSON object: " + node);
        }
        Rule r = Json.isPresent(node.get("match")) ? when(node.get("match").asText()) : always();
        if (Json.isPresent(node.get("model"))) {
            r = r.forModel(node.get("model").asText());
        }
        if (Json.isPresent(node.get("system"))) {
            r = r.whenSystem(node.get("system").asText());
        }
        if (Json.isPresent(node.get("reply"))) {
            r = r.reply(node.get("reply").asText());
        }
        JsonNode tu = node.get("toolUse");
        if (Json.isPresent(tu)) {
            String name = Json.text(tu, "name");
            if (name == null) {
                throw new IllegalArgumentException("toolUse.name is required in rule " + node);
            }
            r = r.toolUse(name, tu.has("input") ? tu.get("input") : Json.object());
        }
        JsonNode tus = node.get("toolUses");
        if (Json.isPresent(tus)) {
            if (!tus.isArray()) {
                throw new IllegalArgumentException("toolUses must be an array of {name, input} in rule " + node);
            }
            for (JsonNode t : tus) {
                String name = Json.text(t, "name");
                if (name == null) {
                    throw new IllegalArgumentException("toolUses[].name is required in rule " + node);
                }
                r = r.toolUse(name, t.has("input") ? t.get("input") : Json.object());
            }
        }
        JsonNode err = node.get("error");
        if (Json.isPresent(err)) {
            String code = err.isTextual() ? err.asText() : Json.text(err, "code");
            if (code == null) {
                throw new IllegalArgumentException("error.code is required in rule " + node);
            }
            String message = err.isObject() ? Json.text(err, "message") : null;
            if (err.isObject() && err.hasNonNull("status")) {
                r = r.error(code, message, err.get("status").asInt());
            } else {
                r = r.error(code, message);
            }
        }
        if (Json.isPresent(node.get("stopReason"))) {
            r = r.stopReason(node.get("stopReason").asText());
        }
        return r;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        if (match != null) {
            n.put("match", match.pattern());
        }
        if (model != null) {
            n.put("model", model.pattern());
        }
        if (system != null) {
            n.put("system", system.pattern());
        }
        if (reply != null) {
            n.put("reply", reply);
        }
        if (toolName != null && moreToolCalls.isEmpty()) {
            ObjectNode tu = n.putObject("toolUse");
            tu.put("name", toolName);
            tu.set("input", toolInput);
        } else if (toolName != null) {
            var tus = n.putArray("toolUses");
            for (ToolCall c : toolCalls()) {
                tus.addObject().put("name", c.name()).set("input", c.input());
            }
        }
        if (errorCode != null) {
            ObjectNode e = n.putObject("error");
            e.put("code", errorCode);
            if (errorMessage != null) {
                e.put("message", errorMessage);
            }
            if (errorStatus != null) {
                e.put("status", errorStatus);
            }
        }
        if (stopReason != null) {
            n.put("stopReason", stopReason);
        }
        return n;
    }

    @Override
    public String toString() {
        return "Rule" + toJson();
    }
}
