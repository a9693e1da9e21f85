package dev.camelbedrock.component.converse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.Exchange;
import org.apache.camel.support.ResourceHelper;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * The tools of a Converse request: the toolConfiguration bean or the tools option (JSON inline or in a resource, parsed
 * once per endpoint), the tool choice with its header override, and the tools cache point.
 */
final class ConverseTools {

    private volatile ToolConfiguration toolsFromOption;

    ToolConfiguration configuration(Exchange exchange, ExchangeOptions opts, EndpointOptions config,
                                                String operation, String modelId, boolean cachePoint) {
        ToolConfiguration base = config.getToolConfiguration();
        if (base == null && config.getTools() != null) {
            base = toolsFromOption;
            if (base == null) {
                base = parseTools(exchange, config.getTools(), operation, modelId);
                toolsFromOption = base;
            }
        }
        String choice = opts.string(BedrockHeaders.TOOL_CHOICE, config.getToolChoice());
        if (base == null) {
            if (choice != null) {
                throw new BedrockInputException(operation, modelId, "toolChoice is '" + choice + "' but no tools are configured;"
                        + " set the tools option (JSON) or the toolConfiguration bean");
            }
            if (cachePoint) {
                throw new BedrockInputException(operation, modelId, "promptCachePoints names 'tools' but no tools are configured");
            }
            return null;
        }
        ToolConfiguration.Builder b = base.toBuilder();
        if (cachePoint) {
            List<Tool> tools = new ArrayList<>(base.tools());
            tools.add(Tool.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
            b.tools(tools);
        }
        if (choice != null) {
            b.toolChoice(toolChoice(choice, base, operation, modelId));
        }
        return b.build();
    }

    private static ToolChoice toolChoice(String choice, ToolConfiguration tools, String operation, String modelId) {
        if (choice.equals("auto")) {
            return ToolChoice.fromAuto(a -> { });
        }
        if (choice.equals("any")) {
            return ToolChoice.fromAny(a -> { });
        }
        if (choice.startsWith("tool:")) {
            String name = choice.substring(5);
            boolean known = tools.tools().stream().anyMatch(t -> t.toolSpec() != null && name.equals(t.toolSpec().name()));
            if (!known) {
                throw new BedrockInputException(operation, modelId, "toolChoice names tool '" + name + "' which is not among the configured tools");
            }
            return ToolChoice.fromTool(t -> t.name(name));
        }
        throw new BedrockInputException(operation, modelId, "toolChoice is '" + choice + "'; accepted: auto, any, tool:<name>");
    }

    /** Parses the tools option: a JSON array inline, or a resource (classpath:, file:, http: is refused) holding one. */
    private ToolConfiguration parseTools(Exchange exchange, String value, String operation, String modelId) {
        String json = value.trim();
        if (!json.startsWith("[")) {
            if (json.startsWith("http:") || json.startsWith("https:")) {
                throw new BedrockInputException(operation, modelId, "option tools names a remote URL; tool definitions are read only"
                        + " from classpath: or file: resources, or given inline as JSON");
            }
            try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(exchange.getContext(), json)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new BedrockInputException(operation, modelId, "option tools names resource '" + value
                        + "' which cannot be read (" + e.getMessage() + "); accepted: a JSON array, classpath:... or file:...", e);
            }
        }
        JsonNode array;
        try {
            array = JsonDocuments.parse(json);
        } catch (Exception e) {
            throw new BedrockInputException(operation, modelId, "option tools is not valid JSON: " + e.getMessage(), e);
        }
        if (!array.isArray() || array.isEmpty()) {
            throw new BedrockInputException(operation, modelId, "option tools must be a non-empty JSON array of tool definitions");
        }
        List<Tool> tools = new ArrayList<>();
        for (JsonNode t : array) {
            JsonNode spec = t.has("toolSpec") ? t.get("toolSpec") : t;
            String name = spec.path("name").asText(null);
            JsonNode schema = spec.has("inputSchema") ? spec.get("inputSchema") : spec.has("input_schema") ? spec.get("input_schema")
                    : spec.get("parameters");
            if (schema != null && schema.has("json") && schema.size() == 1) {
                schema = schema.get("json");
            }
            if (name == null || name.isBlank() || schema == null || !schema.isObject()) {
                throw new BedrockInputException(operation, modelId, "a tool in option tools lacks a name or an input schema object: " + t
                        + "; accepted: {\"name\",\"description\",\"inputSchema\":{JSON Schema}} or {\"toolSpec\":{...}}");
            }
            ToolSpecification.Builder sb = ToolSpecification.builder().name(name)
                    .inputSchema(ToolInputSchema.fromJson(JsonDocuments.toDocument(schema)));
            if (spec.hasNonNull("description")) {
                sb.description(spec.get("description").asText());
            }
            tools.add(Tool.fromToolSpec(sb.build()));
        }
        return ToolConfiguration.builder().tools(tools).build();
    }
}
