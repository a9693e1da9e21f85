package dev.camelbedrock.catalog;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Bedrock foundation model as described by the catalog: identity, family (native-body codec), modalities,
 * capabilities, limits, size rules, inference-profile facts and reference prices. Immutable.
 *
 * <p>Models returned for ids that are not in the data but match a provider rule are {@linkplain #isInferred()
 * inferred}: their family comes from the rule and their limits are unknown. Callers may want to log that.
 *
 * <p>The {@code require…}/{@code validate…} methods are the checks to run before any network call; they throw
 * {@link ModelValidationException} with a message saying what was wrong and what the model accepts.
 */
public final class BedrockModel {

    private final String id;
    private final List<String> aliases;
    private final String provider;
    private final String providerName;
    private final ModelFamily family;
    private final String name;
    private final Set<Modality> inputModalities;
    private final Set<Modality> outputModalities;
    private final Set<Capability> declaredCapabilities;
    private final Set<Capability> capabilities;
    private final Integer contextWindow;
    private final Integer maxOutputTokens;
    private final EmbeddingSpec embedding;
    private final ImageSpec image;
    private final boolean inferenceProfileRequired;
    private final List<String> inferenceProfilePrefixes;
    private final Pricing pricing;
    private final ModelLifecycle lifecycle;
    private final String notes;
    private final String inferredFromRule;

    BedrockModel(String id, List<String> aliases, String provider, String providerName, ModelFamily family, String name,
                 Set<Modality> inputModalities, Set<Modality> outputModalities, Set<Capability> declaredCapabilities,
                 Integer contextWindow, Integer maxOutputTokens, EmbeddingSpec embedding, ImageSpec image,
                 boolean inferenceProfileRequired, List<String> inferenceProfilePrefixes, Pricing pricing,
                 ModelLifecycle lifecycle, String notes, String inferredFromRule) {
        this.id = id;
        this.aliases = List.copyOf(aliases);
        this.provider = provider;
        this.providerName = providerName;
        this.family = family;
        this.name = name;
        this.inputModalities = Collections.unmodifiableSet(copyOf(inputModalities, Modality.class));
        this.outputModalities = Collections.unmodifiableSet(copyOf(outputModalities, Modality.class));
        this.declaredCapabilities = Collections.unmodifiableSet(copyOf(declaredCapabilities, Capability.class));
        this.contextWindow = contextWindow;
        this.maxOutputTokens = maxOutputTokens;
        this.embedding = embedding;
        this.image = image;
        this.inferenceProfileRequired = inferenceProfileRequired;
        this.inferenceProfilePrefixes = List.copyOf(inferenceProfilePrefixes);
        this.pricing = pricing;
        this.lifecycle = lifecycle;
        this.notes = notes;
        this.inferredFromRule = inferredFromRule;
        this.capabilities = Collections.unmodifiableSet(deriveCapabilities());
    }

    private static <E extends Enum<E>> EnumSet<E> copyOf(Set<E> set, Class<E> type) {
        return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
    }

    private EnumSet<Capability> deriveCapabilities() {
        EnumSet<Capability> all = copyOf(declaredCapabilities, Capability.class);
        if (inputModalities.contains(Modality.IMAGE)) all.add(Capability.IMAGE_INPUT);
        if (inputModalities.contains(Modality.DOCUMENT)) all.add(Capability.DOCUMENT_INPUT);
        if (inputModalities.contains(Modality.VIDEO)) all.add(Capability.VIDEO_INPUT);
        if (inputModalities.contains(Modality.AUDIO)) all.add(Capability.AUDIO_INPUT);
        if (family.kind() == ModelFamily.Kind.TEXT && outputModalities.contains(Modality.TEXT)) all.add(Capability.TEXT_GENERATION);
        if (outputModalities.contains(Modality.EMBEDDING)) all.add(Capability.EMBEDDINGS);
        if (outputModalities.contains(Modality.IMAGE)) all.add(Capability.IMAGE_GENERATION);
        if (outputModalities.contains(Modality.VIDEO)) all.add(Capability.VIDEO_GENERATION);
        if (outputModalities.contains(Modality.AUDIO)) all.add(Capability.AUDIO_GENERATION);
        if (family.kind() == ModelFamily.Kind.RERANK) all.add(Capability.RERANKING);
        return all;
    }

    // ---- identity ---------------------------------------------------------------------------------------

    /** The base model id, e.g. {@code anthropic.claude-3-haiku-20240307-v1:0}. */
    public String id() {
        return id;
    }

    /** Other ids that resolve to this model (older spellings, ids used by other SDKs). */
    public List<String> aliases() {
        return aliases;
    }

    /** The provider key: the part of the id before the first dot ({@code anthropic}). */
    public String provider() {
        return provider;
    }

    /** The provider's display name ({@code Anthropic}, {@code Mistral AI}). */
    public String providerName() {
        return providerName;
    }

    /** The native-body codec family. */
    public ModelFamily family() {
        return family;
    }

    /** The display name ({@code Claude 3 Haiku}). For inferred models this is the id. */
    public String name() {
        return name;
    }

    /** The lifecycle status. */
    public ModelLifecycle lifecycle() {
        return lifecycle;
    }

    /** Free-text remarks from the data file (uncertain facts, pricing units …), if any. */
    public Optional<String> notes() {
        return Optional.ofNullable(notes);
    }

    /** Whether this model was not in the data and was synthesised from a provider rule. */
    public boolean isInferred() {
        return inferredFromRule != null;
    }

    /** The provider rule's pattern this model was inferred from, for inferred models. */
    public Optional<String> inferredFromRule() {
        return Optional.ofNullable(inferredFromRule);
    }

    // ---- modalities & capabilities ------------------------------------------------------------------

    /** What the model accepts. */
    public Set<Modality> inputModalities() {
        return inputModalities;
    }

    /** What the model produces. */
    public Set<Modality> outputModalities() {
        return outputModalities;
    }

    /** All capabilities: those declared in the data plus those derived from modalities and family. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** Whether the model has the capability (declared or derived). */
    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    /** Whether images may be sent to the model. */
    public boolean acceptsImageInput() {
        return supports(Capability.IMAGE_INPUT);
    }

    /** Whether documents may be sent to the model. */
    public boolean acceptsDocumentInput() {
        return supports(Capability.DOCUMENT_INPUT);
    }

    /** Whether video may be sent to the model. */
    public boolean acceptsVideoInput() {
        return supports(Capability.VIDEO_INPUT);
    }

    /** Whether InvokeModelWithResponseStream / ConverseStream are available. */
    public boolean supportsStreaming() {
        return supports(Capability.STREAMING);
    }

    /** Whether tool use through Converse is available. */
    public boolean supportsToolUse() {
        return supports(Capability.TOOL_USE);
    }

    /** Whether the Converse API accepts the model. */
    public boolean supportsConverse() {
        return supports(Capability.CONVERSE);
    }

    /** Whether a system prompt is accepted. */
    public boolean supportsSystemPrompt() {
        return supports(Capability.SYSTEM_PROMPT);
    }

    /** Whether the model produces embeddings. */
    public boolean isEmbeddingModel() {
        return supports(Capability.EMBEDDINGS);
    }

    /** Whether the model generates images. */
    public boolean isImageModel() {
        return supports(Capability.IMAGE_GENERATION);
    }

    /** Whether the model generates text. */
    public boolean isTextModel() {
        return supports(Capability.TEXT_GENERATION);
    }

    /**
     * Fails unless the model has the capability.
     *
     * @throws ModelValidationException naming the capability and listing what the model supports
     */
    public BedrockModel requireCapability(Capability capability) {
        if (!supports(capability)) {
            throw new ModelValidationException(id, capability.name(), describe() + " does not support "
                    + capability.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (Capability." + capability.name()
                    + "). It supports: " + capabilities.stream().map(Enum::name).collect(Collectors.joining(", "))
                    + "." + inferredHint());
        }
        return this;
    }

    // ---- limits -------------------------------------------------------------------------------------------

    /** The context window in tokens, if known. */
    public OptionalInt contextWindow() {
        return contextWindow == null ? OptionalInt.empty() : OptionalInt.of(contextWindow);
    }

    /** The largest number of output tokens per request, if known. */
    public OptionalInt maxOutputTokens() {
        return maxOutputTokens == null ? OptionalInt.empty() : OptionalInt.of(maxOutputTokens);
    }

    /** Embedding facts, for embedding models. */
    public Optional<EmbeddingSpec> embedding() {
        return Optional.ofNullable(embedding);
    }

    /** Image size rules and limits, for image models that have them. */
    public Optional<ImageSpec> imageSpec() {
        return Optional.ofNullable(image);
    }

    /** The vector sizes the model can produce (empty when not known or not an embedding model). */
    public List<Integer> embeddingDimensions() {
        return embedding == null ? List.of() : embedding.dimensions();
    }

    /** The vector size produced by default, if known. */
    public OptionalInt defaultEmbeddingDimension() {
        return embedding == null ? OptionalInt.empty() : embedding.defaultDimensionIfKnown();
    }

    /**
     * How many inputs one embedding request may carry (Cohere: 96 texts; Titan and Nova: 1).
     *
     * @throws ModelValidationException when the model does not produce embeddings
     */
    public int embeddingBatchLimit() {
        return requireEmbedding().batchLimit();
    }

    /**
     * Checks a requested embedding vector size.
     *
     * @param dimensions the requested size
     * @return {@code dimensions}, for chaining
     * @throws ModelValidationException when the model does not embed or does not offer that size
     */
    public int validateEmbeddingDimensions(int dimensions) {
        EmbeddingSpec spec = requireEmbedding();
        if (dimensions <= 0) {
            throw new ModelValidationException(id, "EMBEDDING_DIMENSIONS",
                    "Embedding dimensions must be positive, got " + dimensions + " for model " + label() + acceptedDimensions(spec));
        }
        List<Integer> allowed = spec.dimensions();
        if (allowed.isEmpty() || allowed.contains(dimensions)) {
            return dimensions;
        }
        if (allowed.size() == 1) {
            throw new ModelValidationException(id, "EMBEDDING_DIMENSIONS", describe() + " always produces "
                    + allowed.get(0) + "-dimensional embeddings; " + dimensions + " dimensions cannot be requested."
                    + " Leave the dimension unset or use a model with configurable dimensions.");
        }
        throw new ModelValidationException(id, "EMBEDDING_DIMENSIONS", describe() + " does not offer " + dimensions
                + "-dimensional embeddings" + acceptedDimensions(spec));
    }

    /**
     * Checks the number of inputs in one embedding request.
     *
     * @param inputs number of texts/images in the request
     * @return {@code inputs}, for chaining
     * @throws ModelValidationException when the model does not embed, or the count is below 1 or above the limit
     */
    public int validateEmbeddingBatch(int inputs) {
        EmbeddingSpec spec = requireEmbedding();
        if (inputs < 1) {
            throw new ModelValidationException(id, "EMBEDDING_BATCH", "An embedding request needs at least one input; got "
                    + inputs + " for model " + label() + ".");
        }
        if (inputs > spec.batchLimit()) {
            throw new ModelValidationException(id, "EMBEDDING_BATCH", describe() + " accepts at most " + spec.batchLimit()
                    + (spec.batchLimit() == 1 ? " input" : " inputs") + " per request; got " + inputs
                    + ". Split the batch into requests of at most " + spec.batchLimit() + ".");
        }
        return inputs;
    }

    private EmbeddingSpec requireEmbedding() {
        if (embedding == null) {
            throw new ModelValidationException(id, "EMBEDDINGS", describe() + " does not produce embeddings (family "
                    + family + ", outputs " + outputModalities + ").");
        }
        return embedding;
    }

    private String acceptedDimensions(EmbeddingSpec spec) {
        if (spec.dimensions().isEmpty()) {
            return ".";
        }
        return "; accepted: " + spec.dimensions().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (spec.defaultDimension() != null ? " (default " + spec.defaultDimension() + ")" : "") + ".";
    }

    // ---- inference profiles & prices -----------------------------------------------------------------

    /** Whether on-demand calls must go through a cross-Region inference profile (no in-Region on-demand). */
    public boolean inferenceProfileRequired() {
        return inferenceProfileRequired;
    }

    /** Geography prefixes known for the model's system-defined inference profiles ({@code us}, {@code eu} …); may be incomplete. */
    public List<String> inferenceProfilePrefixes() {
        return inferenceProfilePrefixes;
    }

    /**
     * The inference profile id for a geography, e.g. {@code us.anthropic.claude-sonnet-4-20250514-v1:0}.
     *
     * @param geography one of {@link ModelReference#GEOGRAPHY_PREFIXES} (a trailing dot is tolerated)
     * @throws IllegalArgumentException for an unknown geography
     */
    public String inferenceProfileId(String geography) {
        String geo = geography == null ? "" : geography.trim().toLowerCase(Locale.ROOT);
        if (geo.endsWith(".")) {
            geo = geo.substring(0, geo.length() - 1);
        }
        if (!ModelReference.GEOGRAPHY_PREFIXES.contains(geo)) {
            throw new IllegalArgumentException("Unknown inference profile geography '" + geography + "'; known: "
                    + String.join(", ", ModelReference.GEOGRAPHY_PREFIXES)
                    + (inferenceProfilePrefixes.isEmpty() ? "" : " (listed for " + id + ": " + String.join(", ", inferenceProfilePrefixes) + ")"));
        }
        return geo + "." + id;
    }

    /** Reference on-demand prices, if known. */
    public Optional<Pricing> pricing() {
        return Optional.ofNullable(pricing);
    }

    // ---- misc ---------------------------------------------------------------------------------------------

    /** {@code 'id' (Name)}, used in messages after the word "model". */
    String label() {
        return "'" + id + "' (" + name + (isInferred() ? ", inferred" : "") + ")";
    }

    /** {@code Model 'id' (Name)}, used at the start of messages. */
    String describe() {
        return "Model " + label();
    }

    private String inferredHint() {
        return isInferred() ? " (This model is not in the catalog; its capabilities were inferred from the provider rule '"
                + inferredFromRule + "'. Add it to an override file if they are wrong.)" : "";
    }

    /** A copy of this rule prototype carrying the given id (and the id as its name). */
    BedrockModel inferredAs(String newId) {
        return new BedrockModel(newId, List.of(), provider, providerName, family, newId, inputModalities, outputModalities,
                declaredCapabilities, contextWindow, maxOutputTokens, embedding, image, inferenceProfileRequired,
                inferenceProfilePrefixes, pricing, lifecycle, notes, inferredFromRule);
    }

    Set<Capability> declaredCapabilities() {
        return declaredCapabilities;
    }

    @Override
    public String toString() {
        return "BedrockModel[" + id + ", " + family + (isInferred() ? ", inferred from " + inferredFromRule : "") + "]";
    }
}
