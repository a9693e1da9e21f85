package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.support.InferenceOptions;

import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;
import static dev.camelbedrock.component.family.NativeJson.putStrings;

/**
 * DeepSeek-R1, prompt form: {@code {"prompt":"<｜begin▁of▁sentence｜>{system}<｜User｜>…<｜Assistant｜>","max_tokens",
 * "temperature","top_p","stop"}} → {@code choices[0].text}, {@code choices[0].stop_reason}; stream chunks have the same
 * {@code choices} shape. The reply is returned as the model wrote it, its {@code <think>} reasoning included; the body
 * carries no token counts (the response headers do).
 */
public final class DeepSeekCodec extends FlatReplyCodec {

    /** Replies and stream chunks have the same shape. */
    private static final ReplyPaths PATHS = new ReplyPaths("/choices/0/text", "/choices/0/stop_reason", null, null);

    public DeepSeekCodec() {
        super(ModelFamily.DEEPSEEK, false, PATHS, PATHS);
    }

    static final String BEGIN = "<｜begin▁of▁sentence｜>";
    static final String END = "<｜end▁of▁sentence｜>";

    @Override
    public ObjectNode request(Prompt prompt) {
        StringBuilder p = new StringBuilder(BEGIN);
        if (prompt.system() != null) {
            p.append(prompt.system());
        }
        for (PromptTurn turn : prompt.turns()) {
            if (turn.user()) {
                p.append("<｜User｜>").append(turn.text());
            } else {
                p.append("<｜Assistant｜>").append(turn.text()).append(END);
            }
        }
        p.append("<｜Assistant｜>");
        InferenceOptions o = prompt.options();
        ObjectNode body = object().put("prompt", p.toString());
        putIf(body, "max_tokens", o.maxTokens());
        putIf(body, "temperature", o.temperature());
        putIf(body, "top_p", o.topP());
        return putStrings(body, "stop", o.stopSequences());
    }
}
