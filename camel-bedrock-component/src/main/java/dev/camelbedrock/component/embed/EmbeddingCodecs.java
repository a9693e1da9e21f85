package dev.camelbedrock.component.embed;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.camelbedrock.catalog.ModelFamily;

/** The embedding codec of each embedding family. */
public final class EmbeddingCodecs {

    private static final Map<ModelFamily, EmbeddingCodec> CODECS = new EnumMap<>(ModelFamily.class);

    static {
        for (EmbeddingCodec c : new EmbeddingCodec[] { new TitanTextEmbeddingCodec(), new TitanMultimodalEmbeddingCodec(),
                new CohereEmbeddingCodec(), new NovaEmbeddingCodec() }) {
            CODECS.put(c.family(), c);
        }
    }

    private EmbeddingCodecs() {
    }

    public static Optional<EmbeddingCodec> forFamily(ModelFamily family) {
        return Optional.ofNullable(CODECS.get(family));
    }

    public static String families() {
        return CODECS.keySet().toString();
    }
}
