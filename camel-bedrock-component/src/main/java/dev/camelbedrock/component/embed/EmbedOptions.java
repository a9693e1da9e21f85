package dev.camelbedrock.component.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;

/**
 * The embed options, checked once. Which family takes which is up to its codec: one that cannot express an option
 * refuses it rather than drop it.
 *
 * @param dimensions     vector size to ask for, or null for the model's default
 * @param normalize      Titan Text Embeddings V2: whether to normalize, or null
 * @param embeddingTypes extra embedding types wanted (float is always included), possibly empty
 * @param inputType      Cohere input_type / Nova embedding purpose, or null for the codec's default
 * @param truncate       how to truncate long input, or null for the model's default
 */
public record EmbedOptions(Integer dimensions, Boolean normalize, List<String> embeddingTypes, String inputType, String truncate) {

    static final Set<String> TYPES = Set.of("float", "int8", "uint8", "binary", "ubinary");
    static final Set<String> TRUNCATE = Set.of("NONE", "START", "END", "LEFT", "RIGHT");

    static EmbedOptions read(EndpointOptions config, String operation, String modelId) {
        List<String> types = new ArrayList<>();
        for (String t : ExchangeOptions.splitCommas(config.getEmbeddingTypes())) {
            String type = t.toLowerCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                throw new BedrockInputException(operation, modelId, "option embeddingTypes has '" + t
                        + "'; accepted: float, int8, uint8, binary, ubinary (which of them a model offers depends on the model)");
            }
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        String truncate = config.getTruncate() == null ? null : config.getTruncate().toUpperCase(Locale.ROOT);
        if (truncate != null && !TRUNCATE.contains(truncate)) {
            throw new BedrockInputException(operation, modelId, "option truncate is '" + config.getTruncate()
                    + "'; accepted: NONE, START, END (Cohere Embed v3, Nova), LEFT, RIGHT (Cohere Embed v4)");
        }
        if (config.getDimensions() != null && config.getDimensions() < 1) {
            throw new BedrockInputException(operation, modelId, "option dimensions is " + config.getDimensions() + "; accepted: 1 or more");
        }
        return new EmbedOptions(config.getDimensions(), config.getNormalize(), types, config.getEmbeddingInputType(), truncate);
    }

    EmbedOptions withDimensions(Integer d) {
        return new EmbedOptions(d, normalize, embeddingTypes, inputType, truncate);
    }

    /** The types to request when any are asked for: float first (the body is always the float vectors), then the rest. */
    List<String> typesWithFloat() {
        List<String> out = new ArrayList<>();
        out.add("float");
        embeddingTypes.stream().filter(t -> !t.equals("float")).forEach(out::add);
        return out;
    }

    boolean wantsExtraTypes() {
        return embeddingTypes.stream().anyMatch(t -> !t.equals("float"));
    }
}
