package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.json.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** One Bedrock API request as it reached the emulator (from the bounded request log). */
public final class RecordedRequest {

    private final Instant time;
    private final String requestId;
    private final String operation;
    private final String modelId;
    private final String method;
    private final String path;
    private final String protocol;
    private final Map<String, String> headers;
    private final String body;
    private volatile JsonNode json;

    public RecordedRequest(Instant time, String requestId, String operation, String modelId, String method,
                           String path, String protocol, Map<String, String> headers, String body) {
        this.time = time;
        this.requestId = requestId;
        this.operation = operation;
        this.modelId = modelId;
        this.method = method;
        this.path = path;
        this.protocol = protocol;
        this.headers = Map.copyOf(headers);
        this.body = body;
    }

    public Instant time() {
        return time;
    }

    /** The {@code x-amzn-RequestId} the emulator answered with. */
    public String requestId() {
        return requestId;
    }

    public String operation() {
        return operation;
    }

    /** The model id from the path, percent-decoded, as the client sent it; null for operations without one. */
    public String modelId() {
        return modelId;
    }

    public String method() {
        return method;
    }

    /** The raw request path (still percent-encoded), without the query string. */
    public String path() {
        return path;
    }

    /** {@code HTTP/2} or {@code HTTP/1.1} (or {@code HTTP/1.0}). */
    public String protocol() {
        return protocol;
    }

    /** Request headers, names in lower case. */
    public Map<String, String> headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The request body as UTF-8 text (empty for GET/DELETE). */
    public String body() {
        return body;
    }

    /** The body parsed as JSON, or {@code null} if it is empty or not JSON. */
    public JsonNode json() {
        JsonNode j = json;
        if (j == null && body != null && !body.isEmpty()) {
            try {
                j = Json.parse(body);
                json = j;
            } catch (IOException e) {
                return null;
            }
        }
        return j;
    }

    @Override
    public String toString() {
        return operation + " " + modelId + " " + body;
    }
}
