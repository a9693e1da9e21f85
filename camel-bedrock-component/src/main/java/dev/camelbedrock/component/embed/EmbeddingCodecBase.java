package dev.camelbedrock.component.embed;

import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.CodecBase;

/** The base of the embedding codecs. */
abstract class EmbeddingCodecBase extends CodecBase implements EmbeddingCodec {

    EmbeddingCodecBase(ModelFamily family, boolean acceptsImages) {
        super(family, acceptsImages);
    }
}
