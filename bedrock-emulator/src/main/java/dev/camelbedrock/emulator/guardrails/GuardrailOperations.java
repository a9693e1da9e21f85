package dev.camelbedrock.emulator.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.core.Op;
import dev.camelbedrock.emulator.core.Tokens;
import dev.camelbedrock.emulator.core.Violations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** ApplyGuardrail (bedrock-runtime) and the guardrail control-plane operations (bedrock). */
public final class GuardrailOperations {

    static final Pattern ID = Pattern.compile(
            "(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))");
    static final Pattern VERSION = Pattern.compile("(([1-9][0-9]{0,7})|(DRAFT))");

    private GuardrailOperations() {
    }

    public static List<Operation> operations(Supplier<GuardrailEngine> engine) {
        Service cp = Service.CONTROL_PLANE;
        return List.of(
                Op.of("ApplyGuardrail", "POST", "/guardrail/{guardrailIdentifier}/version/{guardrailVersion}/apply",
                        Service.RUNTIME, ex -> apply(ex, engine.get())),
                Op.of("CreateGuardrail", "POST", "/guardrails", cp, ex -> create(ex, engine.get())),
                Op.of("GetGuardrail", "GET", "/guardrails/{guardrailIdentifier}", cp, ex -> get(ex, engine.get())),
                Op.of("ListGuardrails", "GET", "/guardrails", cp, ex -> list(ex, engine.get())),
                Op.of("CreateGuardrailVersion", "POST", "/guardrails/{guardrailIdentifier}", cp,
                        ex -> createVersion(ex, engine.get())),
                Op.of("UpdateGuardrail", "PUT", "/guardrails/{guardrailIdentifier}", cp,
                        ex -> update(ex, engine.get())),
                Op.of("DeleteGuardrail", "DELETE", "/guardrails/{guardrailIdentifier}", cp,
                        ex -> delete(ex, engine.get())));
    }

    private static void apply(Exchange ex, GuardrailEngine engine) {
        String id = ex.pathParam("guardrailIdentifier");
        String version = ex.pathParam("guardrailVersion");
        JsonNode req = ex.json();
        Violations v = new Violations()
                .pattern(id, "guardrailIdentifier", ID)
                .pattern(version, "guardrailVersion", VERSION)
                .required(req, "source", "source")
                .required(req, "content", "content")
                .enumValue(Json.text(req, "source"), "source", List.of("INPUT", "OUTPUT"))
                .enumValue(Json.text(req, "outputScope"), "outputScope", List.of("INTERVENTIONS", "FULL"));
        List<String> texts = new ArrayList<>();
        int images = 0;
        int i = 0;
        for (JsonNode block : req.path("content")) {
            i++;
            int members = block.isObject() ? block.size() : 0;
            if (members != 1) {
                v.add("Value at 'content." + i + ".member' failed to satisfy constraint: Member must have exactly "
                        + "one of text, image set");
            } else if (block.has("text")) {
                String t = block.get("text").path("text").isTextual() ? block.get("text").get("text").asText() : null;
                if (t == null) {
                    v.add("Value null at 'content." + i + ".member.text.text' failed to satisfy constraint: Member "
                            + "must not be null");
                } else {
                    texts.add(t);
                }
            } else if (block.has("image")) {
                images++;
            } else {
                v.add("Value at 'content." + i + ".member' failed to satisfy constraint: Member must have exactly "
                        + "one of text, image set");
            }
        }
        v.throwIfAny(Service.RUNTIME);
        Guardrail g = engine.get(id, version);
        Guardrail.Source source = Guardrail.Source.valueOf(req.get("source").asText());
        boolean full = "FULL".equals(Json.text(req, "outputScope"));
        GuardrailResult r = GuardrailEngine.assess(g, source, texts, full);
        ObjectNode body = Json.object();
        body.set("usage", r.usage());
        body.put("action", r.action());
        body.put("actionReason", r.actionReason());
        ArrayNode outputs = body.putArray("outputs");
        r.outputs().forEach(t -> outputs.addObject().put("text", t));
        body.putArray("assessments").add(r.assessment());
        ObjectNode coverage = body.putObject("guardrailCoverage");
        int chars = texts.stream().mapToInt(String::length).sum();
        coverage.putObject("textCharacters").put("guarded", chars).put("total", chars);
        if (images > 0) {
            coverage.putObject("images").put("guarded", 0).put("total", images);
        }
        ex.sendJson(200, body);
    }

    private static void validateBody(JsonNode req) {
        List<String> problems = Guardrail.validate(req);
        Violations v = new Violations();
        problems.forEach(v::add);
        v.throwIfAny(Service.CONTROL_PLANE);
    }

    private static void create(Exchange ex, GuardrailEngine engine) {
        JsonNode req = ex.json();
        validateBody(req);
        Guardrail g = engine.create(req, ex.region());
        ObjectNode body = Json.object();
        body.put("guardrailId", g.id());
        body.put("guardrailArn", g.arn());
        body.put("version", "DRAFT");
        body.put("createdAt", g.createdAt.toString());
        ex.sendJson(202, body);
    }

    private static String id(Exchange ex) {
        String id = ex.pathParam("guardrailIdentifier");
        new Violations().pattern(id, "guardrailIdentifier", ID).throwIfAny(Service.CONTROL_PLANE);
        return id;
    }

    private static void get(Exchange ex, GuardrailEngine engine) {
        String id = id(ex);
        String version = ex.query("guardrailVersion");
        new Violations().pattern(version, "guardrailVersion", VERSION).throwIfAny(Service.CONTROL_PLANE);
        ex.sendJson(200, engine.get(id, version).toGetJson());
    }

    private static void list(Exchange ex, GuardrailEngine engine) {
        String id = ex.query("guardrailIdentifier");
        String max = ex.query("maxResults");
        Violations v = new Violations().pattern(id, "guardrailIdentifier", ID);
        int size = 1000;
        if (max != null) {
            try {
                size = Integer.parseInt(max);
                v.range(Json.MAPPER.getNodeFactory().numberNode(size), "maxResults", 1, 1000);
            } catch (NumberFormatException e) {
                v.add("Value '" + max + "' at 'maxResults' failed to satisfy constraint: Member must be an integer");
            }
        }
        v.throwIfAny(Service.CONTROL_PLANE);
        List<Guardrail> all = engine.list(id);
        String fingerprint = "guardrails|" + id;
        int offset = Tokens.offset(ex.query("nextToken"), fingerprint, Service.CONTROL_PLANE);
        ObjectNode body = Json.object();
        ArrayNode out = body.putArray("guardrails");
        for (int i = offset; i < Math.min(all.size(), offset + size); i++) {
            out.add(all.get(i).toSummaryJson());
        }
        if (offset + size < all.size()) {
            body.put("nextToken", Tokens.next(offset + size, fingerprint));
        }
        ex.sendJson(200, body);
    }

    private static void createVersion(Exchange ex, GuardrailEngine engine) {
        Guardrail g = engine.createVersion(id(ex));
        ObjectNode body = Json.object();
        body.put("guardrailId", g.id());
        body.put("version", g.version());
        ex.sendJson(202, body);
    }

    private static void update(Exchange ex, GuardrailEngine engine) {
        String id = id(ex);
        JsonNode req = ex.json();
        validateBody(req);
        Guardrail g = engine.update(id, req);
        ObjectNode body = Json.object();
        body.put("guardrailId", g.id());
        body.put("guardrailArn", g.arn());
        body.put("version", "DRAFT");
        body.put("updatedAt", g.updatedAt.toString());
        ex.sendJson(202, body);
    }

    private static void delete(Exchange ex, GuardrailEngine engine) {
        String id = id(ex);
        String version = ex.query("guardrailVersion");
        new Violations().pattern(version, "guardrailVersion", VERSION).throwIfAny(Service.CONTROL_PLANE);
        engine.delete(id, version);
        ex.sendJson(202, Json.object());
    }
}
