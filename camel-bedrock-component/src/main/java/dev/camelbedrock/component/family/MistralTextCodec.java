package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.support.InferenceOptions;

import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;
import static dev.camelbedrock.component.family.NativeJson.putStrings;

/**
 * Mistral text completion (Mistral 7B, Mixtral 8x7B, Mistral Small/Large 24.02):
 * {@code {"prompt":"<s>[INST] … [/INST]","max_tokens","stop","temperature","top_p"}} → {@code outputs[0].text},
 * {@code outputs[0].stop_reason}; stream chunks have the same {@code outputs} shape. The body carries no token counts
 * (the response headers do). The system prompt opens the first {@code [INST]}.
 */
public final class MistralTextCodec extends FlatReplyCodec {

    /** Replies and stream chunks have the same shape. */
    private static final ReplyPaths PATHS = new ReplyPaths("/outputs/0/text", "/outputs/0/stop_reason", null, null);

    public MistralTextCodec() {
        super(ModelFamily.MISTRAL_TEXT, false, PATHS, PATHS);
    }

    @Override
    public ObjectNode request(Prompt prompt) {
        StringBuilder p = new StringBuilder("<s>");
        boolean first = true;
        for (PromptTurn turn : prompt.turns()) {
            if (turn.user()) {
                p.append("[INST] ");
                if (first && prompt.system() != null) {
                    p.append(prompt.system()).append("\n\n");
                }
                p.append(turn.text()).append(" [/INST]");
                first = false;
            } else {
                p.append(turn.text()).append("</s>");
            }
        }
        InferenceOptions o = prompt.options();
        ObjectNode body = object().put("prompt", p.toString());
        putIf(body, "max_tokens", o.maxTokens());
        putStrings(body, "stop", o.stopSequences());
        putIf(body, "temperature", o.temperature());
        return putIf(body, "top_p", o.topP());
    }
}
