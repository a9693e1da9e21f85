package dev.camelbedrock.component.family;

import dev.camelbedrock.catalog.ModelFamily;

/** What every codec (prompt, embedding, image) says about itself: its family, and whether its body carries images. */
public interface FamilyCodec {

    ModelFamily family();

    /** Whether the family's native body can carry images with the text. */
    boolean acceptsImages();
}
