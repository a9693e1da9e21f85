package dev.camelbedrock.component.family;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.camelbedrock.catalog.ModelFamily;

/** The prompt-level codec of each text family, by the family the catalog (or the modelFamily option) resolved. */
public final class ModelFamilyCodecs {

    private static final Map<ModelFamily, ModelFamilyCodec> CODECS = new EnumMap<>(ModelFamily.class);

    static {
        register(new AnthropicMessagesCodec());
        register(new TitanTextCodec());
        register(new NovaCodec());
        register(new LlamaCodec());
        register(new MistralTextCodec());
        register(new ChatCompletionsCodec(ModelFamily.MISTRAL_CHAT, "max_tokens"));
        register(new CohereCommandRCodec());
        register(new ChatCompletionsCodec(ModelFamily.AI21_JAMBA, "max_tokens"));
        register(new DeepSeekCodec());
        register(new ChatCompletionsCodec(ModelFamily.OPENAI_CHAT, "max_completion_tokens"));
    }

    private ModelFamilyCodecs() {
    }

    private static void register(ModelFamilyCodec codec) {
        CODECS.put(codec.family(), codec);
    }

    public static Optional<ModelFamilyCodec> forFamily(ModelFamily family) {
        return Optional.ofNullable(CODECS.get(family));
    }

    /** The families that have a prompt-level codec, for messages. */
    public static String families() {
        return CODECS.keySet().toString();
    }
}
