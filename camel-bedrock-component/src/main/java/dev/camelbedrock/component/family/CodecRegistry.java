package dev.camelbedrock.component.family;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.camelbedrock.catalog.ModelFamily;

/**
 * The codecs of one kind (prompt, embedding or image), by the family each one serves. Each kind has one registry,
 * where a new family's codec is added.
 */
public final class CodecRegistry<C extends FamilyCodec> {

    private final Map<ModelFamily, C> codecs = new EnumMap<>(ModelFamily.class);

    @SafeVarargs
    public CodecRegistry(C... codecs) {
        for (C codec : codecs) {
            if (this.codecs.put(codec.family(), codec) != null) {
                throw new IllegalStateException("two codecs for family " + codec.family());
            }
        }
    }

    public Optional<C> forFamily(ModelFamily family) {
        return Optional.ofNullable(codecs.get(family));
    }

    /** The families that have a codec here, for messages. */
    public String families() {
        return codecs.keySet().toString();
    }
}
