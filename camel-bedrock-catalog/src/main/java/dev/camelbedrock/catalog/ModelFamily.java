package dev.camelbedrock.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * The model family: which codec builds and reads the native InvokeModel body for a model.
 *
 * <p>Bedrock's InvokeModel takes a provider-specific JSON body; models that share a body shape share a family.
 * The one-line javadoc of each constant gives the request shape and where the answer is found. Families
 * whose {@link #isListedOnly()} is {@code true} are catalogued so that lookups and capability checks work,
 * but the project does not promise a native-body codec for them (asynchronous, bidirectional or niche APIs).
 * Converse does not depend on the family: any model with {@link Capability#CONVERSE} can be called through it.
 */
public enum ModelFamily {

    // ---- text generation ------------------------------------------------------------------------------

    /** Anthropic Messages: {@code {"anthropic_version":"bedrock-2023-05-31","max_tokens","system","messages":[{role,content:[blocks]}],"tools"}} → {@code content[].text}, {@code usage}. */
    ANTHROPIC_MESSAGES(Kind.TEXT, false),
    /** Amazon Titan Text: {@code {"inputText","textGenerationConfig":{"maxTokenCount","temperature","topP","stopSequences"}}} → {@code results[0].outputText}. */
    TITAN_TEXT(Kind.TEXT, false),
    /** Amazon Nova understanding: {@code {"schemaVersion":"messages-v1","system":[{text}],"messages":[{role,content:[{text}|{image}]}],"inferenceConfig"}} → {@code output.message.content[].text}. */
    NOVA(Kind.TEXT, false),
    /** Meta Llama 2/3/4: {@code {"prompt":"<chat template>","max_gen_len","temperature","top_p","images"?}} → {@code generation}; the codec picks the Llama 2 {@code [INST]} or Llama 3 header template by model id. */
    LLAMA(Kind.TEXT, false),
    /** Mistral text completion (7B, Mixtral, Small/Large 24.02): {@code {"prompt":"<s>[INST] … [/INST]","max_tokens","stop","temperature","top_p","top_k"}} → {@code outputs[0].text}. */
    MISTRAL_TEXT(Kind.TEXT, false),
    /** Mistral chat (Large 2 24.07, Pixtral Large): {@code {"messages":[{role,content,tool_calls?}],"tools","tool_choice","max_tokens"}} → {@code choices[0].message}. */
    MISTRAL_CHAT(Kind.TEXT, false),
    /** Cohere Command R / R+: {@code {"message","chat_history":[{role:USER|CHATBOT,message}],"preamble","documents","tools","max_tokens"}} → {@code text}, {@code finish_reason}. */
    COHERE_COMMAND_R(Kind.TEXT, false),
    /** Cohere Command / Command Light (legacy, superseded by Command R): {@code {"prompt","max_tokens","temperature","p","k","stop_sequences","stream"}} → {@code generations[0].text}; listed only (Converse and raw invokeModel reach it). */
    COHERE_COMMAND(Kind.TEXT, true),
    /** AI21 Jamba (Instruct, 1.5 Mini/Large): OpenAI-like {@code {"messages":[{role,content}],"max_tokens","temperature","top_p","stop","n"}} → {@code choices[0].message.content}. */
    AI21_JAMBA(Kind.TEXT, false),
    /** AI21 Jurassic-2 (legacy): {@code {"prompt","maxTokens","temperature","topP","stopSequences"}} → {@code completions[0].data.text}. */
    AI21_JURASSIC(Kind.TEXT, true),
    /** DeepSeek-R1 prompt form: {@code {"prompt":"<｜begin▁of▁sentence｜>…<｜User｜>…<｜Assistant｜>","max_tokens","temperature","top_p","stop"}} → {@code choices[0].text} (reasoning inside {@code <think>}). */
    DEEPSEEK(Kind.TEXT, false),
    /** OpenAI chat-completions form (gpt-oss, Qwen3, DeepSeek-V3.1 and other open-weight models): {@code {"messages":[{role,content}],"max_completion_tokens"|"max_tokens","temperature","top_p","tools"}} → {@code choices[0].message}. */
    OPENAI_CHAT(Kind.TEXT, false),

    // ---- embeddings -----------------------------------------------------------------------------------

    /** Amazon Titan text embeddings (G1, V2): {@code {"inputText","dimensions"?,"normalize"?,"embeddingTypes"?}} → {@code embedding} (one text per call). */
    TITAN_EMBED_TEXT(Kind.EMBEDDING, false),
    /** Amazon Titan Multimodal Embeddings G1: {@code {"inputText"?,"inputImage"?:"<b64>","embeddingConfig":{"outputEmbeddingLength"}}} → {@code embedding}. */
    TITAN_EMBED_IMAGE(Kind.EMBEDDING, false),
    /** Cohere Embed v3/v4: {@code {"texts":[…≤96]|"images":[…],"input_type","truncate","embedding_types","output_dimension"?}} → {@code embeddings} (list or by type). */
    COHERE_EMBED(Kind.EMBEDDING, false),
    /** Amazon Nova Multimodal Embeddings: {@code {"taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose","embeddingDimension","text"|"image"|"audio"|"video"}}} → {@code embeddings[0].embedding}. */
    NOVA_EMBED(Kind.EMBEDDING, false),
    /** TwelveLabs Marengo video/audio/image/text embeddings (mostly StartAsyncInvoke): {@code {"inputType","inputText"|"mediaSource"}}; listed only. */
    TWELVELABS_MARENGO(Kind.EMBEDDING, true),

    // ---- images -----------------------------------------------------------------------------------------

    /** Titan Image Generator v1/v2 and Nova Canvas: {@code {"taskType":"TEXT_IMAGE","textToImageParams":{"text","negativeText"},"imageGenerationConfig":{"numberOfImages","width","height","cfgScale","seed","quality"}}} → {@code images[]} (base64). */
    TITAN_IMAGE(Kind.IMAGE, false),
    /** Stability SD3 / SD3.5 Large / Stable Image Core / Ultra: {@code {"prompt","negative_prompt","aspect_ratio","seed","output_format","mode"?,"image"?,"strength"?}} → {@code images[]}, {@code finish_reasons[]}. */
    STABILITY(Kind.IMAGE, false),
    /** Stability SDXL 1.0: {@code {"text_prompts":[{text,weight}],"width","height","cfg_scale","steps","seed","sampler","style_preset"}} → {@code artifacts[].base64}. */
    STABILITY_SDXL(Kind.IMAGE, false),
    /** Stability Stable Image services (upscale, inpaint, outpaint, erase, recolor, style …): {@code {"image":"<b64>","prompt"?,…service fields}} → {@code images[]}; listed only. */
    STABILITY_IMAGE_SERVICES(Kind.IMAGE, true),

    // ---- video, speech, video understanding, rerank ---------------------------------------------------

    /** Amazon Nova Reel, asynchronous (StartAsyncInvoke): {@code {"taskType":"TEXT_VIDEO","textToVideoParams":{"text","images"?},"videoGenerationConfig":{"durationSeconds","fps","dimension","seed"}}} → MP4 in S3; listed only. */
    NOVA_REEL(Kind.VIDEO, true),
    /** Luma AI Ray, asynchronous (StartAsyncInvoke): {@code {"prompt","aspect_ratio","duration","resolution","loop"}} → MP4 in S3; listed only. */
    LUMA_RAY(Kind.VIDEO, true),
    /** Amazon Nova Sonic speech-to-speech: InvokeModelWithBidirectionalStream events only, no InvokeModel body; listed only. */
    NOVA_SONIC(Kind.SPEECH, true),
    /** TwelveLabs Pegasus video understanding: {@code {"inputPrompt","mediaSource":{"base64String"|"s3Location"},"temperature"}} → {@code message}; listed only. */
    TWELVELABS_PEGASUS(Kind.TEXT, true),
    /** Rerank models (Amazon Rerank, Cohere Rerank): {@code {"query","documents":[…],"top_n","api_version"?}} → {@code results[{index,relevance_score}]}; usually called through the agent-runtime Rerank API; listed only. */
    RERANK(Kind.RERANK, true);

    /** What a family produces. */
    public enum Kind {
        /** Generates text (chat, completion, video understanding). */
        TEXT,
        /** Produces embedding vectors. */
        EMBEDDING,
        /** Generates or edits images. */
        IMAGE,
        /** Generates video (asynchronously). */
        VIDEO,
        /** Speech-to-speech. */
        SPEECH,
        /** Ranks documents against a query. */
        RERANK
    }

    private final Kind kind;
    private final boolean listedOnly;

    ModelFamily(Kind kind, boolean listedOnly) {
        this.kind = kind;
        this.listedOnly = listedOnly;
    }

    /** What the family produces. */
    public Kind kind() {
        return kind;
    }

    /**
     * {@code true} when the family is catalogued for lookups and checks only: no native-body codec is promised
     * for it. Converse still works for such models when they have {@link Capability#CONVERSE}.
     */
    public boolean isListedOnly() {
        return listedOnly;
    }

    /** Input modalities assumed for a model inferred from a provider rule when the rule says nothing. */
    Set<Modality> defaultInputModalities() {
        switch (kind) {
            case SPEECH:
                return EnumSet.of(Modality.AUDIO);
            default:
                return EnumSet.of(Modality.TEXT);
        }
    }

    /** Output modalities assumed for a model inferred from a provider rule when the rule says nothing. */
    Set<Modality> defaultOutputModalities() {
        switch (kind) {
            case EMBEDDING:
                return EnumSet.of(Modality.EMBEDDING);
            case IMAGE:
                return EnumSet.of(Modality.IMAGE);
            case VIDEO:
                return EnumSet.of(Modality.VIDEO);
            case SPEECH:
                return EnumSet.of(Modality.AUDIO, Modality.TEXT);
            default:
                return EnumSet.of(Modality.TEXT);
        }
    }

    /** Declared capabilities assumed for a model inferred from a provider rule when the rule says nothing. */
    Set<Capability> defaultCapabilities() {
        switch (kind) {
            case TEXT:
                return listedOnly ? EnumSet.noneOf(Capability.class)
                        : EnumSet.of(Capability.STREAMING, Capability.CONVERSE, Capability.SYSTEM_PROMPT);
            case VIDEO:
                return EnumSet.of(Capability.ASYNC_INVOKE);
            case SPEECH:
                return EnumSet.of(Capability.STREAMING);
            default:
                return EnumSet.noneOf(Capability.class);
        }
    }

    /** Texts (or inputs) per embedding request assumed when the data says nothing: 96 for Cohere, else 1. */
    int defaultEmbeddingBatchLimit() {
        return this == COHERE_EMBED ? 96 : 1;
    }
}
