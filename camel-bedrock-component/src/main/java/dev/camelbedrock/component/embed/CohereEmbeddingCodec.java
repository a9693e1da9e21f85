package dev.camelbedrock.component.embed;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.component.family.CodecBase;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.CodecInputException;
import dev.camelbedrock.component.family.NativeJson;

import static dev.camelbedrock.component.family.NativeJson.object;
import static dev.camelbedrock.component.family.NativeJson.putIf;
import static dev.camelbedrock.component.family.NativeJson.putStrings;

/**
 * Cohere Embed v3 and v4, up to 96 texts (or one image) per request: {@code {"texts":[…]|"images":["data:…"],
 * "input_type","truncate"?,"embedding_types"?,"output_dimension"?}} → {@code embeddings}: an array of float vectors,
 * or, when types were asked for, an object by type. {@code input_type} defaults to {@code search_document} (v3 requires
 * one); an image is sent as a data URI in {@code images}, with the same input types (Bedrock takes no
 * {@code image} input type).
 */
final class CohereEmbeddingCodec extends CodecBase implements EmbeddingCodec {

    static final Set<String> INPUT_TYPES = Set.of("search_document", "search_query", "classification", "clustering");

    CohereEmbeddingCodec() {
        super(ModelFamily.COHERE_EMBED, true);
    }

    @Override
    public ObjectNode request(EmbedInput input, EmbedOptions o, String modelId) {
        refuse(o.normalize(), "normalize");
        String inputType = o.inputType() == null ? "search_document" : o.inputType();
        if (!INPUT_TYPES.contains(inputType)) {
            throw new CodecInputException("Cohere Embed takes the embeddingInputType search_document, search_query,"
                                          + " classification or clustering, not " + inputType);
        }
        ObjectNode body = object();
        if (input.isImage()) {
            body.putArray("images").add("data:image/" + input.imageFormat() + ";base64," + NativeJson.base64(input.image()));
        } else {
            putStrings(body, "texts", input.texts());
        }
        body.put("input_type", inputType);
        putIf(body, "truncate", o.truncate());
        if (o.wantsExtraTypes()) {
            putStrings(body, "embedding_types", o.typesWithFloat());
        }
        return putIf(body, "output_dimension", o.dimensions());
    }

    @Override
    public EmbeddingReply reply(JsonNode body) {
        JsonNode embeddings = body.path("embeddings");
        if (embeddings.isObject()) {
            return new EmbeddingReply(EmbeddingReply.floatVectors(embeddings.path("float")),
                    EmbeddingReply.extraTypes(embeddings, true), null);
        }
        return new EmbeddingReply(EmbeddingReply.floatVectors(embeddings), Map.of(), null);
    }
}
