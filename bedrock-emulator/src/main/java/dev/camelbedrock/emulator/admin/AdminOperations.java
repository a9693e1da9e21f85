package dev.camelbedrock.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.EmulatorStats;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.Latency;
import dev.camelbedrock.emulator.Quota;
import dev.camelbedrock.emulator.RecordedRequest;
import dev.camelbedrock.emulator.Rule;
import dev.camelbedrock.emulator.auth.StrictAuth;
import dev.camelbedrock.emulator.core.Op;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.OperationProvider;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's admin API under {@code /_emulator}: health, stats, config (latency, rules, stream gate),
 * faults, the request log and reset. See the README for the JSON shapes.
 */
public final class AdminOperations implements OperationProvider {

    @Override
    public List<Operation> operations(EmulatorContext c) {
        List<Operation> ops = new ArrayList<>();
        ops.add(Op.admin("EmulatorHealth", "GET", "/_emulator/health",
                ex -> ex.sendJson(200, Json.object().put("status", "UP"))));
        ops.add(Op.admin("EmulatorStats", "GET", "/_emulator/stats", ex -> ex.sendJson(200, stats(c.stats()))));
        ops.add(Op.admin("EmulatorStatsReset", "DELETE", "/_emulator/stats", ex -> {
            c.stats().reset();
            ex.sendJson(200, stats(c.stats()));
        }));
        ops.add(Op.admin("EmulatorConfig", "GET", "/_emulator/config", ex -> ex.sendJson(200, config(c))));
        ops.add(Op.admin("EmulatorConfigUpdate", "POST", "/_emulator/config", ex -> {
            applyConfig(c, ex.json());
            ex.sendJson(200, config(c));
        }));
        ops.add(Op.admin("EmulatorFaults", "GET", "/_emulator/faults", ex -> ex.sendJson(200, faults(c))));
        ops.add(Op.admin("EmulatorFaultsAdd", "POST", "/_emulator/faults", ex -> {
            parseFaults(ex.json()).forEach(c.faults()::add);
            ex.sendJson(200, faults(c));
        }));
        ops.add(Op.admin("EmulatorFaultsClear", "DELETE", "/_emulator/faults", ex -> {
            c.faults().clear();
            ex.sendJson(200, faults(c));
        }));
        ops.add(Op.admin("EmulatorRequests", "GET", "/_emulator/requests", ex -> ex.sendJson(200, requests(c, ex))));
        ops.add(Op.admin("EmulatorRequestsClear", "DELETE", "/_emulator/requests", ex -> {
            c.requestLog().clear();
            ex.sendJson(200, requests(c, ex));
        }));
        ops.add(Op.admin("EmulatorStreamsResume", "POST", "/_emulator/streams/resume", ex -> {
            c.streamGate().resume();
            ex.sendJson(200, config(c));
        }));
        ops.add(Op.admin("EmulatorQuotas", "GET", "/_emulator/quotas", ex -> ex.sendJson(200, quotas(c))));
        ops.add(Op.admin("EmulatorQuotasAdd", "POST", "/_emulator/quotas", ex -> {
            parseQuotas(ex.json()).forEach(c.quotas()::add);
            ex.sendJson(200, quotas(c));
        }));
        ops.add(Op.admin("EmulatorQuotasClear", "DELETE", "/_emulator/quotas", ex -> {
            c.quotas().clear();
            ex.sendJson(200, quotas(c));
        }));
        ops.add(Op.admin("EmulatorReset", "POST", "/_emulator/reset", ex -> {
            c.reset();
            ex.sendJson(200, config(c));
        }));
        return ops;
    }

    static ObjectNode stats(EmulatorStats s) {
        ObjectNode n = Json.object();
        n.put("total", s.total());
        ObjectNode byOp = n.putObject("byOperation");
        s.byOperation().forEach(byOp::put);
        ObjectNode byModel = n.putObject("byModel");
        s.byModel().forEach(byModel::put);
        ObjectNode both = n.putObject("byOperationAndModel");
        s.byOperationAndModel().forEach((op, m) -> {
            ObjectNode o = both.putObject(op);
            m.forEach(o::put);
        });
        n.put("throttled", s.throttled());
        ObjectNode throttled = n.putObject("throttledByModel");
        s.throttledByModel().forEach(throttled::put);
        n.put("inFlight", s.inFlight());
        n.put("maxInFlight", s.maxInFlight());
        ObjectNode faults = n.putObject("faultsInjected");
        s.faultsInjected().forEach(faults::put);
        ObjectNode auth = n.putObject("authFailures");
        s.authFailures().forEach(auth::put);
        return n;
    }

    static ObjectNode quotas(EmulatorContext c) {
        ObjectNode n = Json.object();
        putQuotas(n, c);
        ObjectNode throttled = n.putObject("throttledByModel");
        c.stats().throttledByModel().forEach(throttled::put);
        return n;
    }

    /** {@code "quotas":[…]}: the quotas in force, as {@link Quota#toJson()}. */
    private static void putQuotas(ObjectNode n, EmulatorContext c) {
        ArrayNode arr = n.putArray("quotas");
        c.quotas().list().forEach(q -> arr.add(q.toJson()));
    }

    /** Quotas from a quota object, an array of them, or {@code {"quotas":[…]}}. */
    public static List<Quota> parseQuotas(JsonNode node) {
        JsonNode arr = node.isObject() && node.has("quotas") ? node.get("quotas") : node;
        List<Quota> out = new ArrayList<>();
        if (arr.isArray()) {
            arr.forEach(q -> out.add(Quota.fromJson(q)));
        } else {
            out.add(Quota.fromJson(arr));
        }
        return out;
    }

    static ObjectNode config(EmulatorContext c) {
        ObjectNode n = Json.object();
        n.put("latencyMs", c.latencyMs());
        n.put("latency", c.latency().spec());
        n.put("chunkDelayMs", c.chunkDelayMs());
        int gate = c.streamGate().threshold();
        if (gate >= 0) {
            n.put("pauseStreamsAfter", gate);
        } else {
            n.putNull("pauseStreamsAfter");
        }
        n.put("heldStreams", c.streamGate().heldCount());
        n.put("requireInferenceProfiles", c.requireInferenceProfiles());
        n.put("imageContentFilter", c.imageContentFilter() == null ? null : c.imageContentFilter().pattern());
        putQuotas(n, c);
        StrictAuth auth = c.feature(StrictAuth.class);
        if (auth != null) {
            n.set("strictAuth", auth.toJson());
        }
        ArrayNode rules = n.putArray("rules");
        c.rules().list().forEach(r -> rules.add(r.toJson()));
        return n;
    }

    /** Applies a config update; fields absent from the body are left unchanged. */
    public static void applyConfig(EmulatorContext c, JsonNode body) {
        if (!body.isObject()) {
            throw new IllegalArgumentException("The config must be a JSON object.");
        }
        List<Rule> replace = body.has("rules") ? parseRules(body.get("rules")) : null;
        List<Rule> add = body.has("addRules") ? parseRules(body.get("addRules")) : null;
        if (body.has("strictAuth") && c.feature(StrictAuth.class) != null) { // first: it may refuse the setting
            c.feature(StrictAuth.class).apply(body.get("strictAuth"));
        }
        Latency latency = body.hasNonNull("latency") ? Latency.parse(body.get("latency").asText()) : null;
        if (body.hasNonNull("latencyMs")) {
            c.latencyMs(body.get("latencyMs").asLong());
        }
        if (latency != null) {
            c.latency(latency);
        }
        if (body.hasNonNull("latencySeed")) {
            c.latencySeed(body.get("latencySeed").asLong());
        }
        if (body.has("quotas")) {
            c.quotas().set(parseQuotas(body.get("quotas")));
        }
        if (body.hasNonNull("chunkDelayMs")) {
            c.chunkDelayMs(body.get("chunkDelayMs").asLong());
        }
        if (body.hasNonNull("requireInferenceProfiles")) {
            c.requireInferenceProfiles(body.get("requireInferenceProfiles").asBoolean());
        }
        if (body.has("imageContentFilter")) {
            c.imageContentFilter(body.get("imageContentFilter").isNull() ? null : body.get("imageContentFilter").asText());
        }
        if (replace != null) {
            c.rules().set(replace);
        }
        if (add != null) {
            add.forEach(c.rules()::add);
        }
        if (body.has("pauseStreamsAfter")) {
            JsonNode p = body.get("pauseStreamsAfter");
            if (p.isNull()) {
                c.streamGate().resume();
            } else {
                c.streamGate().pauseAfter(p.asInt());
            }
        }
        if (body.path("resumeStreams").asBoolean(false)) {
            c.streamGate().resume();
        }
    }

    /** Rules from a JSON array (or an object with a {@code rules} array). */
    public static List<Rule> parseRules(JsonNode node) {
        if (node.isObject() && !node.has("rules")) {
            return List.of(); // a config document that sets other things only
        }
        JsonNode arr = node.isObject() && node.has("rules") ? node.get("rules") : node;
        if (!arr.isArray()) {
            throw new IllegalArgumentException("'rules' must be a JSON array");
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : arr) {
            try {
                rules.add(Rule.fromJson(r));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("Bad regex in rule " + r + ": " + e.getDescription());
            }
        }
        return rules;
    }

    /** Faults from one fault object, an array of them, or {@code {"faults":[…]}}; all parsed before any is used. */
    public static List<Fault> parseFaults(JsonNode body) {
        JsonNode list = body.isArray() ? body : body.has("faults") ? body.get("faults") : null;
        List<Fault> parsed = new ArrayList<>();
        if (list == null) {
            parsed.add(Fault.fromJson(body));
        } else if (list.isArray()) {
            list.forEach(n -> parsed.add(Fault.fromJson(n)));
        } else {
            throw new IllegalArgumentException("'faults' must be an array");
        }
        return parsed;
    }

    static ObjectNode faults(EmulatorContext c) {
        ObjectNode n = Json.object();
        ArrayNode arr = n.putArray("pending");
        c.faults().pending().forEach(f -> arr.add(f.toJson()));
        return n;
    }

    static ObjectNode requests(EmulatorContext c, Exchange ex) {
        String op = ex.query("operation");
        String model = ex.query("modelId");
        int limit = ex.query("limit") == null ? Integer.MAX_VALUE : Integer.parseInt(ex.query("limit"));
        List<RecordedRequest> all = c.requestLog().all();
        List<RecordedRequest> selected = new ArrayList<>();
        for (RecordedRequest r : all) {
            if ((op == null || op.equals(r.operation())) && (model == null || model.equals(r.modelId()))) {
                selected.add(r);
            }
        }
        if (selected.size() > limit) {
            selected = selected.subList(selected.size() - limit, selected.size());
        }
        ObjectNode n = Json.object();
        ArrayNode arr = n.putArray("requests");
        for (RecordedRequest r : selected) {
            ObjectNode o = arr.addObject();
            o.put("time", r.time().toString());
            o.put("requestId", r.requestId());
            o.put("operation", r.operation());
            if (r.modelId() != null) {
                o.put("modelId", r.modelId());
            } else {
                o.putNull("modelId");
            }
            o.put("method", r.method());
            o.put("path", r.path());
            o.put("protocol", r.protocol());
            JsonNode json = r.json();
            if (json != null) {
                o.set("body", json);
            } else {
                o.put("body", r.body());
            }
        }
        return n;
    }
}
