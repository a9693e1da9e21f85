package dev.camelbedrock.component.embed;

import dev.camelbedrock.component.family.CodecRegistry;

/** The embedding codec of each embedding family. */
public final class EmbeddingCodecs {

    /** Add a new family's codec here. */
    public static final CodecRegistry<EmbeddingCodec> CODECS = new CodecRegistry<>(
            new TitanTextEmbeddingCodec(),
            new TitanMultimodalEmbeddingCodec(),
            new CohereEmbeddingCodec(),
            new NovaEmbeddingCodec());

    private EmbeddingCodecs() {
    }
}
