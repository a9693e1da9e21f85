package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.support.InferenceOptions;

import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;

/**
 * Meta Llama: {@code {"prompt":"<chat template>","max_gen_len","temperature","top_p","images"?}} → {@code generation},
 * {@code stop_reason}, {@code prompt_token_count}, {@code generation_token_count}; stream chunks have the same keys.
 * Llama 3 and 4 use the header template ({@code <|start_header_id|>user<|end_header_id|>…<|eot_id|>}); model ids
 * containing {@code llama2} use the Llama 2 {@code [INST]} template. Images (Llama 3.2 vision, Llama 4) go to
 * {@code images}, with an {@code <|image|>} tag at the start of their turn. The body has no stop sequences.
 */
public final class LlamaCodec extends FlatReplyCodec {

    /** Replies and stream chunks have the same shape. */
    private static final ReplyPaths PATHS = new ReplyPaths("/generation", "/stop_reason", "/prompt_token_count",
            "/generation_token_count");

    public LlamaCodec() {
        super(ModelFamily.LLAMA, true, PATHS, PATHS);
    }

    @Override
    public ObjectNode request(Prompt prompt) {
        InferenceOptions o = prompt.options();
        if (!o.stopSequences().isEmpty()) {
            throw new CodecInputException("the Llama native body has no stop sequences; leave stopSequences unset, or use"
                                          + " converse, which takes them");
        }
        boolean llama2 = prompt.modelId().contains("llama2");
        ObjectNode body = object().put("prompt", llama2 ? llama2Template(prompt) : llama3Template(prompt));
        putIf(body, "max_gen_len", o.maxTokens());
        putIf(body, "temperature", o.temperature());
        putIf(body, "top_p", o.topP());
        ArrayNode images = null;
        for (PromptTurn turn : prompt.turns()) {
            for (PromptTurn.PromptImage image : turn.images()) {
                if (llama2) {
                    throw new CodecInputException("Llama 2 takes no images; send text only, or use a Llama model that reads images"
                                                  + " (Llama 3.2 vision, Llama 4)");
                }
                if (images == null) {
                    images = body.putArray("images");
                }
                images.add(NativeJson.base64(image.bytes()));
            }
        }
        return body;
    }

    static String llama3Template(Prompt prompt) {
        StringBuilder p = new StringBuilder("<|begin_of_text|>");
        if (prompt.system() != null) {
            header(p, "system").append(prompt.system()).append("<|eot_id|>");
        }
        for (PromptTurn turn : prompt.turns()) {
            header(p, turn.user() ? "user" : "assistant");
            if (!turn.images().isEmpty()) {
                p.append("<|image|>");
            }
            p.append(turn.text()).append("<|eot_id|>");
        }
        return header(p, "assistant").toString();
    }

    private static StringBuilder header(StringBuilder p, String role) {
        return p.append("<|start_header_id|>").append(role).append("<|end_header_id|>\n\n");
    }

    static String llama2Template(Prompt prompt) {
        StringBuilder p = new StringBuilder();
        boolean first = true;
        for (PromptTurn turn : prompt.turns()) {
            if (turn.user()) {
                p.append("<s>[INST] ");
                if (first && prompt.system() != null) {
                    p.append("<<SYS>>\n").append(prompt.system()).append("\n<</SYS>>\n\n");
                }
                p.append(turn.text()).append(" [/INST]");
                first = false;
            } else {
                p.append(' ').append(turn.text()).append(" </s>");
            }
        }
        return p.toString();
    }
}
