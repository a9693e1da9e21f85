package dev.camelbedrock.emulator.throughput;

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

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The bedrock control-plane provisioned-throughput operations (Create, Get, List, Update, Delete). */
public final class ProvisionedThroughputOperations {

    static final Pattern NAME = Pattern.compile("([0-9a-zA-Z][_-]?)+");
    static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?");
    static final Pattern PT_ID = Pattern.compile(
            "((([0-9a-zA-Z][_-]?)+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:provisioned-model/[a-z0-9]{12}))");
    static final List<String> STATUSES = List.of("Creating", "InService", "Updating", "Failed");

    private ProvisionedThroughputOperations() {
    }

    public static List<Operation> operations(Supplier<ProvisionedThroughputs> pts) {
        Service cp = Service.CONTROL_PLANE;
        return List.of(
                Op.of("CreateProvisionedModelThroughput", "POST", "/provisioned-model-throughput", cp,
                        ex -> create(ex, pts.get())),
                Op.of("GetProvisionedModelThroughput", "GET", "/provisioned-model-throughput/{provisionedModelId}",
                        cp, ex -> get(ex, pts.get())),
                Op.of("ListProvisionedModelThroughputs", "GET", "/provisioned-model-throughputs", cp,
                        ex -> list(ex, pts.get())),
                Op.of("UpdateProvisionedModelThroughput", "PATCH",
                        "/provisioned-model-throughput/{provisionedModelId}", cp, ex -> update(ex, pts.get())),
                Op.of("DeleteProvisionedModelThroughput", "DELETE",
                        "/provisioned-model-throughput/{provisionedModelId}", cp, ex -> delete(ex, pts.get())));
    }

    private static void create(Exchange ex, ProvisionedThroughputs pts) {
        JsonNode req = ex.json();
        Violations v = new Violations()
                .required(req, "modelUnits", "modelUnits")
                .required(req, "provisionedModelName", "provisionedModelName")
                .required(req, "modelId", "modelId");
        String name = Json.text(req, "provisionedModelName");
        v.length(name, "provisionedModelName", 1, 63).pattern(name, "provisionedModelName", NAME);
        String modelId = Json.text(req, "modelId");
        v.length(modelId, "modelId", 1, 2048);
        JsonNode units = req.get("modelUnits");
        v.range(units, "modelUnits", 1, Integer.MAX_VALUE);
        String commitment = Json.text(req, "commitmentDuration");
        v.enumValue(commitment, "commitmentDuration", List.of("OneMonth", "SixMonths"));
        String token = Json.text(req, "clientRequestToken");
        v.length(token, "clientRequestToken", 1, 256).pattern(token, "clientRequestToken", TOKEN);
        v.throwIfAny(Service.CONTROL_PLANE);
        String arn = pts.create(name, modelId, units.asInt(), commitment, token, ex.region());
        ObjectNode body = Json.object();
        body.put("provisionedModelArn", arn);
        ex.sendJson(201, body);
    }

    private static String id(Exchange ex) {
        String id = ex.pathParam("provisionedModelId");
        new Violations().pattern(id, "provisionedModelId", PT_ID).throwIfAny(Service.CONTROL_PLANE);
        return id;
    }

    private static void get(Exchange ex, ProvisionedThroughputs pts) {
        ProvisionedThroughputs.Pt p = pts.get(id(ex));
        ex.sendJson(200, pts.toJson(p, true));
    }

    private static void update(Exchange ex, ProvisionedThroughputs pts) {
        String id = id(ex);
        JsonNode req = ex.json();
        String name = Json.text(req, "desiredProvisionedModelName");
        String model = Json.text(req, "desiredModelId");
        new Violations().length(name, "desiredProvisionedModelName", 1, 63)
                .pattern(name, "desiredProvisionedModelName", NAME)
                .length(model, "desiredModelId", 1, 2048)
                .throwIfAny(Service.CONTROL_PLANE);
        pts.update(id, name, model, ex.region());
        ex.sendJson(200, Json.object());
    }

    private static void delete(Exchange ex, ProvisionedThroughputs pts) {
        pts.delete(id(ex));
        ex.sendJson(200, Json.object());
    }

    private static void list(Exchange ex, ProvisionedThroughputs pts) {
        String status = ex.query("statusEquals");
        String modelArn = ex.query("modelArnEquals");
        String nameContains = ex.query("nameContains");
        String after = ex.query("creationTimeAfter");
        String before = ex.query("creationTimeBefore");
        String sortBy = ex.query("sortBy");
        String sortOrder = ex.query("sortOrder");
        String max = ex.query("maxResults");
        Violations v = new Violations()
                .enumValue(status, "statusEquals", STATUSES)
                .enumValue(sortBy, "sortBy", List.of("CreationTime"))
                .enumValue(sortOrder, "sortOrder", List.of("Ascending", "Descending"))
                .length(nameContains, "nameContains", 1, 63);
        Integer maxResults = null;
        if (max != null) {
            try {
                maxResults = Integer.parseInt(max);
                v.range(Json.MAPPER.getNodeFactory().numberNode(maxResults), "maxResults", 1, 1000);
            } catch (NumberFormatException e) {
                v.add("Value '" + max + "' at 'maxResults' failed to satisfy constraint: Member must be an integer");
            }
        }
        Instant afterT = time(after, "creationTimeAfter", v);
        Instant beforeT = time(before, "creationTimeBefore", v);
        v.throwIfAny(Service.CONTROL_PLANE);

        Comparator<ProvisionedThroughputs.Pt> order = Comparator.comparing(ProvisionedThroughputs.Pt::creationTime);
        if (!"Ascending".equals(sortOrder)) {
            order = order.reversed();
        }
        List<ProvisionedThroughputs.Pt> matches = pts.all().stream()
                .filter(p -> status == null || status.equals(p.status()))
                .filter(p -> modelArn == null || modelArn.equals(p.modelArn()))
                .filter(p -> nameContains == null || p.name().contains(nameContains))
                .filter(p -> afterT == null || p.creationTime().isAfter(afterT))
                .filter(p -> beforeT == null || p.creationTime().isBefore(beforeT))
                .sorted(order)
                .collect(Collectors.toList());
        String fingerprint = status + "|" + modelArn + "|" + nameContains + "|" + after + "|" + before + "|"
                + sortOrder;
        int offset = Tokens.offset(ex.query("nextToken"), fingerprint, Service.CONTROL_PLANE);
        int size = maxResults == null ? 1000 : maxResults;
        ObjectNode body = Json.object();
        ArrayNode summaries = body.putArray("provisionedModelSummaries");
        for (int i = offset; i < Math.min(matches.size(), offset + size); i++) {
            summaries.add(pts.toJson(matches.get(i), false));
        }
        if (offset + size < matches.size()) {
            body.put("nextToken", Tokens.next(offset + size, fingerprint));
        }
        ex.sendJson(200, body);
    }

    private static Instant time(String value, String name, Violations v) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            v.add("Value '" + value + "' at '" + name + "' failed to satisfy constraint: Member must be an ISO-8601 "
                    + "timestamp");
            return null;
        }
    }
}
