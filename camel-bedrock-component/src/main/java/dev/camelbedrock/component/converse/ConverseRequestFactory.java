package dev.camelbedrock.component.converse;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.BedrockModel;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.content.Attachments;
import dev.camelbedrock.component.content.Messages;
import dev.camelbedrock.component.content.PendingMedia;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.guardrail.GuardrailRef;
import dev.camelbedrock.component.support.AdditionalFields;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.InferenceOptions;
import dev.camelbedrock.component.support.JsonDocuments;
import dev.camelbedrock.component.support.MediaUrls;
import org.apache.camel.Exchange;
import org.apache.camel.support.ResourceHelper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * Builds Converse requests from exchanges: the body (a String turn, Message, List of Message or a whole
 * ConverseRequest), the conversation header, attachments, and every option with its header override. Shared by
 * converse, converseStream and countTokens, so all three read a message the same way. Every problem is reported here,
 * before any network call.
 */
public final class ConverseRequestFactory {

    static final String ACCEPTED_BODIES = "a String (one user turn), a software.amazon.awssdk.services.bedrockruntime.model.Message,"
                                          + " a List of Message, or a ConverseRequest";

    private final EndpointContext endpoint;
    private final AdditionalFields additionalFields = new AdditionalFields();
    private volatile ToolConfiguration toolsFromOption;

    public ConverseRequestFactory(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    public ConverseInput create(Exchange exchange, String operation) {
        EndpointOptions config = endpoint.getConfiguration();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        Object body = exchange.getMessage().getBody();
        Object history = opts.raw(BedrockHeaders.CONVERSATION);

        if (body instanceof ConverseRequest given) {
            if (history != null) {
                throw new BedrockInputException(operation, given.modelId(), "the body is a whole ConverseRequest and the "
                        + BedrockHeaders.CONVERSATION + " header is set too; put the history into the request's messages, or send"
                        + " a String/Message body with the header");
            }
            String modelId = ModelLookup.modelId(opts, config, operation, given.modelId());
            ConverseRequest request = given.modelId() == null || !given.modelId().equals(modelId)
                    ? given.toBuilder().modelId(modelId).build() : given;
            if (request.hasMessages()) {
                Messages.validateMessages(operation, modelId, request.messages());
            }
            Messages.checkModel(operation, modelId, request.hasMessages() ? request.messages() : List.of());
            return new ConverseInput(request, modelId, null);
        }

        String modelId = ModelLookup.modelId(opts, config, operation, null);
        PendingMedia pending = new PendingMedia();
        List<Message> turn = newTurn(operation, modelId, body, opts, pending);
        List<Message> messages;
        List<Message> conversation = null;
        if (history != null) {
            messages = new ArrayList<>(asMessages(operation, modelId, history, "header " + BedrockHeaders.CONVERSATION));
            messages.addAll(turn);
            conversation = messages;
        } else {
            messages = turn;
        }
        Messages.validateMessages(operation, modelId, messages);
        Messages.checkModel(operation, modelId, messages);

        ConverseRequest.Builder b = ConverseRequest.builder().modelId(modelId);
        List<String> cachePoints = ExchangeOptions.splitCommas(config.getPromptCachePoints());
        for (String p : cachePoints) {
            if (!p.equals("system") && !p.equals("tools") && !p.equals("messages")) {
                throw new BedrockInputException(operation, modelId,
                        "option promptCachePoints has '" + p + "'; accepted: system, tools, messages (comma-separated)");
            }
        }
        if (cachePoints.contains("messages")) {
            messages = withCachePointOnLastUserTurn(messages);
        }
        b.messages(messages);

        InferenceOptions inference = InferenceOptions.read(opts, config, operation, modelId);
        String system = inference.systemPrompt();
        if (system != null) {
            List<SystemContentBlock> sys = new ArrayList<>();
            sys.add(SystemContentBlock.fromText(system));
            if (cachePoints.contains("system")) {
                sys.add(SystemContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
            }
            b.system(sys);
        } else if (cachePoints.contains("system")) {
            throw new BedrockInputException(operation, modelId, "promptCachePoints names 'system' but there is no system prompt");
        }

        if (inference.hasSampling()) {
            b.inferenceConfig(inferenceConfig(inference));
        }

        ToolConfiguration tools = toolConfiguration(exchange, opts, config, operation, modelId, cachePoints.contains("tools"));
        if (tools != null) {
            b.toolConfig(tools);
        }

        GuardrailConfiguration guardrail = GuardrailRef.converseConfig(opts, config, operation, modelId);
        if (guardrail != null) {
            b.guardrailConfig(guardrail);
        }

        ObjectNode additional = additionalFields.read(opts, config, operation, modelId);
        if (additional != null) {
            b.additionalModelRequestFields(JsonDocuments.toDocument(additional));
        }
        List<String> responsePaths = ExchangeOptions.splitCommas(config.getAdditionalModelResponseFieldPaths());
        if (!responsePaths.isEmpty()) {
            b.additionalModelResponseFieldPaths(responsePaths);
        }
        Map<String, String> metadata = opts.stringMap(BedrockHeaders.REQUEST_METADATA, config.getRequestMetadata(), "requestMetadata");
        if (!metadata.isEmpty()) {
            b.requestMetadata(metadata);
        }
        if (config.getPerformanceLatency() != null) {
            String latency = ExchangeOptions.requireOneOf(operation, modelId, "performanceLatency", config.getPerformanceLatency(), "standard", "optimized");
            b.performanceConfig(p -> p.latency(latency));
        }
        if (config.getServiceTier() != null) {
            String tier = ExchangeOptions.requireOneOf(operation, modelId, "serviceTier", config.getServiceTier(), "priority", "default", "flex", "reserved");
            b.serviceTier(t -> t.type(tier));
        }
        return new ConverseInput(b.build(), modelId, conversation, pending.isEmpty() ? null : pending);
    }

    // ---- body ----

    private List<Message> newTurn(String operation, String modelId, Object body, ExchangeOptions opts, PendingMedia pending) {
        Object images = opts.raw(BedrockHeaders.IMAGES);
        Object documents = opts.raw(BedrockHeaders.DOCUMENTS);
        if (body instanceof String text) {
            if (text.isBlank()) {
                throw new BedrockInputException(operation, modelId, "the prompt is blank; send non-blank text as the body");
            }
            List<ContentBlock> content = new ArrayList<>();
            content.add(ContentBlock.fromText(text));
            if (images != null) {
                content.addAll(Attachments.imageBlocks(operation, modelId, images, new Attachments.Fetching(endpoint.mediaUrls(), pending)));
            }
            if (documents != null) {
                content.addAll(Attachments.documentBlocks(operation, modelId, documents, new Attachments.Fetching(endpoint.mediaUrls(), pending)));
            }
            return List.of(Message.builder().role(ConversationRole.USER).content(content).build());
        }
        if (images != null || documents != null) {
            throw new BedrockInputException(operation, modelId, "headers " + BedrockHeaders.IMAGES + "/" + BedrockHeaders.DOCUMENTS
                    + " attach to a String body only; with a " + ExchangeOptions.typeName(body) + " body put image and document blocks into the message content");
        }
        if (body == null) {
            throw new BedrockInputException(operation, modelId, "the body is empty; accepted: " + ACCEPTED_BODIES);
        }
        return asMessages(operation, modelId, body, "the body");
    }

    private static List<Message> asMessages(String operation, String modelId, Object value, String what) {
        if (value instanceof Message m) {
            return List.of(m);
        }
        if (value instanceof Collection<?> c) {
            if (c.isEmpty() && what.equals("the body")) {
                throw new BedrockInputException(operation, modelId, "the body is an empty List; send at least one Message");
            }
            List<Message> out = new ArrayList<>(c.size());
            for (Object o : c) {
                if (!(o instanceof Message m)) {
                    throw new BedrockInputException(operation, modelId, what + " is a List holding a " + ExchangeOptions.typeName(o)
                            + "; accepted: a List of software.amazon.awssdk.services.bedrockruntime.model.Message");
                }
                out.add(m);
            }
            return out;
        }
        if (what.equals("the body")) {
            throw new BedrockInputException(operation, modelId, "the body is a " + ExchangeOptions.typeName(value) + "; accepted: " + ACCEPTED_BODIES);
        }
        throw new BedrockInputException(operation, modelId, what + " is a " + ExchangeOptions.typeName(value)
                + "; accepted: a List of software.amazon.awssdk.services.bedrockruntime.model.Message");
    }

    private static List<Message> withCachePointOnLastUserTurn(List<Message> messages) {
        List<Message> out = new ArrayList<>(messages);
        for (int i = out.size() - 1; i >= 0; i--) {
            Message m = out.get(i);
            if (m.role() == ConversationRole.USER) {
                List<ContentBlock> content = new ArrayList<>(m.content());
                content.add(ContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
                out.set(i, m.toBuilder().content(content).build());
                break;
            }
        }
        return out;
    }


    // ---- options ----

    private static InferenceConfiguration inferenceConfig(InferenceOptions o) {
        InferenceConfiguration.Builder b = InferenceConfiguration.builder().maxTokens(o.maxTokens()).temperature(o.temperature())
                .topP(o.topP());
        if (!o.stopSequences().isEmpty()) {
            b.stopSequences(o.stopSequences());
        }
        return b.build();
    }

    private ToolConfiguration toolConfiguration(Exchange exchange, ExchangeOptions opts, EndpointOptions config,
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
