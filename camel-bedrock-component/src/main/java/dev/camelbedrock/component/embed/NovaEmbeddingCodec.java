package dev.camelbedrock.component.embed;

import java.util.List;
import java.util.Locale;
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

/**
 * Amazon Nova Multimodal Embeddings, one text or one image per request: {@code {"taskType":"SINGLE_EMBEDDING",
 * "singleEmbeddingParams":{"embeddingPurpose","embeddingDimension","text":{"truncationMode","value"}|"image":{"format",
 * "source":{"bytes"}}}}} → {@code embeddings[0].embedding}. The purpose defaults to GENERIC_INDEX; the Cohere-style
 * input types map onto purposes (search_document → GENERIC_INDEX, search_query → GENERIC_RETRIEVAL, classification →
 * CLASSIFICATION, clustering → CLUSTERING) and Nova's own purpose names pass as they are. Truncation defaults to END.
 */
final class NovaEmbeddingCodec extends CodecBase implements EmbeddingCodec {

    static final Map<String, String> PURPOSE_OF_INPUT_TYPE = Map.of("search_document", "GENERIC_INDEX",
            "search_query", "GENERIC_RETRIEVAL", "classification", "CLASSIFICATION", "clustering", "CLUSTERING");
    static final Set<String> PURPOSES = Set.of("GENERIC_INDEX", "GENERIC_RETRIEVAL", "TEXT_RETRIEVAL", "IMAGE_RETRIEVAL",
            "VIDEO_RETRIEVAL", "DOCUMENT_RETRIEVAL", "AUDIO_RETRIEVAL", "CLASSIFICATION", "CLUSTERING");

    NovaEmbeddingCodec() {
        super(ModelFamily.NOVA_EMBED, true);
    }

    @Override
    public ObjectNode request(EmbedInput input, EmbedOptions o, String modelId) {
        refuse(o.normalize(), "normalize");
        refuse(o.embeddingTypes(), "embeddingTypes");
        String purpose = purpose(o.inputType());
        ObjectNode params = object().put("embeddingPurpose", purpose);
        putIf(params, "embeddingDimension", o.dimensions());
        if (input.isImage()) {
            params.putObject("image").put("format", input.imageFormat()).putObject("source")
                    .put("bytes", NativeJson.base64(input.image()));
        } else {
            String truncate = o.truncate() == null ? "END" : o.truncate();
            if (!truncate.equals("NONE") && !truncate.equals("START") && !truncate.equals("END")) {
                throw new CodecInputException("Nova embeddings truncate NONE, START or END, not " + truncate);
            }
            params.putObject("text").put("truncationMode", truncate).put("value", input.texts().get(0));
        }
        ObjectNode body = object().put("taskType", "SINGLE_EMBEDDING");
        body.set("singleEmbeddingParams", params);
        return body;
    }

    private static String purpose(String inputType) {
        if (inputType == null) {
            return "GENERIC_INDEX";
        }
        String mapped = PURPOSE_OF_INPUT_TYPE.get(inputType);
        if (mapped != null) {
            return mapped;
        }
        String upper = inputType.toUpperCase(Locale.ROOT);
        if (PURPOSES.contains(upper)) {
            return upper;
        }
        throw new CodecInputException("Nova embeddings take the embeddingInputType search_document, search_query,"
                                      + " classification, clustering, or a purpose of " + PURPOSES + ", not " + inputType);
    }

    @Override
    public EmbeddingReply reply(JsonNode body) {
        return new EmbeddingReply(List.of(EmbeddingReply.floats(body.at("/embeddings/0/embedding"))), Map.of(), null);
    }
}
