package dev.camelbedrock.component.embed;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.CodecInputException;
import dev.camelbedrock.component.support.JsonDocuments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON each embedding codec builds and reads. */
class EmbeddingCodecTest {

    static final EmbedOptions NONE = new EmbedOptions(null, null, List.of(), null, null);
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

    static EmbeddingCodec codec(ModelFamily family) {
        return EmbeddingCodecs.CODECS.forFamily(family).orElseThrow();
    }

    static JsonNode json(String text) throws Exception {
        return JsonDocuments.parse(text);
    }

    static JsonNode request(ModelFamily family, EmbedInput input, EmbedOptions options) throws Exception {
        return json(codec(family).request(input, options, "m").toString());
    }

    @Test
    void titanText() throws Exception {
        assertThat(request(ModelFamily.TITAN_EMBED_TEXT, EmbedInput.texts(List.of("hello")), NONE))
                .isEqualTo(json("{\"inputText\":\"hello\"}"));
        assertThat(request(ModelFamily.TITAN_EMBED_TEXT, EmbedInput.texts(List.of("hello")),
                new EmbedOptions(256, true, List.of("binary"), null, null)))
                .isEqualTo(json("{\"inputText\":\"hello\",\"dimensions\":256,\"normalize\":true,\"embeddingTypes\":[\"float\",\"binary\"]}"));
        EmbeddingReply r = codec(ModelFamily.TITAN_EMBED_TEXT).reply(json(
                "{\"embedding\":[0.5,-0.25],\"inputTextTokenCount\":3,\"embeddingsByType\":{\"float\":[0.5,-0.25],\"binary\":[1,0]}}"));
        assertThat(r.vectors()).containsExactly(List.of(0.5f, -0.25f));
        assertThat(r.byType()).containsOnlyKeys("binary");
        assertThat(r.byType().get("binary")).containsExactly(List.of(1, 0));
        assertThat(r.inputTokens()).isEqualTo(3);
        assertThatThrownBy(() -> request(ModelFamily.TITAN_EMBED_TEXT, EmbedInput.texts(List.of("x")),
                new EmbedOptions(null, null, List.of("int8"), null, null))).isInstanceOf(CodecInputException.class)
                .hasMessageContaining("float and binary");
        assertThatThrownBy(() -> request(ModelFamily.TITAN_EMBED_TEXT, EmbedInput.texts(List.of("x")),
                new EmbedOptions(null, null, List.of(), "search_query", null))).hasMessageContaining("embeddingInputType");
    }

    @Test
    void titanMultimodal() throws Exception {
        assertThat(request(ModelFamily.TITAN_EMBED_IMAGE, EmbedInput.image(PNG, "png"), new EmbedOptions(384, null, List.of(), null, null)))
                .isEqualTo(json("{\"inputImage\":\"iVBORw==\",\"embeddingConfig\":{\"outputEmbeddingLength\":384}}"));
        assertThat(request(ModelFamily.TITAN_EMBED_IMAGE, EmbedInput.texts(List.of("a cat")), NONE))
                .isEqualTo(json("{\"inputText\":\"a cat\"}"));
        assertThat(codec(ModelFamily.TITAN_EMBED_IMAGE).reply(json("{\"embedding\":[1,2],\"inputTextTokenCount\":2,\"message\":null}")).vectors())
                .containsExactly(List.of(1f, 2f));
    }

    @Test
    void cohere() throws Exception {
        assertThat(request(ModelFamily.COHERE_EMBED, EmbedInput.texts(List.of("a", "b")), NONE))
                .isEqualTo(json("{\"texts\":[\"a\",\"b\"],\"input_type\":\"search_document\"}"));
        assertThat(request(ModelFamily.COHERE_EMBED, EmbedInput.texts(List.of("a")),
                new EmbedOptions(512, null, List.of("int8"), "search_query", "END"))).isEqualTo(json(
                "{\"texts\":[\"a\"],\"input_type\":\"search_query\",\"truncate\":\"END\",\"embedding_types\":[\"float\",\"int8\"],\"output_dimension\":512}"));
        assertThat(request(ModelFamily.COHERE_EMBED, EmbedInput.image(PNG, "png"), NONE))
                .isEqualTo(json("{\"images\":[\"data:image/png;base64,iVBORw==\"],\"input_type\":\"search_document\"}"));

        EmbeddingReply floats = codec(ModelFamily.COHERE_EMBED).reply(json(
                "{\"id\":\"x\",\"response_type\":\"embeddings_floats\",\"embeddings\":[[1,2],[3,4]],\"texts\":[\"a\",\"b\"]}"));
        assertThat(floats.vectors()).containsExactly(List.of(1f, 2f), List.of(3f, 4f));
        EmbeddingReply byType = codec(ModelFamily.COHERE_EMBED).reply(json(
                "{\"response_type\":\"embeddings_by_type\",\"embeddings\":{\"float\":[[1,2],[3,4]],\"int8\":[[5,6],[7,8]]}}"));
        assertThat(byType.vectors()).containsExactly(List.of(1f, 2f), List.of(3f, 4f));
        assertThat(byType.byType()).isEqualTo(Map.of("int8", List.of(List.of(5, 6), List.of(7, 8))));
        assertThatThrownBy(() -> request(ModelFamily.COHERE_EMBED, EmbedInput.texts(List.of("a")),
                new EmbedOptions(null, true, List.of(), null, null))).hasMessageContaining("normalize");
    }

    @Test
    void nova() throws Exception {
        assertThat(request(ModelFamily.NOVA_EMBED, EmbedInput.texts(List.of("hi")), new EmbedOptions(1024, null, List.of(), "search_query", null)))
                .isEqualTo(json("""
                        {"taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"GENERIC_RETRIEVAL",
                         "embeddingDimension":1024,"text":{"truncationMode":"END","value":"hi"}}}"""));
        assertThat(request(ModelFamily.NOVA_EMBED, EmbedInput.image(PNG, "png"), new EmbedOptions(null, null, List.of(), "image_retrieval", null)))
                .isEqualTo(json("""
                        {"taskType":"SINGLE_EMBEDDING","singleEmbeddingParams":{"embeddingPurpose":"IMAGE_RETRIEVAL",
                         "image":{"format":"png","source":{"bytes":"iVBORw=="}}}}"""));
        assertThat(codec(ModelFamily.NOVA_EMBED).reply(json("{\"embeddings\":[{\"embeddingType\":\"TEXT\",\"embedding\":[0.1,0.2]}]}")).vectors())
                .containsExactly(List.of(0.1f, 0.2f));
        assertThatThrownBy(() -> request(ModelFamily.NOVA_EMBED, EmbedInput.texts(List.of("a")),
                new EmbedOptions(null, null, List.of(), "for_fun", null))).hasMessageContaining("GENERIC_INDEX");
    }
}
