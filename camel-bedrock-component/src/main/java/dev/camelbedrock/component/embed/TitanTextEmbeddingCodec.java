package dev.camelbedrock.component.embed;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.family.CodecBase;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.CodecInputException;

import static dev.camelbedrock.component.family.NativeJson.integer;
import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;
import static dev.camelbedrock.component.family.NativeJson.putStrings;

/**
 * Amazon Titan text embeddings (G1 and V2), one text per request: {@code {"inputText","dimensions"?,"normalize"?,
 * "embeddingTypes"?}} → {@code embedding}, {@code inputTextTokenCount}, and (V2) {@code embeddingsByType}. V2 offers the
 * types float and binary.
 */
final class TitanTextEmbeddingCodec extends CodecBase implements EmbeddingCodec {

    TitanTextEmbeddingCodec() {
        super(ModelFamily.TITAN_EMBED_TEXT, false);
    }

    @Override
    public ObjectNode request(EmbedInput input, EmbedOptions o, String modelId) {
        refuse(o.inputType(), "embeddingInputType");
        refuse(o.truncate(), "truncate");
        for (String t : o.embeddingTypes()) {
            if (!t.equals("float") && !t.equals("binary")) {
                throw new CodecInputException("Titan text embeddings offer the types float and binary, not " + t);
            }
        }
        ObjectNode body = object().put("inputText", input.texts().get(0));
        putIf(body, "dimensions", o.dimensions());
        putIf(body, "normalize", o.normalize());
        return o.wantsExtraTypes() ? putStrings(body, "embeddingTypes", o.typesWithFloat()) : body;
    }

    @Override
    public EmbeddingReply reply(JsonNode body) {
        JsonNode vector = body.has("embedding") ? body.get("embedding") : body.at("/embeddingsByType/float");
        JsonNode byType = body.path("embeddingsByType");
        return new EmbeddingReply(java.util.List.of(EmbeddingReply.floats(vector)),
                byType.isObject() ? EmbeddingReply.extraTypes(byType, false) : Map.of(), integer(body, "/inputTextTokenCount"));
    }
}
