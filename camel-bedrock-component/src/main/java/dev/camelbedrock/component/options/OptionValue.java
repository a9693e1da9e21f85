package dev.camelbedrock.component.options;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum option whose {@code toString()} is its value as written in a URI or a header (and as the descriptor lists it).
 * One check for the endpoint's options at startup and for header overrides per message, with one message.
 */
public interface OptionValue {

    /**
     * The constant of {@code type} whose value or name is {@code text}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the option, quoting {@code text} and listing the accepted values
     */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String text) {
        String wanted = text.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(wanted) || constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(wrong(type, option, text));
    }

    /** {@code option X is 'text'; accepted: a, b, c}. */
    static String wrong(Class<? extends Enum<?>> type, String option, String text) {
        return "option " + option + " is '" + text + "'; accepted: " + accepted(type);
    }

    /** The values of an enum option, comma-separated, as users write them. */
    static String accepted(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
}
