package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.PromptCache;
import dev.camelbedrock.emulator.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic, plausible token counts: text is {@code ceil(chars / 4)}; an image is
 * {@code 85 + decodedBytes / 1024}; a document with bytes is {@code ceil(decodedBytes / 4)}, with text
 * {@code ceil(chars / 4)}; anything in S3 is 1000; a video 1000, an audio clip 500. Input counts every text
 * of the tools (name, description, schema JSON), the system prompt and the messages (text, tool-use name and
 * input JSON, tool results). Prompt caching: the prefix up to the last {@code cachePoint} (order: tools,
 * system, messages) is a cache write the first time it is seen and a cache read afterwards.
 */
final class TokenCounter {

    static final class Usage {
        final int inputTokens;
        final int cacheReadTokens;
        final int cacheWriteTokens;
        final boolean cachePointSeen;

        Usage(int inputTokens, int cacheReadTokens, int cacheWriteTokens, boolean cachePointSeen) {
            this.inputTokens = inputTokens;
            this.cacheReadTokens = cacheReadTokens;
            this.cacheWriteTokens = cacheWriteTokens;
            this.cachePointSeen = cachePointSeen;
        }

        int totalInput() {
            return inputTokens + cacheReadTokens + cacheWriteTokens;
        }
    }

    private long chars;
    private long fixedTokens;
    private long prefixChars = -1;
    private long prefixFixed;
    private final StringBuilder prefixKey = new StringBuilder();
    private final StringBuilder runningKey = new StringBuilder();

    private TokenCounter() {
    }

    static int textTokens(String s) {
        return (int) Math.max(1, (s.length() + 3L) / 4);
    }

    static int ceilDiv4(long chars) {
        return (int) ((chars + 3) / 4);
    }

    /** Input usage of a Converse-shaped request; {@code cache} null means "count only" (no cache split). */
    static Usage input(JsonNode root, String modelKey, PromptCache cache) {
        TokenCounter c = new TokenCounter();
        JsonNode tc = root.get("toolConfig");
        if (Json.isPresent(tc)) {
            for (JsonNode t : tc.path("tools")) {
                if (t.has("cachePoint")) {
                    c.cachePoint();
                } else {
                    JsonNode spec = t.has("toolSpec") ? t.get("toolSpec") : t.path("systemTool");
                    c.text(spec.path("name").asText());
                    c.text(spec.path("description").asText(""));
                    JsonNode schema = spec.path("inputSchema").path("json");
                    if (!schema.isMissingNode()) {
                        c.text(Json.string(schema));
                    }
                    c.key(t);
                }
            }
        }
        JsonNode system = root.get("system");
        if (system != null && system.isArray()) {
            for (JsonNode b : system) {
                if (b.has("cachePoint")) {
                    c.cachePoint();
                } else {
                    c.block(b);
                    c.key(b);
                }
            }
        }
        JsonNode messages = root.get("messages");
        if (messages != null && messages.isArray()) {
            for (JsonNode m : messages) {
                c.runningKey.append('|').append(m.path("role").asText()).append(':');
                for (JsonNode b : m.path("content")) {
                    if (b.has("cachePoint")) {
                        c.cachePoint();
                    } else {
                        c.block(b);
                        c.key(b);
                    }
                }
            }
        }
        int total = Math.max(1, ceilDiv4(c.chars) + (int) c.fixedTokens);
        if (c.prefixChars < 0 || cache == null) {
            return new Usage(total, 0, 0, c.prefixChars >= 0);
        }
        int prefix = Math.min(total, ceilDiv4(c.prefixChars) + (int) c.prefixFixed);
        boolean read = cache.readOrWrite(sha256(modelKey + "\n" + c.prefixKey));
        int rest = total - prefix;
        return read ? new Usage(rest, prefix, 0, true) : new Usage(rest, 0, prefix, true);
    }

    private void cachePoint() {
        prefixChars = chars;
        prefixFixed = fixedTokens;
        prefixKey.setLength(0);
        prefixKey.append(runningKey);
    }

    private void key(JsonNode n) {
        runningKey.append(Json.string(n));
    }

    private void text(String s) {
        chars += s.length();
    }

    private void block(JsonNode b) {
        if (b.has("text")) {
            text(b.get("text").asText());
        } else if (b.has("image")) {
            image(b.get("image"));
        } else if (b.has("document")) {
            document(b.get("document"));
        } else if (b.has("video")) {
            fixedTokens += 1000;
        } else if (b.has("audio")) {
            fixedTokens += 500;
        } else if (b.has("toolUse")) {
            JsonNode tu = b.get("toolUse");
            text(tu.path("name").asText());
            text(Json.string(tu.path("input")));
        } else if (b.has("toolResult")) {
            for (JsonNode c : b.get("toolResult").path("content")) {
                if (c.has("text")) {
                    text(c.get("text").asText());
                } else if (c.has("json")) {
                    text(Json.string(c.get("json")));
                } else if (c.has("image")) {
                    image(c.get("image"));
                } else if (c.has("document")) {
                    document(c.get("document"));
                }
            }
        } else if (b.has("guardContent")) {
            JsonNode g = b.get("guardContent");
            if (g.has("text")) {
                text(g.get("text").path("text").asText());
            } else {
                image(g.path("image"));
            }
        } else if (b.has("reasoningContent")) {
            text(b.get("reasoningContent").path("reasoningText").path("text").asText(""));
        } else if (b.has("searchResult")) {
            for (JsonNode c : b.get("searchResult").path("content")) {
                text(c.path("text").asText(""));
            }
        }
    }

    private void image(JsonNode image) {
        JsonNode src = image.path("source");
        if (src.has("bytes")) {
            fixedTokens += 85 + decodedLength(src.get("bytes").asText()) / 1024;
        } else {
            fixedTokens += 1000;
        }
    }

    private void document(JsonNode doc) {
        JsonNode src = doc.path("source");
        if (src.has("bytes")) {
            fixedTokens += ceilDiv4(decodedLength(src.get("bytes").asText()));
        } else if (src.has("text")) {
            text(src.get("text").asText());
        } else if (src.has("content")) {
            for (JsonNode c : src.get("content")) {
                text(c.path("text").asText(""));
            }
        } else {
            fixedTokens += 1000;
        }
    }

    private static long decodedLength(String b64) {
        int pad = 0;
        if (b64.endsWith("==")) {
            pad = 2;
        } else if (b64.endsWith("=")) {
            pad = 1;
        }
        return Math.max(0, (long) b64.length() * 3 / 4 - pad);
    }

    private static final Set<String> NON_CONTENT_KEYS = Set.of("anthropic_version", "type", "role", "media_type",
            "format", "schemaVersion", "anthropic_beta", "stop_reason", "id", "tool_use_id", "tool_call_id",
            "input_type", "truncate", "embedding_types", "response_format");
    private static final Set<String> BINARY_KEYS = Set.of("data", "bytes", "inputImage", "images", "image");

    /** Tokens of a native InvokeModel body: every content string leaf (see README), images as above. */
    static int nativeBody(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (Exception e) {
            return Math.max(1, ceilDiv4(body.length));
        }
        TokenCounter c = new TokenCounter();
        c.leaves(root, null);
        return Math.max(1, ceilDiv4(c.chars) + (int) c.fixedTokens);
    }

    private void leaves(JsonNode n, String key) {
        if (n.isTextual()) {
            if (key != null && BINARY_KEYS.contains(key)) {
                fixedTokens += 85 + decodedLength(n.asText()) / 1024;
            } else if (key == null || !NON_CONTENT_KEYS.contains(key)) {
                text(n.asText());
            }
        } else if (n.isArray()) {
            for (JsonNode x : n) {
                leaves(x, key);
            }
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), e.getKey());
            }
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decodeBase64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
