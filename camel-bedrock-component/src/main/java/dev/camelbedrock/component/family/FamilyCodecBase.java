package dev.camelbedrock.component.family;

import dev.camelbedrock.catalog.ModelFamily;

/** The base of the prompt-level codecs. */
abstract class FamilyCodecBase extends CodecBase implements ModelFamilyCodec {

    FamilyCodecBase(ModelFamily family, boolean acceptsImages) {
        super(family, acceptsImages);
    }
}
