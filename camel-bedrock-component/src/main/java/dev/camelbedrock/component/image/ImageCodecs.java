package dev.camelbedrock.component.image;

import dev.camelbedrock.component.family.CodecRegistry;

/** The image codec of each image family. */
public final class ImageCodecs {

    /** Add a new family's codec here. */
    public static final CodecRegistry<ImageCodec> CODECS = new CodecRegistry<>(
            new TitanImageCodec(),
            new StabilityCodec(),
            new StabilitySdxlCodec());

    private ImageCodecs() {
    }
}
