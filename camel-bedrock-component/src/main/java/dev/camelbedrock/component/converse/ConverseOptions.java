package dev.camelbedrock.component.converse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.guardrail.GuardrailRef;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.support.AdditionalFields;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.InferenceOptions;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;

/**
 * The options of a Converse request besides its messages, each with its header override: system prompt and inference
 * parameters, prompt cache points, tools, guardrail, additional model fields, request metadata, latency and service tier.
 */
final class ConverseOptions {

    private final AdditionalFields additionalFields = new AdditionalFields();
    private final ConverseTools tools = new ConverseTools();

    /** The promptCachePoints option: where cache points go (system, tools, messages), checked. */
    static List<String> cachePoints(EndpointOptions config, String operation, String modelId) {
        List<String> cachePoints = ExchangeOptions.splitCommas(config.getPromptCachePoints());
        for (String p : cachePoints) {
            if (!p.equals("system") && !p.equals("tools") && !p.equals("messages")) {
                throw new BedrockInputException(operation, modelId,
                        "option promptCachePoints has '" + p + "'; accepted: system, tools, messages (comma-separated)");
            }
        }
        return cachePoints;
    }

    /** Sets every option on {@code b}, whose messages are set already. */
    void apply(ConverseRequest.Builder b, Exchange exchange, ExchangeOptions opts, EndpointOptions config, String operation,
               String modelId, List<String> cachePoints) {
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

        ToolConfiguration toolConfig = tools.configuration(exchange, opts, config, operation, modelId, cachePoints.contains("tools"));
        if (toolConfig != null) {
            b.toolConfig(toolConfig);
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
            String latency = config.getPerformanceLatency().toString();
            b.performanceConfig(p -> p.latency(latency));
        }
        if (config.getServiceTier() != null) {
            String tier = config.getServiceTier().toString();
            b.serviceTier(t -> t.type(tier));
        }
    }

    private static InferenceConfiguration inferenceConfig(InferenceOptions o) {
        InferenceConfiguration.Builder b = InferenceConfiguration.builder().maxTokens(o.maxTokens()).temperature(o.temperature())
                .topP(o.topP());
        if (!o.stopSequences().isEmpty()) {
            b.stopSequences(o.stopSequences());
        }
        return b.build();
    }
}
