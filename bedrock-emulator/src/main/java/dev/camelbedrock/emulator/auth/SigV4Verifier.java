package dev.camelbedrock.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 the way the service does, for the emulator's strict mode: recompute the canonical
 * request (path encoded a second time, as every service but S3 does), the string to sign and the signature, and
 * compare. Bearer API keys are compared with the configured ones. The answers use the service's error codes.
 */
public final class SigV4Verifier {

    /** What a failed check answers: the service's code, status and message. */
    public record Failure(String code, int status, String message) {
    }

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final Function<String, String> secretForAccessKey;
    private final Function<String, Boolean> apiKeyAccepted;

    /**
     * @param secretForAccessKey the secret of an access key id, or null when the key is unknown
     * @param apiKeyAccepted     whether a bearer API key is valid
     */
    public SigV4Verifier(Function<String, String> secretForAccessKey, Function<String, Boolean> apiKeyAccepted) {
        this.secretForAccessKey = secretForAccessKey;
        this.apiKeyAccepted = apiKeyAccepted;
    }

    /**
     * @param headers   request headers, names in any case, each with its values in order
     * @param rawPath   the path exactly as sent (percent-encoded once by the client)
     * @param rawQuery  the query string as sent, or null
     * @return null when the request is correctly signed, else why not
     */
    public Failure verify(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body, Instant now) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        String authorization = first(h, "authorization");
        if (authorization == null) {
            return new Failure("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
        }
        if (authorization.startsWith("Bearer ")) {
            return Boolean.TRUE.equals(apiKeyAccepted.apply(authorization.substring(7).trim())) ? null
                    : new Failure("AccessDeniedException", 403, "Invalid API Key format: Must start with pre-defined prefix or the key is not valid.");
        }
        if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return new Failure("IncompleteSignatureException", 403, "Unsupported authorization type.");
        }
        Map<String, String> parts = new TreeMap<>();
        for (String part : authorization.substring(17).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (credential == null || signedHeaders == null || signature == null) {
            return new Failure("IncompleteSignatureException", 403,
                    "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return new Failure("IncompleteSignatureException", 403, "Credential should be scoped correctly.");
        }
        String secret = secretForAccessKey.apply(scope[0]);
        if (secret == null) {
            return new Failure("UnrecognizedClientException", 403, "The security token included in the request is invalid.");
        }
        String amzDate = first(h, "x-amz-date");
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException | NullPointerException e) {
            return new Failure("IncompleteSignatureException", 403, "Date must be in ISO-8601 'basic format'.");
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            return new Failure("InvalidSignatureException", 403, "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + ".");
        }
        if (!amzDate.startsWith(scope[1])) {
            return new Failure("InvalidSignatureException", 403, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }

        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n');
        canonical.append(encode(rawPath, false)).append('\n');
        canonical.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders.split(";")) {
            List<String> values = h.get(name);
            if (values == null && name.equals("host")) {
                values = h.get(":authority");
            }
            if (values == null) {
                return new Failure("InvalidSignatureException", 403, "The request signature we calculated does not match the signature you provided.");
            }
            List<String> trimmed = new ArrayList<>();
            values.forEach(v -> trimmed.add(v.trim().replaceAll(" +", " ")));
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        String payloadHash = first(h, "x-amz-content-sha256");
        canonical.append(payloadHash != null ? payloadHash : hex(sha256(body)));

        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope[1] + "/" + scope[2] + "/" + scope[3] + "/aws4_request\n"
                              + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (payloadHash != null && !payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.startsWith("STREAMING-")
            && !payloadHash.equals(hex(sha256(body)))) {
            return new Failure("InvalidSignatureException", 403, "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return new Failure("InvalidSignatureException", 403, "The request signature we calculated does not match the signature you"
                    + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return null;
    }

    private static String first(Map<String, List<String>> h, String name) {
        List<String> v = h.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String p : rawQuery.split("&")) {
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = decode(eq < 0 ? p : p.substring(0, eq));
            String v = eq < 0 ? "" : decode(p.substring(eq + 1));
            pairs.add(new String[] { encode(k, true), encode(v, true) });
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            sb.append(sb.isEmpty() ? "" : "&").append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay; '/' stays in paths. */
    static String encode(String s, boolean encodeSlash) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~'
                || (c == '/' && !encodeSlash)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
