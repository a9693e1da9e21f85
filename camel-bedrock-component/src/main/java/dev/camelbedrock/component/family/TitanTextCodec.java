package dev.camelbedrock.component.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.support.InferenceOptions;

import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;
import static dev.camelbedrock.component.family.NativeJson.putStrings;

/**
 * Amazon Titan Text: {@code {"inputText","textGenerationConfig":{"maxTokenCount","temperature","topP","stopSequences"}}}
 * → {@code results[0].outputText}, {@code completionReason}. Titan has no system field and no message list: the
 * conversation becomes {@code User: …\nBot: …} lines ending in {@code Bot:}, after the system prompt as a first
 * paragraph.
 */
public final class TitanTextCodec extends FlatReplyCodec {

    private static final ReplyPaths REPLY = new ReplyPaths("/results/0/outputText", "/results/0/completionReason",
            "/inputTextTokenCount", "/results/0/tokenCount");
    private static final ReplyPaths CHUNK = new ReplyPaths("/outputText", "/completionReason", "/inputTextTokenCount",
            "/totalOutputTextTokenCount");

    public TitanTextCodec() {
        super(ModelFamily.TITAN_TEXT, false, REPLY, CHUNK);
    }

    @Override
    public ObjectNode request(Prompt prompt) {
        StringBuilder text = new StringBuilder();
        if (prompt.system() != null) {
            text.append(prompt.system()).append("\n\n");
        }
        for (PromptTurn turn : prompt.turns()) {
            text.append(turn.user() ? "User: " : "Bot: ").append(turn.text()).append('\n');
        }
        text.append("Bot:");
        ObjectNode body = object().put("inputText", text.toString());
        InferenceOptions o = prompt.options();
        if (o.hasSampling()) {
            ObjectNode config = body.putObject("textGenerationConfig");
            putIf(config, "maxTokenCount", o.maxTokens());
            putIf(config, "temperature", o.temperature());
            putIf(config, "topP", o.topP());
            putStrings(config, "stopSequences", o.stopSequences());
        }
        return body;
    }
}
