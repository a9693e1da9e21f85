package dev.camelbedrock.component.family;

import dev.camelbedrock.catalog.ModelFamily;

/** What every codec states about itself: its family, and whether its native body carries images. */
abstract class FamilyCodecBase implements ModelFamilyCodec {

    private final ModelFamily family;
    private final boolean acceptsImages;

    FamilyCodecBase(ModelFamily family, boolean acceptsImages) {
        this.family = family;
        this.acceptsImages = acceptsImages;
    }

    @Override
    public final ModelFamily family() {
        return family;
    }

    @Override
    public final boolean acceptsImages() {
        return acceptsImages;
    }
}
