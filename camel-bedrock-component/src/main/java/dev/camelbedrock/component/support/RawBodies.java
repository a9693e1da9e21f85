package dev.camelbedrock.component.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.error.BedrockInputException;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Native (raw) InvokeModel bodies: which message bodies are one, and their bytes. Used by invokeModel,
 * invokeModelStream and countTokens.
 */
public final class RawBodies {

    /** InvokeModel's limit on a request body. */
    public static final int MAX_BODY_BYTES = 25_000_000;

    public static final String ACCEPTED = "a JSON String, byte[], InputStream, Map or Jackson JsonNode";

    private RawBodies() {
    }

    /**
     * Whether {@code invokeBodyFormat=auto} sends the body as it is: a Map, JsonNode, byte[], InputStream or SdkBytes,
     * or a String whose first non-blank character is '{' and which parses as a JSON object.
     */
    public static boolean looksRaw(Object body) {
        if (body instanceof Map<?, ?> || body instanceof JsonNode || body instanceof byte[] || body instanceof InputStream
            || body instanceof SdkBytes) {
            return true;
        }
        if (body instanceof String s && s.stripLeading().startsWith("{")) {
            try {
                return JsonDocuments.parse(s).isObject();
            } catch (IOException notJson) {
                return false;
            }
        }
        return false;
    }

    /** The bytes of a raw body, read as they are (a String as UTF-8, a Map or JsonNode as JSON). */
    public static SdkBytes toBytes(Object body, String operation, String modelId) {
        SdkBytes bytes;
        if (body instanceof String s) {
            bytes = SdkBytes.fromString(s, StandardCharsets.UTF_8);
        } else if (body instanceof byte[] b) {
            bytes = SdkBytes.fromByteArray(b);
        } else if (body instanceof SdkBytes b) {
            bytes = b;
        } else if (body instanceof InputStream in) {
            try {
                bytes = SdkBytes.fromByteArrayUnsafe(in.readNBytes(MAX_BODY_BYTES + 1));
            } catch (IOException e) {
                throw new BedrockInputException(operation, modelId, "the body InputStream cannot be read: " + e.getMessage(), e);
            }
        } else if (body instanceof Map<?, ?> || body instanceof JsonNode) {
            try {
                bytes = SdkBytes.fromByteArrayUnsafe(JsonDocuments.MAPPER.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new BedrockInputException(operation, modelId, "the body " + body.getClass().getName()
                        + " cannot be written as JSON: " + e.getMessage(), e);
            }
        } else {
            throw new BedrockInputException(operation, modelId, "the body is a " + (body == null ? "null" : body.getClass().getName())
                    + ", which is not a native request body; accepted: " + ACCEPTED);
        }
        if (bytes.asByteArrayUnsafe().length == 0) {
            throw new BedrockInputException(operation, modelId, "the native request body is empty");
        }
        if (bytes.asByteArrayUnsafe().length > MAX_BODY_BYTES) {
            throw new BedrockInputException(operation, modelId, "the native request body has more than " + MAX_BODY_BYTES
                    + " bytes, InvokeModel's limit");
        }
        return bytes;
    }
}
