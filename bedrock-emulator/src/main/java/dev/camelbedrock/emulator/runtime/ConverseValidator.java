package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates Converse / ConverseStream / CountTokens(converse) bodies like the service: first the model
 * constraints, all reported together in Coral's form ({@code N validation error(s) detected: Value ... at
 * 'messages.1.member.content.1.member.image.format' failed to satisfy constraint: ...}; list members are
 * 1-based and followed by {@code .member}), then the conversation rules, reported one at a time with the
 * service's sentences (0-based indexes, as the service writes them).
 */
final class ConverseValidator {

    static final Set<String> CONTENT_BLOCK_MEMBERS = Set.of("text", "image", "document", "video", "audio", "toolUse",
            "toolResult", "guardContent", "cachePoint", "reasoningContent", "citationsContent", "searchResult",
            "toolAddition", "toolRemoval");
    static final Set<String> SYSTEM_BLOCK_MEMBERS = Set.of("text", "guardContent", "cachePoint");
    static final Set<String> TOOL_MEMBERS = Set.of("toolSpec", "systemTool", "cachePoint");
    static final Set<String> TOOL_CHOICE_MEMBERS = Set.of("auto", "any", "tool");
    static final Set<String> TOOL_RESULT_CONTENT_MEMBERS = Set.of("json", "text", "image", "document", "video",
            "searchResult");
    static final List<String> IMAGE_FORMATS = List.of("png", "jpeg", "gif", "webp");
    static final List<String> DOCUMENT_FORMATS = List.of("pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt",
            "md");
    static final List<String> VIDEO_FORMATS = List.of("mkv", "mov", "mp4", "webm", "flv", "mpeg", "mpg", "wmv",
            "three_gp");
    static final List<String> AUDIO_FORMATS = List.of("mp3", "opus", "wav", "aac", "flac", "mp4", "ogg", "mkv", "mka",
            "x-aac", "m4a", "mpeg", "mpga", "pcm", "webm");
    static final List<String> ROLES = List.of("user", "assistant");
    static final List<String> TRACE_VALUES = List.of("enabled", "disabled", "enabled_full");
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern TOOL_USE_ID = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern GUARDRAIL_ID = Pattern.compile(
            "(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))");
    private static final Pattern GUARDRAIL_VERSION = Pattern.compile("(([1-9][0-9]{0,7})|(DRAFT))");

    private final List<String> violations = new ArrayList<>();

    private ConverseValidator() {
    }

    /** Validates a Converse (or ConverseStream when {@code stream}) request body. */
    static void validateConverse(JsonNode root, boolean stream) {
        ConverseValidator v = new ConverseValidator();
        if (!root.isObject()) {
            throw ServiceException.validation("The request body must be a JSON object.");
        }
        JsonNode messages = root.get("messages");
        if (!Json.isPresent(messages) && !Json.isPresent(root.get("promptVariables"))) {
            v.violations.add(notNull("messages"));
        } else {
            v.messages(messages, "messages");
        }
        v.system(root.get("system"), "system");
        v.inferenceConfig(root.get("inferenceConfig"));
        v.toolConfig(root.get("toolConfig"), "toolConfig");
        v.guardrailConfig(root.get("guardrailConfig"), stream);
        v.enumMember(root.get("performanceConfig"), "latency", "performanceConfig.latency",
                List.of("standard", "optimized"));
        v.enumMember(root.get("serviceTier"), "type", "serviceTier.type",
                List.of("priority", "default", "flex", "reserved"));
        v.throwIfAny();
        semantic(root.get("messages"), root.get("toolConfig"));
    }

    /** Validates the {@code input.converse} member of a CountTokens request. */
    static void validateCountTokensConverse(JsonNode converse) {
        ConverseValidator v = new ConverseValidator();
        JsonNode messages = converse.get("messages");
        if (!Json.isPresent(messages)) {
            v.violations.add(notNull("input.converse.messages"));
        } else {
            v.messages(messages, "input.converse.messages");
        }
        v.system(converse.get("system"), "input.converse.system");
        v.toolConfig(converse.get("toolConfig"), "input.converse.toolConfig");
        v.throwIfAny();
        semantic(messages, converse.get("toolConfig"));
    }

    // ---- constraint checks (collected) ----

    private void messages(JsonNode messages, String path) {
        if (!messages.isArray()) {
            violations.add(value(messages) + " at '" + path + "' failed to satisfy constraint: Member must be a list");
            return;
        }
        if (messages.size() == 0) {
            violations.add("Value '[]' at '" + path
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            message(messages.get(i), path + "." + (i + 1) + ".member");
        }
    }

    private void message(JsonNode m, String path) {
        if (!m.isObject()) {
            violations.add(value(m) + " at '" + path + "' failed to satisfy constraint: Member must be a structure");
            return;
        }
        JsonNode role = m.get("role");
        if (!Json.isPresent(role)) {
            violations.add(notNull(path + ".role"));
        } else if (!ROLES.contains(role.asText())) {
            violations.add(enumViolation(role, path + ".role", ROLES));
        }
        JsonNode content = m.get("content");
        if (!Json.isPresent(content)) {
            violations.add(notNull(path + ".content"));
        } else if (!content.isArray()) {
            violations.add(value(content) + " at '" + path + ".content' failed to satisfy constraint: Member must be a list");
        } else {
            for (int j = 0; j < content.size(); j++) {
                contentBlock(content.get(j), path + ".content." + (j + 1) + ".member");
            }
        }
    }

    private void contentBlock(JsonNode block, String path) {
        String kind = union(block, path, CONTENT_BLOCK_MEMBERS);
        if (kind == null) {
            return;
        }
        JsonNode v = block.get(kind);
        String p = path + "." + kind;
        switch (kind) {
            case "text":
                if (!v.isTextual()) {
                    violations.add(value(v) + " at '" + p + "' failed to satisfy constraint: Member must be a string");
                }
                break;
            case "image":
                media(v, p, IMAGE_FORMATS, true, Set.of("bytes", "s3Location"));
                break;
            case "document":
                if (!v.isObject()) {
                    violations.add(notStructure(v, p));
                    break;
                }
                if (Json.isPresent(v.get("format"))) {
                    enumCheck(v.get("format"), p + ".format", DOCUMENT_FORMATS);
                }
                JsonNode name = v.get("name");
                if (!Json.isPresent(name)) {
                    violations.add(notNull(p + ".name"));
                } else if (name.asText().isEmpty() || name.asText().length() > 200) {
                    violations.add(value(name) + " at '" + p
                            + ".name' failed to satisfy constraint: Member must have length between 1 and 200");
                }
                source(v.get("source"), p + ".source", Set.of("bytes", "s3Location", "text", "content"));
                break;
            case "video":
                media(v, p, VIDEO_FORMATS, true, Set.of("bytes", "s3Location"));
                break;
            case "audio":
                media(v, p, AUDIO_FORMATS, true, Set.of("bytes", "s3Location"));
                break;
            case "toolUse":
                if (!v.isObject()) {
                    violations.add(notStructure(v, p));
                    break;
                }
                toolUseId(v.get("toolUseId"), p + ".toolUseId");
                toolName(v.get("name"), p + ".name");
                if (!v.has("input") || v.get("input").isMissingNode()) {
                    violations.add(notNull(p + ".input"));
                }
                break;
            case "toolResult":
                if (!v.isObject()) {
                    violations.add(notStructure(v, p));
                    break;
                }
                toolUseId(v.get("toolUseId"), p + ".toolUseId");
                JsonNode content = v.get("content");
                if (!Json.isPresent(content)) {
                    violations.add(notNull(p + ".content"));
                } else if (content.isArray()) {
                    for (int k = 0; k < content.size(); k++) {
                        String cp = p + ".content." + (k + 1) + ".member";
                        String ck = union(content.get(k), cp, TOOL_RESULT_CONTENT_MEMBERS);
                        if ("image".equals(ck)) {
                            media(content.get(k).get("image"), cp + ".image", IMAGE_FORMATS, true,
                                    Set.of("bytes", "s3Location"));
                        }
                    }
                }
                if (Json.isPresent(v.get("status"))) {
                    enumCheck(v.get("status"), p + ".status", List.of("success", "error"));
                }
                break;
            case "guardContent":
                union(v, p, Set.of("text", "image"));
                break;
            case "cachePoint":
                cachePoint(v, p);
                break;
            case "reasoningContent":
                union(v, p, Set.of("reasoningText", "redactedContent"));
                break;
            default:
                break;
        }
    }

    private void media(JsonNode v, String p, List<String> formats, boolean formatRequired, Set<String> sources) {
        if (!v.isObject()) {
            violations.add(notStructure(v, p));
            return;
        }
        JsonNode format = v.get("format");
        if (!Json.isPresent(format)) {
            if (formatRequired) {
                violations.add(notNull(p + ".format"));
            }
        } else {
            enumCheck(format, p + ".format", formats);
        }
        source(v.get("source"), p + ".source", sources);
    }

    private void source(JsonNode source, String p, Set<String> members) {
        if (!Json.isPresent(source)) {
            violations.add(notNull(p));
            return;
        }
        String kind = union(source, p, members);
        if ("bytes".equals(kind)) {
            JsonNode b = source.get("bytes");
            if (!b.isTextual() || !isBase64(b.asText())) {
                violations.add("Value at '" + p + ".bytes' failed to satisfy constraint: Member must be a base64-encoded blob");
            } else if (b.asText().isEmpty()) {
                violations.add("Value at '" + p
                        + ".bytes' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
        } else if ("s3Location".equals(kind)) {
            JsonNode s3 = source.get("s3Location");
            if (!Json.isPresent(s3.get("uri"))) {
                violations.add(notNull(p + ".s3Location.uri"));
            }
        }
    }

    private void cachePoint(JsonNode v, String p) {
        if (!v.isObject()) {
            violations.add(notStructure(v, p));
            return;
        }
        JsonNode type = v.get("type");
        if (!Json.isPresent(type)) {
            violations.add(notNull(p + ".type"));
        } else {
            enumCheck(type, p + ".type", List.of("default"));
        }
        if (Json.isPresent(v.get("ttl"))) {
            enumCheck(v.get("ttl"), p + ".ttl", List.of("5m", "1h"));
        }
    }

    private void system(JsonNode system, String path) {
        if (!Json.isPresent(system)) {
            return;
        }
        if (!system.isArray()) {
            violations.add(value(system) + " at '" + path + "' failed to satisfy constraint: Member must be a list");
            return;
        }
        for (int i = 0; i < system.size(); i++) {
            String p = path + "." + (i + 1) + ".member";
            String kind = union(system.get(i), p, SYSTEM_BLOCK_MEMBERS);
            if ("text".equals(kind)) {
                JsonNode t = system.get(i).get("text");
                if (!t.isTextual() || t.asText().isEmpty()) {
                    violations.add(value(t) + " at '" + p
                            + ".text' failed to satisfy constraint: Member must have length greater than or equal to 1");
                }
            } else if ("cachePoint".equals(kind)) {
                cachePoint(system.get(i).get("cachePoint"), p + ".cachePoint");
            } else if ("guardContent".equals(kind)) {
                union(system.get(i).get("guardContent"), p + ".guardContent", Set.of("text", "image"));
            }
        }
    }

    private void inferenceConfig(JsonNode ic) {
        if (!Json.isPresent(ic)) {
            return;
        }
        if (!ic.isObject()) {
            violations.add(notStructure(ic, "inferenceConfig"));
            return;
        }
        JsonNode maxTokens = ic.get("maxTokens");
        if (Json.isPresent(maxTokens)) {
            if (!maxTokens.isIntegralNumber()) {
                violations.add(value(maxTokens)
                        + " at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must be an integer");
            } else if (maxTokens.asLong() < 1) {
                violations.add(value(maxTokens) + " at 'inferenceConfig.maxTokens' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
            }
        }
        range(ic.get("temperature"), "inferenceConfig.temperature");
        range(ic.get("topP"), "inferenceConfig.topP");
        JsonNode stops = ic.get("stopSequences");
        if (Json.isPresent(stops)) {
            if (!stops.isArray()) {
                violations.add(value(stops)
                        + " at 'inferenceConfig.stopSequences' failed to satisfy constraint: Member must be a list");
            } else {
                for (int i = 0; i < stops.size(); i++) {
                    JsonNode s = stops.get(i);
                    if (!s.isTextual() || s.asText().isEmpty()) {
                        violations.add(value(s) + " at 'inferenceConfig.stopSequences." + (i + 1)
                                + ".member' failed to satisfy constraint: Member must have length greater than or equal to 1");
                    }
                }
            }
        }
    }

    private void range(JsonNode n, String path) {
        if (!Json.isPresent(n)) {
            return;
        }
        if (!n.isNumber()) {
            violations.add(value(n) + " at '" + path + "' failed to satisfy constraint: Member must be a number");
            return;
        }
        double d = n.asDouble();
        if (d < 0) {
            violations.add(value(n) + " at '" + path
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 0");
        } else if (d > 1) {
            violations.add(value(n) + " at '" + path
                    + "' failed to satisfy constraint: Member must have value less than or equal to 1");
        }
    }

    private void toolConfig(JsonNode tc, String path) {
        if (!Json.isPresent(tc)) {
            return;
        }
        if (!tc.isObject()) {
            violations.add(notStructure(tc, path));
            return;
        }
        JsonNode tools = tc.get("tools");
        if (!Json.isPresent(tools)) {
            violations.add(notNull(path + ".tools"));
        } else if (!tools.isArray()) {
            violations.add(value(tools) + " at '" + path + ".tools' failed to satisfy constraint: Member must be a list");
        } else if (tools.size() == 0) {
            violations.add("Value '[]' at '" + path
                    + ".tools' failed to satisfy constraint: Member must have length greater than or equal to 1");
        } else {
            for (int i = 0; i < tools.size(); i++) {
                String p = path + ".tools." + (i + 1) + ".member";
                String kind = union(tools.get(i), p, TOOL_MEMBERS);
                if ("toolSpec".equals(kind)) {
                    JsonNode spec = tools.get(i).get("toolSpec");
                    if (!spec.isObject()) {
                        violations.add(notStructure(spec, p + ".toolSpec"));
                        continue;
                    }
                    toolName(spec.get("name"), p + ".toolSpec.name");
                    JsonNode desc = spec.get("description");
                    if (Json.isPresent(desc) && desc.asText().isEmpty()) {
                        violations.add("Value '' at '" + p + ".toolSpec.description' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1");
                    }
                    JsonNode schema = spec.get("inputSchema");
                    if (!Json.isPresent(schema)) {
                        violations.add(notNull(p + ".toolSpec.inputSchema"));
                    } else {
                        String sk = union(schema, p + ".toolSpec.inputSchema", Set.of("json"));
                        if ("json".equals(sk) && !schema.get("json").isObject()) {
                            violations.add(value(schema.get("json")) + " at '" + p
                                    + ".toolSpec.inputSchema.json' failed to satisfy constraint: Member must be a JSON object");
                        }
                    }
                } else if ("systemTool".equals(kind)) {
                    toolName(tools.get(i).get("systemTool").get("name"), p + ".systemTool.name");
                } else if ("cachePoint".equals(kind)) {
                    cachePoint(tools.get(i).get("cachePoint"), p + ".cachePoint");
                }
            }
        }
        JsonNode choice = tc.get("toolChoice");
        if (Json.isPresent(choice)) {
            String kind = union(choice, path + ".toolChoice", TOOL_CHOICE_MEMBERS);
            if ("tool".equals(kind)) {
                JsonNode t = choice.get("tool");
                if (!t.isObject()) {
                    violations.add(notStructure(t, path + ".toolChoice.tool"));
                } else {
                    toolName(t.get("name"), path + ".toolChoice.tool.name");
                }
            }
        }
    }

    private void guardrailConfig(JsonNode g, boolean stream) {
        if (!Json.isPresent(g)) {
            return;
        }
        if (!g.isObject()) {
            violations.add(notStructure(g, "guardrailConfig"));
            return;
        }
        JsonNode id = g.get("guardrailIdentifier");
        if (!Json.isPresent(id)) {
            violations.add(notNull("guardrailConfig.guardrailIdentifier"));
        } else if (id.asText().isEmpty() || id.asText().length() > 2048
                || !GUARDRAIL_ID.matcher(id.asText()).matches()) {
            violations.add(value(id) + " at 'guardrailConfig.guardrailIdentifier' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: " + GUARDRAIL_ID.pattern());
        }
        JsonNode version = g.get("guardrailVersion");
        if (!Json.isPresent(version)) {
            violations.add(notNull("guardrailConfig.guardrailVersion"));
        } else if (!GUARDRAIL_VERSION.matcher(version.asText()).matches()) {
            violations.add(value(version) + " at 'guardrailConfig.guardrailVersion' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: " + GUARDRAIL_VERSION.pattern());
        }
        if (Json.isPresent(g.get("trace"))) {
            enumCheck(g.get("trace"), "guardrailConfig.trace", TRACE_VALUES);
        }
        if (stream && Json.isPresent(g.get("streamProcessingMode"))) {
            enumCheck(g.get("streamProcessingMode"), "guardrailConfig.streamProcessingMode", List.of("sync", "async"));
        }
    }

    private void enumMember(JsonNode parent, String field, String path, List<String> allowed) {
        if (Json.isPresent(parent) && Json.isPresent(parent.get(field))) {
            enumCheck(parent.get(field), path, allowed);
        }
    }

    private void toolName(JsonNode name, String path) {
        if (!Json.isPresent(name)) {
            violations.add(notNull(path));
            return;
        }
        String s = name.asText();
        if (s.isEmpty() || s.length() > 64) {
            violations.add(value(name) + " at '" + path
                    + "' failed to satisfy constraint: Member must have length between 1 and 64");
        } else if (!TOOL_NAME.matcher(s).matches()) {
            violations.add(value(name) + " at '" + path
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+");
        }
    }

    private void toolUseId(JsonNode id, String path) {
        if (!Json.isPresent(id)) {
            violations.add(notNull(path));
            return;
        }
        String s = id.asText();
        if (s.isEmpty() || s.length() > 64) {
            violations.add(value(id) + " at '" + path
                    + "' failed to satisfy constraint: Member must have length between 1 and 64");
        } else if (!TOOL_USE_ID.matcher(s).matches()) {
            violations.add(value(id) + " at '" + path
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+");
        }
    }

    /** Checks that {@code node} is an object with exactly one known union member; returns it, or null. */
    private String union(JsonNode node, String path, Set<String> members) {
        if (node == null || !node.isObject()) {
            violations.add(value(node) + " at '" + path + "' failed to satisfy constraint: Member must be a structure");
            return null;
        }
        Set<String> set = new LinkedHashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (members.contains(f) && !node.get(f).isNull()) {
                set.add(f);
            }
        }
        if (set.size() != 1) {
            violations.add("Value at '" + path + "' failed to satisfy constraint: Member must have exactly one of "
                    + new java.util.TreeSet<>(members) + " set, but " + (set.isEmpty() ? "none was" : set + " were")
                    + " set");
            return null;
        }
        return set.iterator().next();
    }

    private void enumCheck(JsonNode v, String path, List<String> allowed) {
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            violations.add(enumViolation(v, path, allowed));
        }
    }

    private void throwIfAny() {
        if (violations.isEmpty()) {
            return;
        }
        int n = violations.size();
        throw ServiceException.validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: "
                + String.join("; ", violations));
    }

    private static String enumViolation(JsonNode v, String path, List<String> allowed) {
        return value(v) + " at '" + path + "' failed to satisfy constraint: Member must satisfy enum value set: "
                + allowed.toString();
    }

    private static String notNull(String path) {
        return "Value null at '" + path + "' failed to satisfy constraint: Member must not be null";
    }

    private static String notStructure(JsonNode v, String path) {
        return value(v) + " at '" + path + "' failed to satisfy constraint: Member must be a structure";
    }

    private static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "Value null";
        }
        if (v.isValueNode()) {
            return "Value '" + v.asText() + "'";
        }
        return "Value '" + Json.string(v) + "'";
    }

    private static boolean isBase64(String s) {
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- conversation rules (first failure wins) ----

    private static void semantic(JsonNode messages, JsonNode toolConfig) {
        if (messages == null || !messages.isArray()) {
            return;
        }
        boolean usesTools = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.get("role").asText();
            if (i == 0 && !"user".equals(role)) {
                throw ServiceException.validation("A conversation must start with a user message. "
                        + "Try again with a conversation that starts with a user message.");
            }
            if (i > 0 && role.equals(messages.get(i - 1).get("role").asText())) {
                throw ServiceException.validation("A conversation must alternate between user and assistant roles. "
                        + "Make sure the conversation alternates between user and assistant roles and try again.");
            }
            JsonNode content = m.get("content");
            if (content.size() == 0) {
                throw ServiceException.validation("The content field in the Message object at messages." + i
                        + " is empty. Add a ContentBlock object to the content field and try again.");
            }
            for (int j = 0; j < content.size(); j++) {
                JsonNode b = content.get(j);
                if (b.has("text") && b.get("text").asText().isBlank()) {
                    throw ServiceException.validation("The text field in the ContentBlock object at messages." + i
                            + ".content." + j + " is blank. Add text to the text field, and try again.");
                }
                if (b.has("toolUse") || b.has("toolResult")) {
                    usesTools = true;
                }
            }
        }
        if (usesTools && !Json.isPresent(toolConfig)) {
            throw ServiceException.validation(
                    "The toolConfig field must be defined when using toolUse and toolResult content blocks.");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!"user".equals(m.get("role").asText())) {
                continue;
            }
            Set<String> available = i > 0 ? toolUseIds(messages.get(i - 1)) : Set.of();
            JsonNode content = m.get("content");
            for (int j = 0; j < content.size(); j++) {
                JsonNode tr = content.get(j).get("toolResult");
                if (tr != null) {
                    String id = tr.get("toolUseId").asText();
                    if (!available.contains(id)) {
                        throw ServiceException.validation("messages." + i + ".content." + j
                                + ": unexpected `tool_use_id` found in `tool_result` blocks: " + id
                                + ". Each `tool_result` block must have a corresponding `tool_use` block in the previous message.");
                    }
                }
            }
        }
        for (int i = 0; i + 1 < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!"assistant".equals(m.get("role").asText())) {
                continue;
            }
            Set<String> missing = new LinkedHashSet<>(toolUseIds(m));
            missing.removeAll(toolResultIds(messages.get(i + 1)));
            if (!missing.isEmpty()) {
                throw ServiceException.validation("messages." + (i + 1)
                        + ": `tool_use` ids were found without `tool_result` blocks immediately after: "
                        + String.join(", ", missing)
                        + ". Each `tool_use` block must have a corresponding `tool_result` block in the next message.");
            }
        }
        if (Json.isPresent(toolConfig)) {
            Set<String> names = new HashSet<>();
            for (JsonNode t : toolConfig.get("tools")) {
                JsonNode spec = t.has("toolSpec") ? t.get("toolSpec") : t.get("systemTool");
                if (spec != null) {
                    String name = spec.get("name").asText();
                    if (!names.add(name)) {
                        throw ServiceException.validation("The toolConfig.tools list contains the tool name " + name
                                + " more than once. Tool names must be unique.");
                    }
                }
            }
            JsonNode choice = toolConfig.get("toolChoice");
            if (Json.isPresent(choice) && choice.has("tool")) {
                String name = choice.get("tool").get("name").asText();
                if (!names.contains(name)) {
                    throw ServiceException.validation("The tool " + name + " named in toolConfig.toolChoice is not "
                            + "defined in toolConfig.tools. Add the tool to toolConfig.tools or change toolChoice, "
                            + "and try again.");
                }
            }
        }
    }

    private static Set<String> toolUseIds(JsonNode message) {
        Set<String> ids = new LinkedHashSet<>();
        if ("assistant".equals(message.get("role").asText())) {
            for (JsonNode b : message.get("content")) {
                if (b.has("toolUse")) {
                    ids.add(b.get("toolUse").get("toolUseId").asText());
                }
            }
        }
        return ids;
    }

    private static Set<String> toolResultIds(JsonNode message) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode b : message.get("content")) {
            if (b.has("toolResult")) {
                ids.add(b.get("toolResult").get("toolUseId").asText());
            }
        }
        return ids;
    }
}
