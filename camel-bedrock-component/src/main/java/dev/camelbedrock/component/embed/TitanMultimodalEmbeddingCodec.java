package dev.camelbedrock.component.embed;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.family.CodecBase;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.NativeJson;

import static dev.camelbedrock.component.family.NativeJson.integer;
import static dev.camelbedrock.component.family.NativeJson.object;

/**
 * Amazon Titan Multimodal Embeddings G1, one text or one image per request: {@code {"inputText"?,"inputImage"?:"<b64>",
 * "embeddingConfig":{"outputEmbeddingLength"}}} → {@code embedding}, {@code inputTextTokenCount}.
 */
final class TitanMultimodalEmbeddingCodec extends CodecBase implements EmbeddingCodec {

    TitanMultimodalEmbeddingCodec() {
        super(ModelFamily.TITAN_EMBED_IMAGE, true);
    }

    @Override
    public ObjectNode request(EmbedInput input, EmbedOptions o, String modelId) {
        refuse(o.normalize(), "normalize");
        refuse(o.embeddingTypes(), "embeddingTypes");
        refuse(o.inputType(), "embeddingInputType");
        refuse(o.truncate(), "truncate");
        ObjectNode body = input.isImage() ? object().put("inputImage", NativeJson.base64(input.image()))
                : object().put("inputText", input.texts().get(0));
        if (o.dimensions() != null) {
            body.putObject("embeddingConfig").put("outputEmbeddingLength", o.dimensions());
        }
        return body;
    }

    @Override
    public EmbeddingReply reply(JsonNode body) {
        return new EmbeddingReply(List.of(EmbeddingReply.floats(body.path("embedding"))), Map.of(), integer(body, "/inputTextTokenCount"));
    }
}
