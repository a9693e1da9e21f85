package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.support.InferenceOptions;

import static dev.camelbedrock.component.family.NativeJson.integer;
import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;
import static dev.camelbedrock.component.family.NativeJson.putStrings;
import static dev.camelbedrock.component.family.NativeJson.text;

/**
 * Cohere Command R / R+: {@code {"message","chat_history":[{role:USER|CHATBOT,message}],"preamble","max_tokens",
 * "temperature","p","stop_sequences"}} → {@code text}, {@code finish_reason} (token counts from
 * {@code meta.billed_units} when present). The last user turn is {@code message}, earlier turns the history, the system
 * prompt the preamble. Stream chunks carry {@code event_type}: {@code text-generation} ({@code text}) and
 * {@code stream-end} ({@code finish_reason}, {@code response}).
 */
public final class CohereCommandRCodec extends CodecBase implements ModelFamilyCodec {

    public CohereCommandRCodec() {
        super(ModelFamily.COHERE_COMMAND_R, false);
    }

    @Override
    public ObjectNode request(Prompt prompt) {
        int last = prompt.turns().size() - 1;
        ObjectNode body = object().put("message", prompt.turns().get(last).text());
        if (last > 0) {
            ArrayNode history = body.putArray("chat_history");
            for (PromptTurn turn : prompt.turns().subList(0, last)) {
                history.addObject().put("role", turn.user() ? "USER" : "CHATBOT").put("message", turn.text());
            }
        }
        putIf(body, "preamble", prompt.system());
        InferenceOptions o = prompt.options();
        putIf(body, "max_tokens", o.maxTokens());
        putIf(body, "temperature", o.temperature());
        putIf(body, "p", o.topP());
        return putStrings(body, "stop_sequences", o.stopSequences());
    }

    @Override
    public ModelReply reply(JsonNode body) {
        return new ModelReply(body.path("text").asText(""), text(body, "/finish_reason"),
                integer(body, "/meta/billed_units/input_tokens"), integer(body, "/meta/billed_units/output_tokens"));
    }

    @Override
    public String chunk(JsonNode chunk, StreamedReply state) {
        String type = chunk.path("event_type").asText();
        if ("text-generation".equals(type)) {
            return text(chunk, "/text");
        }
        if ("stream-end".equals(type)) {
            state.stopReason(text(chunk, "/finish_reason"));
            state.inputTokens(integer(chunk, "/response/meta/billed_units/input_tokens"));
            state.outputTokens(integer(chunk, "/response/meta/billed_units/output_tokens"));
        }
        return null;
    }
}
