package dev.camelbedrock.component.tool;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.schema.JsonSchemas;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A route that is a tool the model may call in the tool loop of bedrock:converse. For example
 * {@code from("bedrock-tool:get_order_status?tags=orders&description=...&parameter.order_id=string")}. When the route starts, the tool is registered in its CamelContext; a {@code bedrock:converse} endpoint whose
 * {@code toolTags} or {@code toolNames} select it offers it to the model and runs the model's calls as exchanges on the
 * route. The arguments arrive as headers (one per parameter) and as the body (a Map); the route's result body (a String,
 * JSON text, a Map or any object Jackson can write) is the tool's result.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "bedrock-tool", title = "Amazon Bedrock Tool", syntax = "bedrock-tool:name",
             consumerOnly = true, category = { Category.AI }, headersClass = BedrockToolHeaders.class)
public class BedrockToolEndpoint extends DefaultEndpoint {

    @UriPath(description = "The tool's name, as the model sees and calls it: 1 to 64 letters, digits, '_' or '-'")
    @Metadata(required = true)
    private final String name;

    @UriParam(label = "consumer", description = "Comma-separated tags; a converse endpoint's toolTags option offers the"
                                                + " tools that have any of its tags. A tool without tags is offered only by"
                                                + " name (toolNames).")
    private String tags;

    @UriParam(label = "consumer", description = "What the tool does, told to the model verbatim: say when to use it and"
                                                + " what it returns. Defaults to the tool name.")
    private String description;

    @UriParam(label = "consumer", prefix = "parameter.", multiValue = true,
              description = "The tool's parameters, as in Camel's ai-tool component: parameter.NAME=TYPE (a JSON Schema"
                            + " type: string, integer, number, boolean, array, object), parameter.NAME.description=TEXT,"
                            + " parameter.NAME.required=true, parameter.NAME.enum=a,b. Each argument reaches the route as a"
                            + " header named NAME. Not together with inputSchema.")
    private Map<String, String> parameters;

    @UriParam(label = "consumer", description = "The tool's whole input schema, for nested objects and arrays: inline JSON"
                                                + " or a resource (classpath:..., file:...). It must describe an object; its"
                                                + " top-level properties reach the route as headers. Not together with the"
                                                + " parameter.NAME options.")
    @Metadata(supportFileReference = true, largeInput = true, inputLanguage = "json")
    private String inputSchema;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "When the model calls this tool, its result ends the tool loop and becomes the body of the"
                            + " converse exchange, without another model turn.")
    private boolean returnDirect;

    public BedrockToolEndpoint(String uri, BedrockToolComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("bedrock-tool: is a consumer (from) only; a bedrock:converse endpoint with"
                                                + " toolTags or toolNames calls the tool");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BedrockToolConsumer consumer = new BedrockToolConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The tool as the model sees it; every option is checked here, when the route starts. */
    RouteTool describe(RouteTool.Runner runner) {
        ToolSchemas.requireToolName(name);
        String what = "tool '" + name + "'";
        JsonNode schema;
        if (inputSchema != null && parameters != null && !parameters.isEmpty()) {
            throw new IllegalArgumentException(what + " has both inputSchema and parameter.* options; use one of them");
        }
        try {
            if (inputSchema != null) {
                schema = JsonSchemas.read(getCamelContext(), inputSchema, "the inputSchema of " + what);
                ToolSchemas.requireObjectSchema(name, schema);
            } else {
                schema = ToolSchemas.fromParameters(name, parameters == null ? Map.of() : parameters);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bedrock-tool:" + name + ": " + e.getMessage(), e);
        }
        Set<String> tagSet = new LinkedHashSet<>();
        if (tags != null) {
            for (String t : tags.split(",")) {
                if (!t.isBlank()) {
                    tagSet.add(t.trim());
                }
            }
        }
        String text = description == null || description.isBlank() ? name : description;
        return new RouteTool(name, text, Set.copyOf(tagSet), schema, returnDirect, JsonSchemas.validator(schema), runner);
    }

    public String getName() {
        return name;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    public String getInputSchema() {
        return inputSchema;
    }

    public void setInputSchema(String inputSchema) {
        this.inputSchema = inputSchema;
    }

    public boolean isReturnDirect() {
        return returnDirect;
    }

    public void setReturnDirect(boolean returnDirect) {
        this.returnDirect = returnDirect;
    }
}
