package dev.camelbedrock.catalog;

/**
 * A feature a model may support, checked with {@link BedrockModel#supports(Capability)}.
 *
 * <p>Two kinds of constants exist. <em>Declared</em> capabilities are listed per model in the data file's
 * {@code capabilities} array. <em>Derived</em> capabilities ({@link #isDerived()}) follow from the model's
 * modalities and family and must not be listed in the data file: for example {@link #IMAGE_INPUT} holds
 * exactly when {@code inputModalities} contains {@link Modality#IMAGE}.
 */
public enum Capability {
    /** InvokeModelWithResponseStream and/or ConverseStream are available. */
    STREAMING(false),
    /** The Converse / ConverseStream API accepts the model. */
    CONVERSE(false),
    /** Tool use (function calling) through Converse {@code toolConfig}. */
    TOOL_USE(false),
    /** A system prompt is accepted (Converse {@code system}, or the native body's equivalent). */
    SYSTEM_PROMPT(false),
    /** Extended thinking / reasoning output or reasoning configuration. */
    REASONING(false),
    /** Prompt caching (cache points / cache_control). */
    PROMPT_CACHING(false),
    /** Converse's native structured output: {@code outputConfig.textFormat} of type {@code json_schema}. */
    STRUCTURED_OUTPUT(false),
    /** Invoked asynchronously with StartAsyncInvoke (results land in S3). */
    ASYNC_INVOKE(false),

    /** Derived: the input modalities contain {@link Modality#IMAGE}. */
    IMAGE_INPUT(true),
    /** Derived: the input modalities contain {@link Modality#DOCUMENT}. */
    DOCUMENT_INPUT(true),
    /** Derived: the input modalities contain {@link Modality#VIDEO}. */
    VIDEO_INPUT(true),
    /** Derived: the input modalities contain {@link Modality#AUDIO}. */
    AUDIO_INPUT(true),
    /** Derived: the family generates text ({@link ModelFamily.Kind#TEXT}). */
    TEXT_GENERATION(true),
    /** Derived: the output modalities contain {@link Modality#EMBEDDING}. */
    EMBEDDINGS(true),
    /** Derived: the output modalities contain {@link Modality#IMAGE}. */
    IMAGE_GENERATION(true),
    /** Derived: the output modalities contain {@link Modality#VIDEO}. */
    VIDEO_GENERATION(true),
    /** Derived: the output modalities contain {@link Modality#AUDIO}. */
    AUDIO_GENERATION(true),
    /** Derived: the family ranks documents against a query ({@link ModelFamily.Kind#RERANK}). */
    RERANKING(true);

    private final boolean derived;

    Capability(boolean derived) {
        this.derived = derived;
    }

    /** Whether this capability is computed from modalities/family rather than declared in the data file. */
    public boolean isDerived() {
        return derived;
    }
}
