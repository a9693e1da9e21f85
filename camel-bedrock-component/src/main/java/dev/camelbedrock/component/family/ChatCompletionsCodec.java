package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.support.InferenceOptions;

import static dev.camelbedrock.component.family.NativeJson.firstText;
import static dev.camelbedrock.component.family.NativeJson.integer;
import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;
import static dev.camelbedrock.component.family.NativeJson.putStrings;

/**
 * The OpenAI-like chat body three families share: {@code {"messages":[{role:system|user|assistant,content}],
 * "<max tokens key>","temperature","top_p","stop"}} → {@code choices[0].message.content}, the stop reason in
 * {@code choices[0].finish_reason} (or {@code stop_reason}, as Mistral's user guide writes it), {@code usage}
 * ({@code prompt_tokens}, {@code completion_tokens}). Stream chunks carry {@code choices[0].delta.content} (or a whole
 * {@code choices[0].message}, accepted too).
 * <ul>
 * <li>{@link ModelFamily#AI21_JAMBA} and {@link ModelFamily#MISTRAL_CHAT}: {@code max_tokens};</li>
 * <li>{@link ModelFamily#OPENAI_CHAT} (gpt-oss, Qwen3, DeepSeek-V3.1 …): {@code max_completion_tokens}.</li>
 * </ul>
 */
public final class ChatCompletionsCodec extends CodecBase implements ModelFamilyCodec {

    private final String maxTokensKey;

    public ChatCompletionsCodec(ModelFamily family, String maxTokensKey) {
        super(family, false);
        this.maxTokensKey = maxTokensKey;
    }

    @Override
    public ObjectNode request(Prompt prompt) {
        ObjectNode body = object();
        ArrayNode messages = body.putArray("messages");
        if (prompt.system() != null) {
            messages.addObject().put("role", "system").put("content", prompt.system());
        }
        for (PromptTurn turn : prompt.turns()) {
            messages.addObject().put("role", turn.user() ? "user" : "assistant").put("content", turn.text());
        }
        InferenceOptions o = prompt.options();
        putIf(body, maxTokensKey, o.maxTokens());
        putIf(body, "temperature", o.temperature());
        putIf(body, "top_p", o.topP());
        return putStrings(body, "stop", o.stopSequences());
    }

    @Override
    public ModelReply reply(JsonNode body) {
        return new ModelReply(body.at("/choices/0/message/content").asText(""), stopReason(body),
                integer(body, "/usage/prompt_tokens"), integer(body, "/usage/completion_tokens"));
    }

    @Override
    public String chunk(JsonNode chunk, StreamedReply state) {
        state.stopReason(stopReason(chunk));
        state.inputTokens(integer(chunk, "/usage/prompt_tokens"));
        state.outputTokens(integer(chunk, "/usage/completion_tokens"));
        return firstText(chunk, "/choices/0/delta/content", "/choices/0/message/content");
    }

    private static String stopReason(JsonNode node) {
        return firstText(node, "/choices/0/finish_reason", "/choices/0/stop_reason");
    }
}
