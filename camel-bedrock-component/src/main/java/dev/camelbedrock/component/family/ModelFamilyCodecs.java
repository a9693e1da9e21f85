package dev.camelbedrock.component.family;

import dev.camelbedrock.catalog.ModelFamily;

/** The prompt-level codec of each text family, by the family the catalog (or the modelFamily option) resolved. */
public final class ModelFamilyCodecs {

    /** Add a new family's codec here. */
    public static final CodecRegistry<ModelFamilyCodec> CODECS = new CodecRegistry<>(
            new AnthropicMessagesCodec(),
            new TitanTextCodec(),
            new NovaCodec(),
            new LlamaCodec(),
            new MistralTextCodec(),
            new ChatCompletionsCodec(ModelFamily.MISTRAL_CHAT, "max_tokens"),
            new CohereCommandRCodec(),
            new ChatCompletionsCodec(ModelFamily.AI21_JAMBA, "max_tokens"),
            new DeepSeekCodec(),
            new ChatCompletionsCodec(ModelFamily.OPENAI_CHAT, "max_completion_tokens"));

    private ModelFamilyCodecs() {
    }
}
