package dev.camelbedrock.component.prompt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.support.ExchangeOptions;
import software.amazon.awssdk.services.bedrockruntime.model.PromptVariableValues;

/**
 * The values of a managed prompt's variables for converse and converseStream: the promptVariable.NAME options with the
 * CamelBedrockPromptVariables header over them. They apply only when the model id is a prompt ARN.
 */
public final class PromptVariables {

    private static final Pattern PROMPT_ARN = Pattern.compile("arn:aws(-[^:]+)?:bedrock:[a-z0-9-]+:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(:[0-9]{1,5})?");

    private PromptVariables() {
    }

    /** Whether a model id is the ARN of a prompt from Prompt management (optionally of one version). */
    public static boolean isPromptArn(String modelId) {
        return modelId != null && PROMPT_ARN.matcher(modelId).matches();
    }

    /** The variables to send; empty when none are set. Fails when some are set and the model is no prompt. */
    public static Map<String, PromptVariableValues> read(ExchangeOptions opts, EndpointOptions config, String operation,
                                                         String modelId) {
        Map<String, String> values = new LinkedHashMap<>();
        if (config.getPromptVariables() != null) {
            config.getPromptVariables().forEach((k, v) -> values.put(k, v == null ? "" : v.toString()));
        }
        Object header = opts.raw(BedrockHeaders.PROMPT_VARIABLES);
        if (header != null) {
            if (!(header instanceof Map<?, ?> map)) {
                throw opts.wrongType(BedrockHeaders.PROMPT_VARIABLES, header, "a Map of variable name to its String value");
            }
            map.forEach((k, v) -> values.put(String.valueOf(k), v == null ? "" : v.toString()));
        }
        if (values.isEmpty()) {
            return Map.of();
        }
        if (!isPromptArn(modelId)) {
            throw new BedrockInputException(operation, modelId, "prompt variables " + values.keySet() + " are set, but model '"
                    + modelId + "' is not a prompt; they fill a managed prompt's template: set modelId to the prompt's ARN"
                    + " (arn:aws:bedrock:REGION:ACCOUNT:prompt/PROMPT_ID, optionally :VERSION), or drop the promptVariable.*"
                    + " options and the " + BedrockHeaders.PROMPT_VARIABLES + " header");
        }
        Map<String, PromptVariableValues> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, PromptVariableValues.fromText(v)));
        return out;
    }
}
