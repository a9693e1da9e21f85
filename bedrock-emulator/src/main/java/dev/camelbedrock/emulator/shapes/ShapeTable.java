package dev.camelbedrock.emulator.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The request shapes of one service as the public service model defines them (types, members and their HTTP
 * locations, required members, lengths, ranges, patterns, enums), read from {@code shapes/<service>.json}, which
 * {@code tools/derive_shapes.py} derives from the botocore models.
 */
public final class ShapeTable {

    private static final Map<String, ShapeTable> TABLES = new ConcurrentHashMap<>();

    private final String service;
    private final JsonNode operations;
    private final JsonNode shapes;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    private ShapeTable(String service, JsonNode root) {
        this.service = service;
        this.operations = root.path("operations");
        this.shapes = root.path("shapes");
    }

    /** The table of a service by its model name ({@code bedrock-runtime}, {@code bedrock}, ...), loaded once. */
    public static ShapeTable of(String service) {
        return TABLES.computeIfAbsent(service, ShapeTable::load);
    }

    private static ShapeTable load(String service) {
        String resource = "/dev/camelbedrock/emulator/shapes/" + service + ".json";
        try (InputStream in = ShapeTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No shape table " + resource);
            }
            return new ShapeTable(service, Json.parse(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String service() {
        return service;
    }

    /** The operation names of the service, e.g. {@code Converse}. */
    public Iterable<String> operationNames() {
        return operations::fieldNames;
    }

    /** The operation's HTTP binding and input shape name ({@code method}, {@code uri}, {@code input}), or null. */
    public JsonNode operation(String name) {
        JsonNode op = operations.get(name);
        return op == null || op.isMissingNode() ? null : op;
    }

    /** A shape by name (missing node when unknown). */
    public JsonNode shape(String name) {
        return shapes.path(name);
    }

    /** The shape's pattern compiled for whole-value matching; null when the shape has none or Java cannot read it. */
    Pattern pattern(String shapeName, String regex) {
        Pattern p = patterns.computeIfAbsent(shapeName, n -> {
            try {
                return Pattern.compile(regex, Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                return Pattern.compile("(?s).*"); // a pattern Java cannot read constrains nothing here
            }
        });
        return p;
    }
}
