package dev.camelbedrock.component.family;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.camelbedrock.catalog.BedrockModel;
import dev.camelbedrock.catalog.BedrockModelCatalog;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.catalog.ModelReference;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;

/**
 * The component's use of the model catalog: which family (and so which codec) a model id means, and what the catalog
 * knows a model cannot do. Checks are made only for models the catalog lists: a model inferred from a provider rule,
 * or an ARN that hides the model, is given the benefit of the doubt and left to Bedrock to judge.
 */
public final class ModelLookup {

    private static final BedrockModelCatalog CATALOG = BedrockModelCatalog.defaultCatalog();

    private ModelLookup() {
    }

    /** The catalog entry behind an identifier, listed or inferred; empty when it hides the model, is malformed or its provider is unknown. */
    public static Optional<BedrockModel> find(String modelId) {
        try {
            return CATALOG.find(modelId);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The catalog entry of a model the catalog lists (not one inferred from a provider rule). */
    public static Optional<BedrockModel> known(String modelId) {
        return find(modelId).filter(m -> !m.isInferred());
    }

    /** How messages name a model: {@code 'id' (Name)}. */
    public static String label(BedrockModel model) {
        return "'" + model.id() + "' (" + model.name() + ")";
    }

    /** The modelFamily the CamelBedrockModelFamily header or the modelFamily option names, or null. */
    public static ModelFamily explicitFamily(ExchangeOptions opts, EndpointOptions config, String operation, String modelId) {
        Object header = opts.raw(BedrockHeaders.MODEL_FAMILY);
        if (header == null) {
            return config.getModelFamily();
        }
        if (header instanceof ModelFamily f) {
            return f;
        }
        String name = opts.string(BedrockHeaders.MODEL_FAMILY, null).trim();
        for (ModelFamily f : ModelFamily.values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new BedrockInputException(operation, modelId, "header " + BedrockHeaders.MODEL_FAMILY + " is '" + name
                + "'; accepted: " + familyNames());
    }

    /**
     * The family of the model: the explicit one when given (it wins, for ARNs that hide the model), else the catalog's,
     * for a listed model or for an unknown id of a known provider. Otherwise an input error that names the option.
     */
    public static ModelFamily requireFamily(String operation, String modelId, ModelFamily explicit) {
        return explicit != null ? explicit : catalogFamily(operation, modelId, find(modelId));
    }

    /** The catalog's family of the model, looked up already, or the input error of {@link #requireFamily}. */
    private static ModelFamily catalogFamily(String operation, String modelId, Optional<BedrockModel> model) {
        if (model.isPresent()) {
            return model.get().family();
        }
        String why;
        try {
            ModelReference ref = CATALOG.parse(modelId);
            why = ref.hidesModel() ? "is a " + ref.describe() + ", which does not say which model it runs"
                    : "is of provider '" + ref.provider().orElse("?") + "', which the model catalog does not know";
        } catch (IllegalArgumentException malformed) {
            why = "is not a model identifier the model catalog can read (" + malformed.getMessage() + ")";
        }
        throw new BedrockInputException(operation, modelId, "model '" + modelId + "' " + why
                + "; set the modelFamily option (or the " + BedrockHeaders.MODEL_FAMILY + " header) to the family of the model"
                + " behind it, one of: " + familyNames());
    }

    /**
     * The model a message is for and its family, the model recorded on the call.
     *
     * @param modelId the model id, inference profile or ARN
     * @param family  its family: the modelFamily option or header, else the catalog's
     * @param model   its catalog entry, listed or inferred ({@link #find}); empty when the catalog does not know it
     */
    public record Target(String modelId, ModelFamily family, Optional<BedrockModel> model) {

        /** The codec of the family from a registry, or an input error naming what the family is not and what to use. */
        public <C> C codec(String operation, Optional<C> codec, String whatItIsNot, String familiesWithCodec, String instead) {
            return codec.orElseThrow(() -> new BedrockInputException(operation, modelId, "model '" + modelId + "' is of family "
                    + family + ", which " + whatItIsNot + " here (those that do: " + familiesWithCodec + "); " + instead));
        }
    }

    public static Target target(ExchangeOptions opts, EndpointOptions config, BedrockCall call) {
        String operation = call.operation();
        String modelId = modelId(opts, config, operation, null);
        call.modelId(modelId);
        ModelFamily explicit = explicitFamily(opts, config, operation, modelId);
        Optional<BedrockModel> model = find(modelId);
        return new Target(modelId, explicit != null ? explicit : catalogFamily(operation, modelId, model), model);
    }

    /** Fails early when the catalog lists the model as one that cannot stream. */
    public static void requireStreaming(String operation, String modelId) {
        known(modelId).filter(m -> !m.supportsStreaming()).ifPresent(m -> {
            throw new BedrockInputException(operation, modelId, "model " + label(m) + " does not support streaming"
                    + " responses (the model catalog lists its capabilities as " + m.capabilities() + "); use the"
                    + " non-streaming operation (converse or invokeModel) instead");
        });
    }

    /**
     * Fails early when the catalog lists the model as one that takes no image input.
     *
     * @param what what carries the images, for the message ("the prompt carries images")
     */
    public static void requireImageInput(String operation, String modelId, String what) {
        known(modelId).filter(m -> !m.acceptsImageInput()).ifPresent(m -> {
            throw new BedrockInputException(operation, modelId, what + ", but model " + label(m) + " does not accept image input"
                    + " (the model catalog lists its input as " + m.inputModalities() + "); send text only, or choose a model"
                    + " that takes images");
        });
    }

    private static String familyNames() {
        return Arrays.stream(ModelFamily.values()).filter(f -> !f.isListedOnly()).map(Enum::name)
                .collect(Collectors.joining(", "));
    }

    /**
     * The model of a message: the CamelBedrockModelId header, else the model of a whole SDK request given as the body
     * (may be null), else the modelId option; an input error when there is none.
     */
    public static String modelId(ExchangeOptions opts, EndpointOptions config, String operation, String fromRequest) {
        String modelId = firstNonNull(opts.string(BedrockHeaders.MODEL_ID, null), fromRequest, config.getModelId());
        requireModel(operation, modelId);
        return modelId;
    }

    private static void requireModel(String operation, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new BedrockInputException(operation, null, "no model: set the modelId option or the " + BedrockHeaders.MODEL_ID + " header");
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
