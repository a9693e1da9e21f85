package dev.camelbedrock.component.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.options.OptionValue;
import org.apache.camel.Exchange;

/**
 * Reads a per-message header that overrides an endpoint option, converting it to the option's type with a clear error
 * when it cannot be (the header, the value's type and what is accepted).
 */
public final class ExchangeOptions {

    private final Exchange exchange;
    private final String operation;

    public ExchangeOptions(Exchange exchange, String operation) {
        this.exchange = exchange;
        this.operation = operation;
    }

    public String string(String header, String fallback) {
        Object v = exchange.getMessage().getHeader(header);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String || v instanceof Enum<?> || v instanceof CharSequence) {
            return v.toString();
        }
        throw wrongType(header, v, "a String");
    }

    public Integer integer(String header, Integer fallback) {
        Object v = exchange.getMessage().getHeader(header);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            if (n.longValue() != n.intValue() || n.doubleValue() != n.longValue()) {
                throw wrongType(header, v, "a whole number of Integer range");
            }
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(header, v, "an Integer");
            }
        }
        throw wrongType(header, v, "an Integer");
    }

    public Float decimal(String header, Float fallback) {
        Object v = exchange.getMessage().getHeader(header);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.floatValue();
        }
        if (v instanceof String s) {
            try {
                return Float.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(header, v, "a Float");
            }
        }
        throw wrongType(header, v, "a Float");
    }

    /** A list of strings from a List header or a comma-separated String; the fallback is comma-separated. */
    public List<String> stringList(String header, String fallback) {
        Object v = exchange.getMessage().getHeader(header);
        if (v == null) {
            return splitCommas(fallback);
        }
        if (v instanceof String s) {
            return splitCommas(s);
        }
        if (v instanceof Collection<?> c) {
            List<String> out = new ArrayList<>(c.size());
            for (Object o : c) {
                if (!(o instanceof String s)) {
                    throw wrongType(header, v, "a List of Strings or a comma-separated String");
                }
                out.add(s);
            }
            return out;
        }
        throw wrongType(header, v, "a List of Strings or a comma-separated String");
    }

    /** A String map from a Map header merged over "k=v,k2=v2" option text. */
    public Map<String, String> stringMap(String header, String fallback, String optionName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : splitCommas(fallback)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BedrockInputException(operation, null,
                        "option " + optionName + " has '" + pair + "'; accepted: key=value pairs separated by commas");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        Object v = exchange.getMessage().getHeader(header);
        if (v != null) {
            if (!(v instanceof Map<?, ?> m)) {
                throw wrongType(header, v, "a Map of String to String");
            }
            m.forEach((k, val) -> out.put(String.valueOf(k), val == null ? "" : String.valueOf(val)));
        }
        return out;
    }

    /**
     * A value that must be there: the header, else the option; fails naming both when neither is set or the value is
     * blank.
     */
    public String required(String header, String fallback, String optionName, String what) {
        String v = string(header, fallback);
        if (v == null || v.isBlank()) {
            throw new BedrockInputException(operation, null, "no " + what + ": set the " + optionName + " option or the " + header
                    + " header");
        }
        return v.trim();
    }

    /**
     * An enum option with its header override: the header (a constant, or its value as text) if set, else the option.
     * A wrong header value fails with the message a wrong option value fails the endpoint's start with.
     */
    public <E extends Enum<E>> E option(String header, E fallback, Class<E> type, String optionName) {
        Object value = raw(header);
        if (value == null) {
            return fallback;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return OptionValue.parse(type, optionName, value.toString());
        } catch (IllegalArgumentException e) {
            throw new BedrockInputException(operation, null, "header " + header + ": " + e.getMessage());
        }
    }

    public Object raw(String header) {
        return exchange.getMessage().getHeader(header);
    }

    public static List<String> splitCommas(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    public BedrockInputException wrongType(String header, Object value, String accepted) {
        String shown = value instanceof CharSequence || value instanceof Number
                ? "is '" + abbreviate(value.toString()) + "' (a " + value.getClass().getSimpleName() + ")"
                : "has a " + value.getClass().getName();
        return new BedrockInputException(operation, null, "header " + header + " " + shown + "; accepted: " + accepted);
    }

    /** A value quoted in a message: whole when short, else its start and its length. */
    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "… (" + value.length() + " characters)";
    }

    /** The class name of a value, for messages that say what was given. */
    public static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }
}
