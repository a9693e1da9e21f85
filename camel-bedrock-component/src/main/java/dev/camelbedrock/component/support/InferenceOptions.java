package dev.camelbedrock.component.support;

import java.util.List;

import dev.camelbedrock.component.BedrockConfiguration;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;

/**
 * The inference parameters (maxTokens, temperature, topP, stopSequences) of an exchange: each option overridden by its
 * header, and checked against the ranges Bedrock accepts.
 */
public record InferenceOptions(Integer maxTokens, Float temperature, Float topP, List<String> stopSequences) {

    public static InferenceOptions read(ExchangeOptions opts, BedrockConfiguration config, String operation, String modelId) {
        Integer maxTokens = opts.integer(BedrockHeaders.MAX_TOKENS, config.getMaxTokens());
        Float temperature = opts.decimal(BedrockHeaders.TEMPERATURE, config.getTemperature());
        Float topP = opts.decimal(BedrockHeaders.TOP_P, config.getTopP());
        List<String> stops = opts.stringList(BedrockHeaders.STOP_SEQUENCES, config.getStopSequences());
        if (maxTokens != null && maxTokens < 1) {
            throw new BedrockInputException(operation, modelId, "maxTokens is " + maxTokens + "; accepted: 1 or more");
        }
        if (temperature != null && (temperature < 0 || temperature > 1)) {
            throw new BedrockInputException(operation, modelId, "temperature is " + temperature + "; accepted: 0 to 1");
        }
        if (topP != null && (topP < 0 || topP > 1)) {
            throw new BedrockInputException(operation, modelId, "topP is " + topP + "; accepted: 0 to 1");
        }
        return new InferenceOptions(maxTokens, temperature, topP, stops);
    }

    /** Whether no parameter is set (the model's defaults apply). */
    public boolean isEmpty() {
        return maxTokens == null && temperature == null && topP == null && stopSequences.isEmpty();
    }
}
