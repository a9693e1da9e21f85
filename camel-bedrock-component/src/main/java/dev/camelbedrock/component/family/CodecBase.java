package dev.camelbedrock.component.family;

import dev.camelbedrock.catalog.ModelFamily;

/**
 * What every codec (prompt, embedding, image) states about itself: its family, and whether its native body carries
 * images; and the refusal of an option the body has no field for.
 */
public abstract class CodecBase implements FamilyCodec {

    private final ModelFamily family;
    private final boolean acceptsImages;

    protected CodecBase(ModelFamily family, boolean acceptsImages) {
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

    /** Fails when an option is set (not null, not an empty collection) that the family's body has no field for. */
    protected void refuse(Object value, String option) {
        if (value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())) {
            throw new CodecInputException("option " + option + " is set, but the " + family
                                          + " body has no field for it; leave it unset for this model");
        }
    }
}
