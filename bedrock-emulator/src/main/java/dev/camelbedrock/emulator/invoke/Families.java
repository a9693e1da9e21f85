package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.ServiceException;

/**
 * Which native dialect a model speaks, from its base id (provider prefix and model name). Opaque ARNs
 * (provisioned models, application inference profiles) have no catalog model: their family is guessed from
 * the body's characteristic keys.
 */
final class Families {

    static final AnthropicMessages ANTHROPIC = new AnthropicMessages();
    static final ClaudeTextCompletions CLAUDE_TEXT = new ClaudeTextCompletions();
    static final TitanText TITAN_TEXT = new TitanText();
    static final NovaText NOVA = new NovaText();
    static final Llama LLAMA = new Llama();
    static final MistralText MISTRAL_TEXT = new MistralText();
    static final MistralChat MISTRAL_CHAT = new MistralChat();
    static final CohereCommandR COMMAND_R = new CohereCommandR();
    static final CohereCommand COHERE_COMMAND = new CohereCommand();
    static final OpenAiChat JAMBA = new OpenAiChat("ai21-jamba", false);
    static final OpenAiChat OPENAI = new OpenAiChat("openai-chat", true);
    static final DeepSeekPrompt DEEPSEEK = new DeepSeekPrompt();
    static final TitanEmbeddings TITAN_EMBED_V1 = new TitanEmbeddings(false);
    static final TitanEmbeddings TITAN_EMBED_V2 = new TitanEmbeddings(true);
    static final TitanMultimodalEmbeddings TITAN_EMBED_IMAGE = new TitanMultimodalEmbeddings();
    static final CohereEmbeddings COHERE_EMBED_V3 = new CohereEmbeddings(false);
    static final CohereEmbeddings COHERE_EMBED_V4 = new CohereEmbeddings(true);
    static final NovaEmbeddings NOVA_EMBED = new NovaEmbeddings();
    static final TitanImages TITAN_IMAGE = new TitanImages(false);
    static final TitanImages NOVA_CANVAS = new TitanImages(true);
    static final StabilityImages STABILITY = new StabilityImages();
    static final SdxlImages SDXL = new SdxlImages();
    static final Rerank RERANK = new Rerank();

    private Families() {
    }

    static Family resolve(Invocation inv) {
        String id = inv.baseId();
        Family f = id != null ? byModelId(id, inv.body) : byBody(inv.body);
        if (f == null) {
            throw ServiceException.validation("The emulator does not implement InvokeModel for the model "
                    + inv.model.requested() + ".");
        }
        return f;
    }

    static Family byModelId(String id, JsonNode body) {
        if (id.startsWith("anthropic.")) {
            return body.has("prompt") && !body.has("messages") ? CLAUDE_TEXT : ANTHROPIC;
        }
        if (id.startsWith("amazon.titan-text")) {
            return TITAN_TEXT;
        }
        if (id.startsWith("amazon.titan-embed-text-v1") || id.startsWith("amazon.titan-embed-g1-text")) {
            return TITAN_EMBED_V1;
        }
        if (id.startsWith("amazon.titan-embed-text-v2")) {
            return TITAN_EMBED_V2;
        }
        if (id.startsWith("amazon.titan-embed-image")) {
            return TITAN_EMBED_IMAGE;
        }
        if (id.startsWith("amazon.titan-image-generator")) {
            return TITAN_IMAGE;
        }
        if (id.startsWith("amazon.nova-canvas")) {
            return NOVA_CANVAS;
        }
        if (id.contains("multimodal-embeddings")) {
            return NOVA_EMBED;
        }
        if (id.startsWith("amazon.nova-reel") || id.startsWith("amazon.nova-sonic")) {
            throw ServiceException.validation("The provided model doesn't support InvokeModel. Use "
                    + (id.startsWith("amazon.nova-reel") ? "StartAsyncInvoke" : "InvokeModelWithBidirectionalStream")
                    + " with " + id + ".");
        }
        if (id.startsWith("amazon.nova")) {
            return NOVA;
        }
        if (id.contains("rerank")) {
            return RERANK;
        }
        if (id.startsWith("meta.llama")) {
            return LLAMA;
        }
        if (id.startsWith("mistral.")) {
            return body.has("messages") || id.startsWith("mistral.pixtral") ? MISTRAL_CHAT : MISTRAL_TEXT;
        }
        if (id.startsWith("cohere.command-r")) {
            return COMMAND_R;
        }
        if (id.startsWith("cohere.command")) {
            return COHERE_COMMAND;
        }
        if (id.startsWith("cohere.embed-v4")) {
            return COHERE_EMBED_V4;
        }
        if (id.startsWith("cohere.embed")) {
            return COHERE_EMBED_V3;
        }
        if (id.startsWith("ai21.jamba")) {
            return JAMBA;
        }
        if (id.startsWith("deepseek.")) {
            return body.has("messages") ? OPENAI : DEEPSEEK;
        }
        if (id.startsWith("openai.")) {
            return OPENAI;
        }
        if (id.startsWith("stability.stable-diffusion-xl")) {
            return SDXL;
        }
        if (id.startsWith("stability.")) {
            return STABILITY;
        }
        return null;
    }

    /** Opaque ARNs: the body's characteristic keys decide (documented in the README). */
    static Family byBody(JsonNode b) {
        if (b.has("anthropic_version")) {
            return ANTHROPIC;
        }
        if (b.has("taskType")) {
            return "SINGLE_EMBEDDING".equals(b.path("taskType").asText()) ? NOVA_EMBED : NOVA_CANVAS;
        }
        if (b.has("text_prompts")) {
            return SDXL;
        }
        if (b.has("inputImage") || b.has("embeddingConfig")) {
            return TITAN_EMBED_IMAGE;
        }
        if (b.has("inputText")) {
            return b.has("textGenerationConfig") || !(b.has("dimensions") || b.has("embeddingTypes")
                    || b.has("normalize")) ? TITAN_TEXT : TITAN_EMBED_V2;
        }
        if (b.has("texts") || b.has("images") && b.has("input_type")) {
            return COHERE_EMBED_V3;
        }
        if (b.has("query") && b.has("documents")) {
            return RERANK;
        }
        if (b.has("schemaVersion") || b.has("inferenceConfig") || b.has("toolConfig")) {
            return NOVA;
        }
        if (b.has("message") || b.has("chat_history")) {
            return COMMAND_R;
        }
        if (b.has("messages")) {
            JsonNode first = b.path("messages").path(0).path("content");
            return first.isArray() && first.path(0).has("text") && !first.path(0).has("type") ? NOVA : OPENAI;
        }
        if (b.has("aspect_ratio") || b.has("output_format")) {
            return STABILITY;
        }
        if (b.has("prompt")) {
            return b.has("max_gen_len") ? LLAMA : b.has("max_tokens_to_sample") ? CLAUDE_TEXT : LLAMA;
        }
        return null;
    }
}
