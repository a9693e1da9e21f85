package dev.camelbedrock.component.support;

import java.util.List;

import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;

/**
 * The inference options every text operation shares (converse, converseStream, countTokens and the prompt-level
 * invokeModel/invokeModelStream), read once from the options and their header overrides and checked the same way.
 *
 * @param systemPrompt  the system prompt, or null
 * @param maxTokens     maximum tokens to generate, or null for the model's default
 * @param temperature   0 to 1, or null
 * @param topP          0 to 1, or null
 * @param stopSequences never null, possibly empty
 */
public record InferenceOptions(String systemPrompt, Integer maxTokens, Float temperature, Float topP, List<String> stopSequences) {

    public static InferenceOptions read(ExchangeOptions opts, EndpointOptions config, String operation, String modelId) {
        String system = opts.string(BedrockHeaders.SYSTEM_PROMPT, config.getSystemPrompt());
        Integer maxTokens = opts.integer(BedrockHeaders.MAX_TOKENS, config.getMaxTokens());
        Float temperature = opts.decimal(BedrockHeaders.TEMPERATURE, config.getTemperature());
        Float topP = opts.decimal(BedrockHeaders.TOP_P, config.getTopP());
        List<String> stops = opts.stringList(BedrockHeaders.STOP_SEQUENCES, config.getStopSequences());
        if (system != null && system.isBlank()) {
            throw new BedrockInputException(operation, modelId, "the system prompt is blank; leave it unset or give text");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new BedrockInputException(operation, modelId, "maxTokens is '" + maxTokens + "'; accepted: an integer 1 or more");
        }
        if (temperature != null && (temperature < 0 || temperature > 1)) {
            throw new BedrockInputException(operation, modelId, "temperature is '" + temperature + "'; accepted: 0 to 1");
        }
        if (topP != null && (topP < 0 || topP > 1)) {
            throw new BedrockInputException(operation, modelId, "topP is '" + topP + "'; accepted: 0 to 1");
        }
        return new InferenceOptions(system, maxTokens, temperature, topP, stops);
    }

    /** Whether any sampling option (not the system prompt) is set. */
    public boolean hasSampling() {
        return maxTokens != null || temperature != null || topP != null || !stopSequences.isEmpty();
    }
}
