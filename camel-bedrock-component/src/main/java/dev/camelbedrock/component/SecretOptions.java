package dev.camelbedrock.component;

import java.util.Set;

/**
 * The options marked secret in the generated descriptor, and the one masking of endpoint URIs for display. Masking is
 * by exact option name, not by substring: {@code maxTokens} is no secret and shows its value.
 */
public final class SecretOptions {

    /** What a masked value shows. */
    public static final String MASK = "xxxxxx";

    private static final Set<String> NAMES = new BedrockEndpointUriFactory().secretPropertyNames();

    private SecretOptions() {
    }

    /** Whether the option of this name holds a secret (key, token, password, external id). */
    public static boolean isSecret(String optionName) {
        return NAMES.contains(optionName);
    }

    /**
     * The URI with the value of every secret option replaced by {@link #MASK}; other options are shown as written. A
     * value written as {@code RAW(…)} or {@code RAW{…}} is masked whole, even when it contains {@code &}.
     */
    public static String mask(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length()).append(uri, 0, query + 1);
        int i = query + 1;
        while (i < uri.length()) {
            int eq = uri.indexOf('=', i);
            int amp = uri.indexOf('&', i);
            if (eq < 0 || (amp >= 0 && amp < eq)) { // a parameter without a value
                int end = amp < 0 ? uri.length() : amp + 1;
                out.append(uri, i, end);
                i = end;
                continue;
            }
            int valueEnd = valueEnd(uri, eq + 1);
            String name = uri.substring(i, eq);
            out.append(uri, i, eq + 1);
            out.append(isSecret(name) ? MASK : uri.substring(eq + 1, valueEnd));
            if (valueEnd < uri.length()) {
                out.append('&');
            }
            i = valueEnd + 1;
        }
        return out.toString();
    }

    /** Where the value starting at {@code start} ends: the next {@code &}, or the close of a RAW value. */
    private static int valueEnd(String uri, int start) {
        for (String[] raw : new String[][] { { "RAW(", ")" }, { "RAW{", "}" } }) {
            if (uri.startsWith(raw[0], start)) {
                int close = uri.indexOf(raw[1] + "&", start);
                return close < 0 ? uri.length() : close + 1;
            }
        }
        int amp = uri.indexOf('&', start);
        return amp < 0 ? uri.length() : amp;
    }
}
