package dev.camelbedrock.component.tool;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.schema.JsonSchemas;

/**
 * A route registered as a tool: what the model is told (name, description, input schema), how it is picked (tags),
 * and how it runs.
 *
 * @param returnDirect whether the tool's result ends the tool loop and becomes the body, without another model turn
 */
public record RouteTool(String name, String description, Set<String> tags, JsonNode inputSchema, boolean returnDirect,
                        JsonSchemas.Validator validator, Runner runner) {

    /** Runs one call of the tool: an exchange on its route. */
    public interface Runner {
        /**
         * Starts the route with the arguments; the future completes with the route's result body when the route ends,
         * or exceptionally with what the route threw. Never blocks the calling thread for the route's work.
         */
        CompletableFuture<Object> run(String toolUseId, Map<String, Object> arguments);
    }

    /** What is wrong with the arguments a model sent (empty when they fit the input schema). */
    public List<String> violations(JsonNode arguments) {
        return validator.violations(arguments);
    }
}
