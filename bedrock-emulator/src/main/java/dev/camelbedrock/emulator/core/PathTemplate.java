package dev.camelbedrock.emulator.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A path template of literal segments and {@code {name}} placeholders (one segment each). */
public final class PathTemplate {

    private final String template;
    private final String[] segments;
    private final boolean[] isParam;
    private final int literalCount;

    public PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("Path template must start with '/': " + template);
        }
        this.template = template;
        List<String> parts = splitRaw(template);
        this.segments = new String[parts.size()];
        this.isParam = new boolean[parts.size()];
        int literals = 0;
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (p.length() > 2 && p.startsWith("{") && p.endsWith("}")) {
                segments[i] = p.substring(1, p.length() - 1);
                isParam[i] = true;
            } else {
                segments[i] = p;
                literals++;
            }
        }
        this.literalCount = literals;
    }

    public String template() {
        return template;
    }

    int literalCount() {
        return literalCount;
    }

    /** Binds decoded segments to this template, or returns {@code null} when they do not match. */
    Map<String, String> match(List<String> decodedSegments) {
        if (decodedSegments.size() != segments.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < segments.length; i++) {
            String actual = decodedSegments.get(i);
            if (isParam[i]) {
                if (actual.isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new LinkedHashMap<>();
                }
                params.put(segments[i], actual);
            } else if (!segments[i].equals(actual)) {
                return null;
            }
        }
        return params == null ? Collections.emptyMap() : params;
    }

    /**
     * Splits a raw path (no query) on '/', then percent-decodes each segment. A single trailing empty
     * segment (a trailing slash) is dropped.
     */
    public static List<String> decodedSegments(String rawPath) {
        List<String> raw = splitRaw(rawPath);
        List<String> out = new ArrayList<>(raw.size());
        for (String s : raw) {
            out.add(percentDecode(s));
        }
        return out;
    }

    static List<String> splitRaw(String rawPath) {
        String p = rawPath;
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        List<String> parts = new ArrayList<>();
        if (p.isEmpty()) {
            return parts;
        }
        int start = 0;
        for (int i = 0; i <= p.length(); i++) {
            if (i == p.length() || p.charAt(i) == '/') {
                parts.add(p.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    /** RFC 3986 percent-decoding of one path segment as UTF-8; '+' stays '+'; a malformed escape stays literal. */
    public static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] buf = new byte[s.length()];
        int n = 0;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0
                    && hex(s.charAt(i + 2)) >= 0) {
                buf[n++] = (byte) ((hex(s.charAt(i + 1)) << 4) | hex(s.charAt(i + 2)));
                i += 3;
            } else {
                if (n > 0) {
                    out.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    n = 0;
                }
                out.append(c);
                i++;
            }
        }
        if (n > 0) {
            out.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    @Override
    public String toString() {
        return template;
    }
}
