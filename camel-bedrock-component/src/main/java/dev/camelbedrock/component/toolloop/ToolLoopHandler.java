package dev.camelbedrock.component.toolloop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.catalog.BedrockModel;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.converse.ConverseInput;
import dev.camelbedrock.component.converse.ConverseRequestFactory;
import dev.camelbedrock.component.error.BedrockConfigurationException;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.structured.OutputContract;
import dev.camelbedrock.component.support.JsonDocuments;
import dev.camelbedrock.component.tool.BedrockToolRegistry;
import dev.camelbedrock.component.tool.RouteTool;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedStartupListener;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * {@code bedrock:converse} with {@code toolTags}/{@code toolNames} (the tool loop) and/or {@code outputSchema}/
 * {@code outputClass} (structured output, whose repair rounds are turns of the same loop). Each model call of the loop is
 * admitted by the endpoint's flow control on its own, so the producer does not admit the exchange as a whole.
 */
public final class ToolLoopHandler implements BedrockOperationHandler, AutoCloseable {

    private final EndpointContext endpoint;
    private final ConverseRequestFactory requests;
    private final List<String> tags;
    private final List<String> names;
    private final int maxRounds;
    private final OutputContract output;
    private final ToolPool tools = new ToolPool(this);

    /** Whether an endpoint with this configuration runs the loop for converse: tools offered, or structured output. */
    public static boolean wanted(EndpointOptions config) {
        return config.getToolTags() != null || config.getToolNames() != null || config.getOutputSchema() != null
               || config.getOutputClass() != null;
    }

    /** Checks the loop's options: a wrong one fails the route's start. */
    public ToolLoopHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.requests = new ConverseRequestFactory(endpoint);
        EndpointOptions config = endpoint.getConfiguration();
        this.tags = ExchangeOptions.splitCommas(config.getToolTags());
        this.names = ExchangeOptions.splitCommas(config.getToolNames());
        this.maxRounds = config.getMaxToolRounds();
        if (!"converse".equals(endpoint.operationName())) {
            throw misconfigured(endpoint, "toolTags, toolNames, outputSchema and outputClass work with bedrock:converse only"
                                          + " (the tool loop does not run in " + endpoint.operationName() + " yet)", null);
        }
        if (maxRounds < 1) {
            throw misconfigured(endpoint, "maxToolRounds is " + maxRounds + "; the tool loop needs at least 1 round (default 10)",
                    null);
        }
        if ((config.getToolTags() != null || config.getToolNames() != null) && tags.isEmpty() && names.isEmpty()) {
            throw misconfigured(endpoint, "toolTags/toolNames name no tag and no tool; give comma-separated tags of"
                                          + " bedrock-tool: routes, or their names", null);
        }
        if (!tags.isEmpty() || !names.isEmpty()) {
            checkToolsOnceStarted(endpoint);
        }
        try {
            this.output = OutputContract.of(endpoint.getCamelContext(), config.getOutputSchema(), config.getOutputClass(),
                    config.getOutputRepairAttempts());
        } catch (IllegalArgumentException e) {
            throw misconfigured(endpoint, e.getMessage(), e);
        }
    }

    /**
     * When the CamelContext has started all its routes, the tool routes these options select must be there: a selection
     * that finds none fails the start. Routes added to a running context, or started later, are checked per exchange.
     */
    private void checkToolsOnceStarted(EndpointContext endpoint) {
        try {
            endpoint.getCamelContext().addStartupListener(new ExtendedStartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                    // called once, when the start that created this producer has started every route; a context
                    // that starts its routes later (autoStartup off, a supervising route controller) is checked per exchange
                    if (!context.isAutoStartup() || context.getRouteController().isSupervising()) {
                        return;
                    }
                    String problem = selectionProblem(context, selected(context));
                    if (problem != null) {
                        throw misconfigured(endpoint, problem, null);
                    }
                }
            });
        } catch (Exception e) {
            throw misconfigured(endpoint, "cannot watch the CamelContext's start: " + e.getMessage(), e);
        }
    }

    private static BedrockConfigurationException misconfigured(EndpointContext endpoint, String message, Throwable cause) {
        return new BedrockConfigurationException(endpoint.toString(), endpoint.operationName(),
                message, cause);
    }

    @Override
    public boolean admitsItsCalls() {
        return true;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        ConverseInput input = requests.create(exchange, operation);
        String modelId = input.modelId();
        call.modelId(modelId);
        Map<String, RouteTool> offered = tags.isEmpty() && names.isEmpty() ? Map.of() : select(exchange.getContext(), operation, modelId);
        BedrockModel model = ModelLookup.known(modelId).orElse(null);
        if (model != null && !offered.isEmpty() && !model.supportsToolUse()) {
            throw new BedrockInputException(operation, modelId, "toolTags/toolNames run the tool loop, but model "
                    + ModelLookup.label(model) + " does not support tool use (per the model catalog); pick a model that does");
        }
        StructuredReplies structured = output == null ? null : new StructuredReplies(output, operation, modelId);
        if (structured != null && !structured.isNative() && model != null && !model.supportsToolUse()) {
            throw new BedrockInputException(operation, modelId, "outputSchema/outputClass need native structured output or"
                    + " tool use, and model " + ModelLookup.label(model) + " has neither (per the model catalog)");
        }
        return input.fetchMedia().thenCompose(ready -> {
            Set<String> staticTools = new HashSet<>();
            ConverseRequest request = withTools(ready.request(), offered, staticTools, operation, modelId);
            if (structured != null) {
                request = structured.prepare(request);
            }
            return new ToolLoopRun(endpoint, exchange, modelId, request, offered, staticTools, maxRounds, tools.get(exchange.getContext()),
                    structured != null ? structured : ToolLoopRun.FinalReply.TEXT).start();
        });
    }

    /** The tool routes the options select; an input error, before any call, when they select none or name a missing one. */
    private Map<String, RouteTool> select(CamelContext context, String operation, String modelId) {
        Map<String, RouteTool> byName = selected(context);
        String problem = selectionProblem(context, byName);
        if (problem != null) {
            throw new BedrockInputException(operation, modelId, problem);
        }
        return byName;
    }

    private Map<String, RouteTool> selected(CamelContext context) {
        Map<String, RouteTool> byName = new LinkedHashMap<>();
        BedrockToolRegistry.of(context).select(tags, names).forEach(t -> byName.put(t.name(), t));
        return byName;
    }

    /** Why the selection cannot run the loop (no tool, or a named tool missing), or null when it can. */
    private String selectionProblem(CamelContext context, Map<String, RouteTool> selected) {
        List<String> missing = new ArrayList<>(names);
        missing.removeAll(selected.keySet());
        if (missing.isEmpty() && !selected.isEmpty()) {
            return null;
        }
        List<String> started = BedrockToolRegistry.of(context).names();
        return (missing.isEmpty() ? "toolTags '" + String.join(",", tags) + "' select no bedrock-tool: route"
                : "toolNames names " + String.join(", ", missing) + ", which no started bedrock-tool: route is")
               + "; " + (started.isEmpty() ? "none is started" : "the started ones are " + String.join(", ", started));
    }

    /** The request with the route tools added to any static tools (before a tools cache point, which stays last). */
    static ConverseRequest withTools(ConverseRequest request, Map<String, RouteTool> offered, Set<String> staticTools,
                                     String operation, String modelId) {
        ToolConfiguration base = request.toolConfig();
        List<Tool> tools = new ArrayList<>();
        Tool cachePoint = null;
        if (base != null && base.hasTools()) {
            for (Tool t : base.tools()) {
                if (t.cachePoint() != null) {
                    cachePoint = t;
                } else {
                    tools.add(t);
                    if (t.toolSpec() != null) {
                        staticTools.add(t.toolSpec().name());
                    }
                }
            }
        }
        if (offered.isEmpty()) {
            return request; // structured output alone: the static tools as they are
        }
        for (RouteTool rt : offered.values()) {
            if (staticTools.contains(rt.name())) {
                throw new BedrockInputException(operation, modelId, "tool '" + rt.name() + "' is both in the tools option"
                        + " and a bedrock-tool: route; rename one of them");
            }
            tools.add(Tool.fromToolSpec(ToolSpecification.builder().name(rt.name()).description(rt.description())
                    .inputSchema(ToolInputSchema.fromJson(JsonDocuments.toDocument(rt.inputSchema()))).build()));
        }
        if (cachePoint != null) {
            tools.add(cachePoint);
        }
        ToolConfiguration.Builder b = base != null ? base.toBuilder() : ToolConfiguration.builder();
        return request.toBuilder().toolConfig(b.tools(tools).build()).build();
    }

    @Override
    public void close() {
        tools.close(endpoint.getCamelContext());
    }
}
