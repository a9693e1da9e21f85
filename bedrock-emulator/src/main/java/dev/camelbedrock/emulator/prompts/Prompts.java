package dev.camelbedrock.emulator.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt management: prompts with a DRAFT and numbered immutable versions, and their rendering for Converse on a prompt
 * ARN ({@code {{name}}} placeholders filled from {@code promptVariables}).
 */
public final class Prompts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final Pattern PROMPT_ARN = Pattern.compile("arn:aws(-[^:]+)?:bedrock:[a-z0-9-]+:[0-9]{12}:prompt/([0-9a-zA-Z]{10})(?::([0-9]+|DRAFT))?");

    private final String accountId;
    private final Map<String, Prompt> prompts = new LinkedHashMap<>();
    private int ids;

    public Prompts(String accountId) {
        this.accountId = accountId;
    }

    /** A prompt: its versions by number, "DRAFT" first. */
    static final class Prompt {
        final String id;
        final String arn;
        final Map<String, ObjectNode> versions = new LinkedHashMap<>();

        Prompt(String id, String arn) {
            this.id = id;
            this.arn = arn;
        }
    }

    synchronized ObjectNode create(JsonNode request, String region) {
        String id = String.format("PROMPT%04d", ++ids);
        Prompt p = new Prompt(id, "arn:aws:bedrock:" + region + ":" + accountId + ":prompt/" + id);
        ObjectNode draft = (ObjectNode) request.deepCopy();
        draft.remove("clientToken");
        draft.remove("tags");
        String now = Instant.now().toString();
        draft.put("id", id).put("arn", p.arn).put("version", "DRAFT").put("createdAt", now).put("updatedAt", now);
        p.versions.put("DRAFT", draft);
        prompts.put(id, p);
        return draft;
    }

    synchronized ObjectNode createVersion(String identifier, JsonNode request) {
        Prompt p = prompt(identifier);
        String number = String.valueOf(p.versions.size());
        ObjectNode v = p.versions.get("DRAFT").deepCopy();
        String now = Instant.now().toString();
        v.put("version", number).put("arn", p.arn + ":" + number).put("createdAt", now).put("updatedAt", now);
        if (request.has("description")) {
            v.put("description", request.get("description").asText());
        }
        p.versions.put(number, v);
        return v;
    }

    synchronized ObjectNode get(String identifier, String version) {
        Prompt p = prompt(identifier);
        ObjectNode v = p.versions.get(version == null ? "DRAFT" : version);
        if (v == null) {
            throw ServiceException.notFound("Version " + version + " of prompt " + p.id + " is not found.");
        }
        return v;
    }

    synchronized List<ObjectNode> list() {
        List<ObjectNode> out = new ArrayList<>();
        prompts.values().forEach(p -> out.add(p.versions.get("DRAFT")));
        return out;
    }

    private Prompt prompt(String identifier) {
        String id = identifier.startsWith("arn:") ? identifier.substring(identifier.lastIndexOf('/') + 1).split(":")[0] : identifier;
        Prompt p = prompts.get(id);
        if (p == null) {
            throw ServiceException.notFound("Prompt " + id + " is not found. Check the prompt identifier and try again.");
        }
        return p;
    }

    /** Whether a model id names a prompt (its ARN, with or without a version). */
    public static boolean isPromptArn(String modelId) {
        return modelId != null && PROMPT_ARN.matcher(modelId).matches();
    }

    /** The model a prompt's default variant runs on, for the prompt ARN a Converse request names. */
    public synchronized String modelOf(String promptArn) {
        return variant(promptArn).path("modelId").asText(null);
    }

    /**
     * The Converse request with the prompt rendered: its messages (a text template as one user message) before those
     * of the request, its system prompt and inference configuration. Every variable the template names must be given.
     */
    public synchronized ObjectNode render(String promptArn, JsonNode request) {
        JsonNode variant = variant(promptArn);
        JsonNode values = request.path("promptVariables");
        JsonNode config = variant.path("templateConfiguration");
        Set<String> missing = new LinkedHashSet<>();
        ObjectNode out = (ObjectNode) request.deepCopy();
        out.remove("promptVariables");
        ArrayNode messages = Json.array();
        if (config.has("text")) {
            messages.addObject().put("role", "user").putArray("content").addObject()
                    .put("text", fill(config.path("text").path("text").asText(), values, missing));
        } else {
            for (JsonNode m : config.path("chat").path("messages")) {
                ObjectNode copy = messages.addObject().put("role", m.path("role").asText());
                ArrayNode content = copy.putArray("content");
                m.path("content").forEach(b -> content.addObject().put("text", fill(b.path("text").asText(), values, missing)));
            }
            ArrayNode system = Json.array();
            config.path("chat").path("system").forEach(b -> system.addObject().put("text", fill(b.path("text").asText(), values, missing)));
            if (!system.isEmpty()) {
                out.set("system", system);
            }
        }
        if (!missing.isEmpty()) {
            throw ServiceException.validation("The prompt " + promptArn + " needs values for the variables " + missing
                    + "; give them in promptVariables.");
        }
        request.path("messages").forEach(m -> messages.add(m.deepCopy()));
        out.set("messages", messages);
        JsonNode inference = variant.path("inferenceConfiguration").path("text");
        if (inference.isObject() && !out.has("inferenceConfig")) {
            out.set("inferenceConfig", inference.deepCopy());
        }
        return out;
    }

    private JsonNode variant(String promptArn) {
        Matcher m = PROMPT_ARN.matcher(promptArn);
        if (!m.matches()) {
            throw ServiceException.validation("The provided model identifier is invalid.");
        }
        ObjectNode prompt = get(m.group(2), m.group(3));
        String wanted = prompt.path("defaultVariant").asText(null);
        for (JsonNode v : prompt.path("variants")) {
            if (wanted == null || wanted.equals(v.path("name").asText())) {
                return v;
            }
        }
        throw ServiceException.validation("The prompt " + promptArn + " has no variant to run.");
    }

    private static String fill(String template, JsonNode values, Set<String> missing) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode v = values.path(m.group(1)).path("text");
            if (!v.isTextual()) {
                missing.add(m.group(1));
                m.appendReplacement(sb, "");
            } else {
                m.appendReplacement(sb, Matcher.quoteReplacement(v.asText()));
            }
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public synchronized void reset() {
        prompts.clear();
        ids = 0;
    }
}
