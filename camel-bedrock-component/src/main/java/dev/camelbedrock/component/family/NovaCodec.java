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
 * Amazon Nova understanding: {@code {"schemaVersion":"messages-v1","system":[{text}],"messages":[{role,content:[{text}|{image}]}],
 * "inferenceConfig"}} → {@code output.message.content[].text}, {@code stopReason}, {@code usage}. The Nova v1 user guide
 * spells the inference keys {@code max_new_tokens}/{@code top_p}, the Nova 2 guide {@code maxTokens}/{@code topP}: the
 * codec sends the Nova 2 spelling to model ids containing {@code nova-2} and the v1 spelling to every other id
 * (including ARNs that hide the model).
 */
public final class NovaCodec extends CodecBase implements ModelFamilyCodec {

    public NovaCodec() {
        super(ModelFamily.NOVA, true);
    }

    @Override
    public ObjectNode request(Prompt prompt) {
        ObjectNode body = object().put("schemaVersion", "messages-v1");
        if (prompt.system() != null) {
            body.putArray("system").addObject().put("text", prompt.system());
        }
        ArrayNode messages = body.putArray("messages");
        for (PromptTurn turn : prompt.turns()) {
            ArrayNode content = messages.addObject().put("role", turn.user() ? "user" : "assistant").putArray("content");
            for (PromptTurn.PromptImage image : turn.images()) {
                content.addObject().putObject("image").put("format", image.format())
                        .putObject("source").put("bytes", NativeJson.base64(image.bytes()));
            }
            if (!turn.text().isEmpty()) {
                content.addObject().put("text", turn.text());
            }
        }
        InferenceOptions o = prompt.options();
        if (o.hasSampling()) {
            boolean nova2 = prompt.modelId().contains("nova-2");
            ObjectNode config = body.putObject("inferenceConfig");
            putIf(config, nova2 ? "maxTokens" : "max_new_tokens", o.maxTokens());
            putIf(config, "temperature", o.temperature());
            putIf(config, nova2 ? "topP" : "top_p", o.topP());
            putStrings(config, "stopSequences", o.stopSequences());
        }
        return body;
    }

    @Override
    public ModelReply reply(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : body.at("/output/message/content")) {
            if (block.hasNonNull("text")) {
                text.append(block.get("text").asText());
            }
        }
        return new ModelReply(text.toString(), text(body, "/stopReason"), integer(body, "/usage/inputTokens"),
                integer(body, "/usage/outputTokens"));
    }

    @Override
    public String chunk(JsonNode chunk, StreamedReply state) {
        state.stopReason(text(chunk, "/messageStop/stopReason"));
        state.inputTokens(integer(chunk, "/metadata/usage/inputTokens"));
        state.outputTokens(integer(chunk, "/metadata/usage/outputTokens"));
        return text(chunk, "/contentBlockDelta/delta/text");
    }
}
