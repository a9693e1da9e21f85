package dev.camelbedrock.emulator.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One version (DRAFT or a number) of a guardrail, parsed from a CreateGuardrail request body. Immutable.
 */
public final class Guardrail {

    /** Where the assessed content comes from. */
    public enum Source {
        INPUT, OUTPUT
    }

    /** A configured policy entry with per-source actions and switches. */
    static class Entry {
        final JsonNode config;
        final String defaultAction;

        Entry(JsonNode config, String defaultAction) {
            this.config = config;
            this.defaultAction = defaultAction;
        }

        /** The action for a source ({@code BLOCK}, {@code ANONYMIZE}, {@code NONE}), or null when disabled. */
        String action(Source source) {
            String enabledKey = source == Source.INPUT ? "inputEnabled" : "outputEnabled";
            if (config.has(enabledKey) && !config.get(enabledKey).asBoolean(true)) {
                return null;
            }
            String specific = Json.text(config, source == Source.INPUT ? "inputAction" : "outputAction");
            if (specific != null) {
                return specific;
            }
            String general = Json.text(config, "action");
            return general != null ? general : defaultAction;
        }

        String text(String field) {
            return Json.text(config, field);
        }
    }

    /** A denied topic. */
    static final class Topic extends Entry {
        final String name;
        final String definition;
        final List<String> examples = new ArrayList<>();

        Topic(JsonNode c) {
            super(c, "BLOCK");
            this.name = c.path("name").asText();
            this.definition = c.path("definition").asText();
            c.path("examples").forEach(e -> examples.add(e.asText()));
        }
    }

    /** A content filter (keyword-based in the emulator). */
    static final class ContentFilter extends Entry {
        final String type;

        ContentFilter(JsonNode c) {
            super(c, "BLOCK");
            this.type = c.path("type").asText();
        }

        String strength(Source source) {
            return config.path(source == Source.INPUT ? "inputStrength" : "outputStrength").asText("NONE");
        }
    }

    /** A custom denied word or phrase. */
    static final class Word extends Entry {
        final String word;
        final Pattern pattern;

        Word(JsonNode c) {
            super(c, "BLOCK");
            this.word = c.path("text").asText();
            this.pattern = wordPattern(word);
        }
    }

    /** A PII entity type with its action. */
    static final class Pii extends Entry {
        final String type;

        Pii(JsonNode c) {
            super(c, "NONE");
            this.type = c.path("type").asText();
        }
    }

    /** A custom regex of the sensitive-information policy. */
    static final class Regex extends Entry {
        final String name;
        final Pattern pattern;

        Regex(JsonNode c) {
            super(c, "NONE");
            this.name = c.path("name").asText();
            this.pattern = Pattern.compile(c.path("pattern").asText());
        }
    }

    final String id;
    final String arn;
    final String version;
    final String name;
    final String description;
    final String blockedInputMessaging;
    final String blockedOutputsMessaging;
    final ObjectNode request;
    final Instant createdAt;
    final Instant updatedAt;
    final List<Topic> topics = new ArrayList<>();
    final List<ContentFilter> contentFilters = new ArrayList<>();
    final List<Word> words = new ArrayList<>();
    final List<Entry> managedWordLists = new ArrayList<>();
    final List<Pii> piiEntities = new ArrayList<>();
    final List<Regex> regexes = new ArrayList<>();
    final boolean contextualGrounding;

    Guardrail(String id, String arn, String version, JsonNode request, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.arn = arn;
        this.version = version;
        this.request = (ObjectNode) request.deepCopy();
        this.request.remove("tags");
        this.request.remove("clientRequestToken");
        this.request.remove("guardrailIdentifier");
        this.name = request.path("name").asText(id);
        this.description = Json.text(request, "description");
        this.blockedInputMessaging = request.path("blockedInputMessaging").asText("Sorry, the model cannot answer "
                + "this question.");
        this.blockedOutputsMessaging = request.path("blockedOutputsMessaging").asText("Sorry, the model cannot "
                + "answer this question.");
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        request.path("topicPolicyConfig").path("topicsConfig").forEach(t -> topics.add(new Topic(t)));
        request.path("contentPolicyConfig").path("filtersConfig").forEach(f -> contentFilters.add(new ContentFilter(f)));
        JsonNode wp = request.path("wordPolicyConfig");
        wp.path("wordsConfig").forEach(w -> words.add(new Word(w)));
        wp.path("managedWordListsConfig").forEach(m -> managedWordLists.add(new Entry(m, "BLOCK")));
        JsonNode sp = request.path("sensitiveInformationPolicyConfig");
        sp.path("piiEntitiesConfig").forEach(p -> piiEntities.add(new Pii(p)));
        sp.path("regexesConfig").forEach(r -> regexes.add(new Regex(r)));
        this.contextualGrounding = Json.isPresent(request.get("contextualGroundingPolicyConfig"));
    }

    /** A copy of this guardrail under another version label. */
    Guardrail asVersion(String newVersion, Instant at) {
        return new Guardrail(id, arn, newVersion, request, at, at);
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public String version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String blockedMessage(Source source) {
        return source == Source.INPUT ? blockedInputMessaging : blockedOutputsMessaging;
    }

    static Pattern wordPattern(String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.trim()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The GetGuardrail response of this version. */
    ObjectNode toGetJson() {
        ObjectNode n = Json.object();
        n.put("name", name);
        if (description != null) {
            n.put("description", description);
        }
        n.put("guardrailId", id);
        n.put("guardrailArn", arn);
        n.put("version", version);
        n.put("status", "READY");
        JsonNode tp = request.get("topicPolicyConfig");
        if (Json.isPresent(tp)) {
            ObjectNode p = n.putObject("topicPolicy");
            p.set("topics", tp.path("topicsConfig").deepCopy());
            if (tp.has("tierConfig")) {
                p.set("tier", tp.get("tierConfig").deepCopy());
            }
        }
        JsonNode cp = request.get("contentPolicyConfig");
        if (Json.isPresent(cp)) {
            ObjectNode p = n.putObject("contentPolicy");
            p.set("filters", cp.path("filtersConfig").deepCopy());
            if (cp.has("tierConfig")) {
                p.set("tier", cp.get("tierConfig").deepCopy());
            }
        }
        JsonNode wp = request.get("wordPolicyConfig");
        if (Json.isPresent(wp)) {
            ObjectNode p = n.putObject("wordPolicy");
            if (wp.has("wordsConfig")) {
                p.set("words", wp.get("wordsConfig").deepCopy());
            }
            if (wp.has("managedWordListsConfig")) {
                p.set("managedWordLists", wp.get("managedWordListsConfig").deepCopy());
            }
        }
        JsonNode sp = request.get("sensitiveInformationPolicyConfig");
        if (Json.isPresent(sp)) {
            ObjectNode p = n.putObject("sensitiveInformationPolicy");
            if (sp.has("piiEntitiesConfig")) {
                p.set("piiEntities", sp.get("piiEntitiesConfig").deepCopy());
            }
            if (sp.has("regexesConfig")) {
                p.set("regexes", sp.get("regexesConfig").deepCopy());
            }
        }
        JsonNode gp = request.get("contextualGroundingPolicyConfig");
        if (Json.isPresent(gp)) {
            n.putObject("contextualGroundingPolicy").set("filters", gp.path("filtersConfig").deepCopy());
        }
        n.put("createdAt", createdAt.toString());
        n.put("updatedAt", updatedAt.toString());
        n.putArray("statusReasons");
        n.putArray("failureRecommendations");
        n.put("blockedInputMessaging", blockedInputMessaging);
        n.put("blockedOutputsMessaging", blockedOutputsMessaging);
        return n;
    }

    /** The GuardrailSummary of ListGuardrails. */
    ObjectNode toSummaryJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("arn", arn);
        n.put("status", "READY");
        n.put("name", name);
        if (description != null) {
            n.put("description", description);
        }
        n.put("version", version);
        n.put("createdAt", createdAt.toString());
        n.put("updatedAt", updatedAt.toString());
        return n;
    }

    // ---- validation of a CreateGuardrail / UpdateGuardrail body ----

    static final List<String> PII_TYPES = List.of("ADDRESS", "AGE", "AWS_ACCESS_KEY", "AWS_SECRET_KEY",
            "CA_HEALTH_NUMBER", "CA_SOCIAL_INSURANCE_NUMBER", "CREDIT_DEBIT_CARD_CVV", "CREDIT_DEBIT_CARD_EXPIRY",
            "CREDIT_DEBIT_CARD_NUMBER", "DRIVER_ID", "EMAIL", "INTERNATIONAL_BANK_ACCOUNT_NUMBER", "IP_ADDRESS",
            "LICENSE_PLATE", "MAC_ADDRESS", "NAME", "PASSWORD", "PHONE", "PIN", "SWIFT_CODE",
            "UK_NATIONAL_HEALTH_SERVICE_NUMBER", "UK_NATIONAL_INSURANCE_NUMBER", "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
            "URL", "USERNAME", "US_BANK_ACCOUNT_NUMBER", "US_BANK_ROUTING_NUMBER",
            "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", "US_PASSPORT_NUMBER", "US_SOCIAL_SECURITY_NUMBER",
            "VEHICLE_IDENTIFICATION_NUMBER");
    static final List<String> FILTER_TYPES = List.of("SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT",
            "PROMPT_ATTACK");
    static final List<String> STRENGTHS = List.of("NONE", "LOW", "MEDIUM", "HIGH");
    static final List<String> BLOCK_NONE = List.of("BLOCK", "NONE");
    static final List<String> SENSITIVE_ACTIONS = List.of("BLOCK", "ANONYMIZE", "NONE");
    static final Pattern NAME = Pattern.compile("[0-9a-zA-Z-_]+");

    /** Constraint violations of a CreateGuardrail body, in Coral's wording (empty when valid). */
    static List<String> validate(JsonNode req) {
        List<String> v = new ArrayList<>();
        if (req == null || !req.isObject()) {
            return List.of("The request body must be a JSON object");
        }
        String name = Json.text(req, "name");
        if (name == null) {
            v.add("Value null at 'name' failed to satisfy constraint: Member must not be null");
        } else if (name.isEmpty() || name.length() > 50 || !NAME.matcher(name).matches()) {
            v.add("Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy regular "
                    + "expression pattern: [0-9a-zA-Z-_]+ and have length between 1 and 50");
        }
        for (String m : List.of("blockedInputMessaging", "blockedOutputsMessaging")) {
            String t = Json.text(req, m);
            if (t == null) {
                v.add("Value null at '" + m + "' failed to satisfy constraint: Member must not be null");
            } else if (t.isEmpty() || t.length() > 500) {
                v.add("Value at '" + m + "' failed to satisfy constraint: Member must have length between 1 and 500");
            }
        }
        int i = 0;
        for (JsonNode t : req.path("topicPolicyConfig").path("topicsConfig")) {
            i++;
            String at = "topicPolicyConfig.topicsConfig." + i + ".member";
            for (String m : List.of("name", "definition", "type")) {
                if (Json.text(t, m) == null) {
                    v.add("Value null at '" + at + "." + m + "' failed to satisfy constraint: Member must not be null");
                }
            }
            enumCheck(v, t, "type", at, List.of("DENY"));
            enumCheck(v, t, "inputAction", at, BLOCK_NONE);
            enumCheck(v, t, "outputAction", at, BLOCK_NONE);
        }
        i = 0;
        for (JsonNode f : req.path("contentPolicyConfig").path("filtersConfig")) {
            i++;
            String at = "contentPolicyConfig.filtersConfig." + i + ".member";
            enumCheck(v, f, "type", at, FILTER_TYPES);
            enumCheck(v, f, "inputStrength", at, STRENGTHS);
            enumCheck(v, f, "outputStrength", at, STRENGTHS);
        }
        i = 0;
        for (JsonNode w : req.path("wordPolicyConfig").path("wordsConfig")) {
            i++;
            String text = Json.text(w, "text");
            if (text == null || text.isBlank() || text.length() > 100) {
                v.add("Value at 'wordPolicyConfig.wordsConfig." + i + ".member.text' failed to satisfy constraint: "
                        + "Member must have length between 1 and 100");
            }
        }
        i = 0;
        for (JsonNode m : req.path("wordPolicyConfig").path("managedWordListsConfig")) {
            i++;
            enumCheck(v, m, "type", "wordPolicyConfig.managedWordListsConfig." + i + ".member", List.of("PROFANITY"));
        }
        i = 0;
        for (JsonNode p : req.path("sensitiveInformationPolicyConfig").path("piiEntitiesConfig")) {
            i++;
            String at = "sensitiveInformationPolicyConfig.piiEntitiesConfig." + i + ".member";
            if (Json.text(p, "type") == null || Json.text(p, "action") == null) {
                v.add("Value null at '" + at + "' failed to satisfy constraint: type and action must not be null");
            }
            enumCheck(v, p, "type", at, PII_TYPES);
            enumCheck(v, p, "action", at, SENSITIVE_ACTIONS);
            enumCheck(v, p, "inputAction", at, SENSITIVE_ACTIONS);
            enumCheck(v, p, "outputAction", at, SENSITIVE_ACTIONS);
        }
        i = 0;
        for (JsonNode r : req.path("sensitiveInformationPolicyConfig").path("regexesConfig")) {
            i++;
            String at = "sensitiveInformationPolicyConfig.regexesConfig." + i + ".member";
            if (Json.text(r, "name") == null || Json.text(r, "pattern") == null || Json.text(r, "action") == null) {
                v.add("Value null at '" + at + "' failed to satisfy constraint: name, pattern and action must not "
                        + "be null");
            } else {
                try {
                    Pattern.compile(r.get("pattern").asText());
                } catch (PatternSyntaxException e) {
                    v.add("Value '" + r.get("pattern").asText() + "' at '" + at + ".pattern' failed to satisfy "
                            + "constraint: Member must be a valid regular expression");
                }
            }
            enumCheck(v, r, "action", at, SENSITIVE_ACTIONS);
            enumCheck(v, r, "inputAction", at, SENSITIVE_ACTIONS);
            enumCheck(v, r, "outputAction", at, SENSITIVE_ACTIONS);
        }
        return v.isEmpty() ? Collections.emptyList() : v;
    }

    private static void enumCheck(List<String> v, JsonNode node, String field, String at, List<String> allowed) {
        String value = Json.text(node, field);
        if (value != null && !allowed.contains(value)) {
            v.add("Value '" + value + "' at '" + at + "." + field + "' failed to satisfy constraint: Member must "
                    + "satisfy enum value set: " + allowed);
        }
    }

    @Override
    public String toString() {
        return "Guardrail[" + id + ":" + version + " " + name.toLowerCase(Locale.ROOT) + "]";
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = Json.array();
        values.forEach(a::add);
        return a;
    }
}
