package dev.camelbedrock.component.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.family.CodecBase;
import dev.camelbedrock.component.family.CodecInputException;
import dev.camelbedrock.component.family.NativeJson;

/** The base of the image codecs. */
abstract class ImageCodecBase extends CodecBase implements ImageCodec {

    private static final Pattern FILTERED = Pattern.compile("(?i)filter|blocked|moderat|responsible ai|safety");

    ImageCodecBase(ModelFamily family) {
        super(family, false);
    }

    /** Fails unless the value is null or one of the few this family takes (of the option's values); returns it lower-cased. */
    static String oneOf(String value, String option, String... accepted) {
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        for (String a : accepted) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new CodecInputException("option " + option + " is '" + value + "'; accepted here: " + String.join(", ", accepted));
    }

    static void oneImagePerRequest(ImageOptions o, ModelFamily family) {
        if (o.numberOfImages() != null && o.numberOfImages() > 1) {
            throw new CodecInputException("option numberOfImages is " + o.numberOfImages() + ", but " + family
                                          + " generates one image per request; send one exchange per image");
        }
    }

    /** Whether a message from the model or the service says the content filter withheld the result. */
    static boolean speaksOfFiltering(String message) {
        return message != null && FILTERED.matcher(message).find();
    }

    static List<byte[]> decode(JsonNode base64s) {
        List<byte[]> out = new ArrayList<>();
        base64s.forEach(b -> out.add(NativeJson.fromBase64(b.asText())));
        return out;
    }

    static Long seed(JsonNode node) {
        return node != null && node.isNumber() ? node.longValue() : null;
    }
}
