package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;

/** The JSON form of a {@link Fault}, as the admin API and config files give it and as the admin API lists it. */
final class FaultJson {

    private FaultJson() {
    }

    /** Reads a fault from its JSON form (README: "Faults"); a bare string is a kind word ({@link #of(String)}). */
    static Fault read(JsonNode n) {
        if (n != null && n.isTextual()) {
            return Fault.of(n.asText());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("A fault must be a JSON object or a kind name");
        }
        Fault f = kindFromJson(n);
        if (n.hasNonNull("operation")) {
            f = f.forOperation(n.get("operation").asText());
        }
        if (n.hasNonNull("modelId")) {
            f = f.forModel(n.get("modelId").asText());
        }
        if (n.hasNonNull("modelPattern")) {
            f = f.forModelMatching(n.get("modelPattern").asText());
        }
        if (n.hasNonNull("status")) {
            f = f.status(n.get("status").asInt());
        }
        if (n.hasNonNull("message")) {
            f = f.message(n.get("message").asText());
        }
        if (n.hasNonNull("afterEvents")) {
            f = f.afterEvents(n.get("afterEvents").asInt());
        }
        if (n.hasNonNull("originalStatusCode")) {
            f = f.originalStatusCode(n.get("originalStatusCode").asInt());
        }
        if (n.hasNonNull("originalMessage")) {
            f = f.originalMessage(n.get("originalMessage").asText());
        }
        if (n.hasNonNull("delayMs")) {
            f = f.delayMs(n.get("delayMs").asLong());
        }
        if (n.hasNonNull("closeConnection")) {
            f = f.closeConnection(n.get("closeConnection").asBoolean());
        }
        if (n.hasNonNull("probability")) {
            f = f.probability(n.get("probability").asDouble());
        }
        if (n.hasNonNull("seed")) {
            f = f.seed(n.get("seed").asLong());
        }
        if (n.hasNonNull("times")) {
            int t = n.get("times").asInt();
            f = f.times(t <= 0 ? Fault.ALWAYS : t);
        } else if (f.probability() < 1) {
            f = f.times(Fault.ALWAYS);
        }
        if (f.kind() == Fault.Kind.DELAY && !n.hasNonNull("delayMs")) {
            throw new IllegalArgumentException("A delay fault needs 'delayMs'");
        }
        return f;
    }

    private static Fault kindFromJson(JsonNode n) {
        JsonNode kinds = n.get("kinds");
        if (Json.isPresent(kinds)) {
            if (!kinds.isArray() || kinds.isEmpty()) {
                throw new IllegalArgumentException("'kinds' must be a non-empty array of kind names or fault objects");
            }
            List<Fault> list = new ArrayList<>();
            kinds.forEach(k -> list.add(read(k)));
            return Fault.oneOf(list);
        }
        String kind = Json.text(n, "kind");
        if ("error".equals(kind) || (kind == null && Json.text(n, "errorCode") != null)) {
            String code = Json.text(n, "errorCode");
            if (code == null) {
                throw new IllegalArgumentException("An error fault needs 'errorCode'");
            }
            return Fault.error(code);
        }
        if ("streamException".equals(kind) || (kind == null && Json.text(n, "streamException") != null)) {
            String type = Json.text(n, "streamException");
            if (type == null) {
                throw new IllegalArgumentException("A streamException fault needs 'streamException'");
            }
            return Fault.streamException(type);
        }
        if (kind == null) {
            throw new IllegalArgumentException("A fault needs 'kind', 'kinds', 'errorCode' or 'streamException'");
        }
        return Fault.of(kind);
    }

    static ObjectNode write(Fault f) {
        ObjectNode n = Json.object();
        if (f.operation() != null) {
            n.put("operation", f.operation());
        }
        if (f.modelId() != null) {
            n.put("modelId", f.modelId());
        }
        if (f.modelPattern() != null) {
            n.put("modelPattern", f.modelPattern());
        }
        kindJson(f, n);
        n.put("times", f.times() == Fault.ALWAYS ? -1 : f.times());
        if (f.probability() < 1) {
            n.put("probability", f.probability());
            n.put("seed", f.seed());
        } else if (f.kind() == null) {
            n.put("seed", f.seed());
        }
        return n;
    }

    private static void kindJson(Fault f, ObjectNode n) {
        if (f.kind() == null) {
            ArrayNode arr = n.putArray("kinds");
            f.alternatives().forEach(a -> {
                ObjectNode o = Json.object();
                kindJson(a, o);
                arr.add(o);
            });
            return;
        }
        n.put("kind", f.kind().jsonName());
        if (f.errorCode() != null) {
            n.put("errorCode", f.errorCode());
            n.put("status", f.effectiveStatus());
        }
        if (f.streamExceptionType() != null) {
            n.put("streamException", f.streamExceptionType());
        }
        if (f.kind().streamOnly() || f.kind() == Fault.Kind.MALFORMED) {
            n.put("afterEvents", f.afterEvents());
        }
        if (f.kind() == Fault.Kind.DELAY) {
            n.put("delayMs", f.delayMs());
        }
        if (f.closeConnection()) {
            n.put("closeConnection", true);
        }
        if (f.originalStatusCode() != null) {
            n.put("originalStatusCode", f.originalStatusCode());
        }
        if (f.originalMessage() != null) {
            n.put("originalMessage", f.originalMessage());
        }
        if (f.message() != null) {
            n.put("message", f.message());
        }
    }
}
