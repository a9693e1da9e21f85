package dev.camelbedrock.emulator.core;


import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Opaque pagination tokens (an offset and a fingerprint of the query they belong to) and random ids. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Tokens() {
    }

    /** A pagination token for {@code offset} of the listing identified by {@code fingerprint}. */
    public static String next(int offset, String fingerprint) {
        String raw = offset + ":" + Integer.toHexString(fingerprint.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset in {@code token} (0 when null); a token of another listing is a ValidationException. */
    public static int offset(String token, String fingerprint, Service service) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon > 0 && raw.substring(colon + 1).equals(Integer.toHexString(fingerprint.hashCode()))) {
                int offset = Integer.parseInt(raw.substring(0, colon));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw new ServiceException("ValidationException", ErrorCodes.status(service, "ValidationException"),
                "The nextToken is invalid or does not belong to this request.");
    }

    /** {@code n} random characters of {@code [a-z0-9]}. */
    public static String lower(int n) {
        return random(LOWER, n);
    }

    /** {@code n} random characters of {@code [A-Z0-9]}. */
    public static String upper(int n) {
        return random(UPPER, n);
    }

    private static String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
