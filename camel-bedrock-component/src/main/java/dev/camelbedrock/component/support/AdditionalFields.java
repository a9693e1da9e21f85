package dev.camelbedrock.component.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;

/**
 * Model-specific request fields: the CamelBedrockAdditionalModelRequestFields header, else the
 * additionalModelRequestFields option (parsed once). Converse sends them as additionalModelRequestFields; the
 * prompt-level invokeModel merges them into the native body.
 */
public final class AdditionalFields {

    private volatile ObjectNode fromOption;

    /** The fields as a JSON object, or null when neither header nor option is set. */
    public ObjectNode read(ExchangeOptions opts, EndpointOptions config, String operation, String modelId) {
        Object header = opts.raw(BedrockHeaders.ADDITIONAL_MODEL_REQUEST_FIELDS);
        if (header != null) {
            return parseObject(header, "header " + BedrockHeaders.ADDITIONAL_MODEL_REQUEST_FIELDS, operation, modelId);
        }
        if (config.getAdditionalModelRequestFields() == null) {
            return null;
        }
        ObjectNode o = fromOption;
        if (o == null) {
            o = parseObject(config.getAdditionalModelRequestFields(), "option additionalModelRequestFields", operation, modelId);
            fromOption = o;
        }
        return o;
    }

    private static ObjectNode parseObject(Object value, String what, String operation, String modelId) {
        JsonNode node;
        try {
            node = JsonDocuments.toJson(value);
        } catch (Exception e) {
            throw new BedrockInputException(operation, modelId, what + " is not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new BedrockInputException(operation, modelId, what + " must be a JSON object, e.g. {\"top_k\":50}");
        }
        return (ObjectNode) node;
    }
}
