package dev.camelbedrock.component.image;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.camelbedrock.catalog.ModelFamily;

/** The image codec of each image family. */
public final class ImageCodecs {

    private static final Map<ModelFamily, ImageCodec> CODECS = new EnumMap<>(ModelFamily.class);

    static {
        for (ImageCodec c : new ImageCodec[] { new TitanImageCodec(), new StabilityCodec(), new StabilitySdxlCodec() }) {
            CODECS.put(c.family(), c);
        }
    }

    private ImageCodecs() {
    }

    public static Optional<ImageCodec> forFamily(ModelFamily family) {
        return Optional.ofNullable(CODECS.get(family));
    }

    public static String families() {
        return CODECS.keySet().toString();
    }
}
