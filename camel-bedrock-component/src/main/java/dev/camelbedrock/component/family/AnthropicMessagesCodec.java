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
 * Anthropic Claude, Messages API: {@code {"anthropic_version","max_tokens","system","messages":[{role,content:[blocks]}]}}
 * → {@code content[].text}, {@code stop_reason}, {@code usage}. Streams {@code content_block_delta} text deltas; the
 * stop reason arrives in {@code message_delta}. {@code max_tokens} is required by the model: unset, 4096 is sent.
 */
public final class AnthropicMessagesCodec extends CodecBase implements ModelFamilyCodec {

    /** Sent when maxTokens is unset: the body requires it, and every Claude 3+ model generates at least this many. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    public AnthropicMessagesCodec() {
        super(ModelFamily.ANTHROPIC_MESSAGES, true);
    }

    @Override
    public ObjectNode request(Prompt prompt) {
        InferenceOptions o = prompt.options();
        ObjectNode body = object().put("anthropic_version", "bedrock-2023-05-31")
                .put("max_tokens", o.maxTokens() != null ? o.maxTokens() : DEFAULT_MAX_TOKENS);
        putIf(body, "system", prompt.system());
        ArrayNode messages = body.putArray("messages");
        for (PromptTurn turn : prompt.turns()) {
            ObjectNode m = messages.addObject().put("role", turn.user() ? "user" : "assistant");
            ArrayNode content = m.putArray("content");
            for (PromptTurn.PromptImage image : turn.images()) {
                content.addObject().put("type", "image").set("source", object().put("type", "base64")
                        .put("media_type", "image/" + image.format()).put("data", NativeJson.base64(image.bytes())));
            }
            if (!turn.text().isEmpty()) {
                content.addObject().put("type", "text").put("text", turn.text());
            }
        }
        putIf(body, "temperature", o.temperature());
        putIf(body, "top_p", o.topP());
        return putStrings(body, "stop_sequences", o.stopSequences());
    }

    @Override
    public ModelReply reply(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : body.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        return new ModelReply(text.toString(), text(body, "/stop_reason"), integer(body, "/usage/input_tokens"),
                integer(body, "/usage/output_tokens"));
    }

    @Override
    public String chunk(JsonNode chunk, StreamedReply state) {
        switch (chunk.path("type").asText()) {
            case "message_start" -> {
                state.inputTokens(integer(chunk, "/message/usage/input_tokens"));
                state.outputTokens(integer(chunk, "/message/usage/output_tokens"));
            }
            case "content_block_delta" -> {
                if ("text_delta".equals(chunk.at("/delta/type").asText())) {
                    return chunk.at("/delta/text").asText();
                }
            }
            case "message_delta" -> {
                state.stopReason(text(chunk, "/delta/stop_reason"));
                state.outputTokens(integer(chunk, "/usage/output_tokens"));
            }
            default -> {
            }
        }
        return null;
    }
}
