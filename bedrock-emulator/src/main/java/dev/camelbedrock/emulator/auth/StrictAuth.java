package dev.camelbedrock.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emulator's strict mode: when {@link #enabled()}, every request except the admin API's must carry a valid
 * SigV4 signature made with one of the configured access keys (session tokens are accepted as they come), or an
 * {@code Authorization: Bearer} key from the configured API keys; {@link SigV4Verifier} decides and names the
 * service's error. Off by default. Thread-safe: the settings are swapped as one immutable state.
 */
public final class StrictAuth {

    /** The {@code x-amzn-ErrorType} namespace of the authentication errors of AWS's front end. */
    public static final String CORAL_SERVICE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.coral.service/";

    private record State(boolean enabled, Map<String, String> credentials, Set<String> apiKeys) {
        State {
            credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials)); // keeps the order given
            apiKeys = Set.copyOf(apiKeys);
        }
    }

    private volatile State state = new State(false, Map.of(), Set.of());
    private volatile State initial = state;

    /** Whether requests are verified. */
    public boolean enabled() {
        return state.enabled;
    }

    /** Turns verification on or off (the configured keys stay). */
    public synchronized StrictAuth enabled(boolean enabled) {
        State s = state;
        state = new State(enabled, s.credentials, s.apiKeys);
        return this;
    }

    /** Accepts SigV4 signatures made with this key pair and turns strict mode on. */
    public synchronized StrictAuth credentials(String accessKeyId, String secretKey) {
        if (accessKeyId == null || accessKeyId.isEmpty() || secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("strict auth needs a non-empty access key id and secret key");
        }
        State s = state;
        Map<String, String> c = new LinkedHashMap<>(s.credentials);
        c.put(accessKeyId, secretKey);
        state = new State(true, c, s.apiKeys);
        return this;
    }

    /** Accepts {@code Authorization: Bearer <key>} with this key and turns strict mode on. */
    public synchronized StrictAuth apiKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
        State s = state;
        Set<String> k = new LinkedHashSet<>(s.apiKeys);
        k.add(key);
        state = new State(true, s.credentials, k);
        return this;
    }

    /** The access key ids accepted (never the secrets). */
    public List<String> accessKeyIds() {
        return List.copyOf(state.credentials.keySet());
    }

    /** How many API keys are accepted. */
    public int apiKeyCount() {
        return state.apiKeys.size();
    }

    /** A new instance with these settings, which its {@link #reset()} restores (an emulator's, from its builder's). */
    public synchronized StrictAuth copy() {
        StrictAuth c = new StrictAuth();
        c.state = state;
        c.initial = state;
        return c;
    }

    /** Back to the settings the emulator was built with. */
    public synchronized void reset() {
        state = initial;
    }

    /**
     * Applies a JSON setting (config file key or admin API {@code strictAuth}): {@code true}/{@code false} turns it
     * on or off; an object {@code {"enabled":true,"credentials":{"AKID":"secret"},"apiKeys":["key"]}} replaces the
     * lists it names and sets {@code enabled} (default true).
     */
    public synchronized StrictAuth apply(JsonNode setting) {
        if (setting == null || setting.isNull()) {
            return this;
        }
        if (setting.isBoolean()) {
            return enabled(setting.asBoolean());
        }
        if (!setting.isObject()) {
            throw new IllegalArgumentException("'strictAuth' must be true, false or an object with 'credentials' and 'apiKeys'");
        }
        State s = state;
        Map<String, String> credentials = s.credentials;
        Set<String> apiKeys = s.apiKeys;
        JsonNode c = setting.get("credentials");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw new IllegalArgumentException("'strictAuth.credentials' must be an object of access key id to secret key");
            }
            credentials = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual() || e.getValue().asText().isEmpty() || e.getKey().isEmpty()) {
                    throw new IllegalArgumentException("'strictAuth.credentials': each access key id needs a secret key string");
                }
                credentials.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode k = setting.get("apiKeys");
        if (k != null && !k.isNull()) {
            if (!k.isArray()) {
                throw new IllegalArgumentException("'strictAuth.apiKeys' must be an array of strings");
            }
            apiKeys = new LinkedHashSet<>();
            for (JsonNode key : k) {
                if (!key.isTextual() || key.asText().isBlank()) {
                    throw new IllegalArgumentException("'strictAuth.apiKeys' must be an array of non-blank strings");
                }
                apiKeys.add(key.asText());
            }
        }
        state = new State(setting.path("enabled").asBoolean(true), credentials, apiKeys);
        return this;
    }

    /** {@code {"enabled","accessKeyIds":[…],"apiKeys":N}}: never a secret or a key. */
    public ObjectNode toJson() {
        State s = state;
        ObjectNode n = Json.object();
        n.put("enabled", s.enabled);
        ArrayNode ids = n.putArray("accessKeyIds");
        s.credentials.keySet().forEach(ids::add);
        n.put("apiKeys", s.apiKeys.size());
        return n;
    }

    /**
     * Verifies one request (raw path and raw query exactly as received; for HTTP/2 the {@code Host} header is the
     * {@code :authority} pseudo-header, which Netty's HTTP/2-to-HTTP/1 conversion renames).
     *
     * @return null when it may pass, else the service's answer
     */
    public SigV4Verifier.Failure verify(String method, String rawPath, String rawQuery,
                                        Iterable<Map.Entry<String, String>> headers, byte[] body) {
        State s = state;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : headers) {
            h.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(e.getValue());
        }
        return new SigV4Verifier(s.credentials::get, s.apiKeys::contains)
                .verify(method, rawPath, rawQuery, h, body, Instant.now());
    }

    /** {@code x-amzn-ErrorType} of a failure: Bedrock's namespace for AccessDenied, the front end's for the others. */
    public static String errorType(SigV4Verifier.Failure failure) {
        return failure.code() + ("AccessDeniedException".equals(failure.code())
                ? dev.camelbedrock.emulator.core.ErrorCodes.ERROR_TYPE_SUFFIX : CORAL_SERVICE_SUFFIX);
    }

    /** {@code ACCESS_KEY:SECRET} of the command line. */
    public static String[] keyPair(String arg) {
        int colon = arg == null ? -1 : arg.indexOf(':');
        if (colon <= 0 || colon == arg.length() - 1) {
            throw new IllegalArgumentException("--strict-auth expects ACCESS_KEY:SECRET");
        }
        return new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
    }
}
