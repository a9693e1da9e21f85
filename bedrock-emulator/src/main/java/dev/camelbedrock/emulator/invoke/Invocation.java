package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.FoundationModel;
import dev.camelbedrock.emulator.models.ResolvedModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * One InvokeModel / InvokeModelWithResponseStream request after the checks every family shares: the model id
 * resolves, the content type and accept type are JSON, and the body is a JSON object.
 */
final class Invocation {

    static final String INVALID_MODEL = "The provided model identifier is invalid.";
    static final String BAD_ACCEPT = "The provided Accept Type is invalid or not supported for this model";
    static final String BAD_CONTENT_TYPE = "The provided ContentType is invalid or not supported for this model";
    static final String NO_STREAMING = "The model is unsupported for streaming.";

    final Exchange exchange;
    final boolean stream;
    final ResolvedModel model;
    final JsonNode body;
    final byte[] raw;
    /** The body's {@code amazon-bedrock-guardrailConfig} (taken out of {@link #body}), or null. */
    final JsonNode guardrailConfig;

    private Invocation(Exchange exchange, boolean stream, ResolvedModel model, JsonNode body, byte[] raw) {
        this.exchange = exchange;
        this.stream = stream;
        this.model = model;
        this.guardrailConfig = ((ObjectNode) body).remove(InvokeGuardrails.CONFIG_KEY); // for the guardrail, not the model
        this.body = body;
        this.raw = raw;
    }

    static Invocation open(Exchange ex, boolean stream) {
        EmulatorContext ctx = ex.context();
        ResolvedModel rm = ctx.catalog().resolve(ex.modelId())
                .orElseThrow(() -> ServiceException.validation(INVALID_MODEL));
        FoundationModel fm = rm.model();
        if (fm != null && ctx.requireInferenceProfiles() && !rm.viaProfileOrProvisioned() && !fm.onDemandByBaseId()) {
            throw ServiceException.validation("Invocation of model ID " + fm.modelId()
                    + " with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of "
                    + "an inference profile that contains this model.");
        }
        if (!isJson(ex.header("Content-Type"), false) && !isBinary(ex.header("Content-Type"))) {
            throw ServiceException.validation(BAD_CONTENT_TYPE);
        }
        String accept = stream ? ex.header("X-Amzn-Bedrock-Accept") : ex.header("Accept");
        if (!isJson(accept, true)) {
            throw ServiceException.validation(BAD_ACCEPT);
        }
        byte[] raw = ex.body();
        JsonNode body;
        try {
            body = Json.parse(raw);
        } catch (JsonProcessingException e) {
            throw Bodies.malformed("the body is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw Bodies.malformed("the body could not be read (" + e.getMessage() + ")");
        }
        if (body == null || body.isMissingNode()) {
            throw Bodies.malformed("#: expected type: JSONObject, found: nothing (the body is empty)");
        }
        if (!body.isObject()) {
            throw Bodies.wrongType("#", "JSONObject", body);
        }
        return new Invocation(ex, stream, rm, body, raw);
    }

    /**
     * Whether a Content-Type / Accept header allows JSON. Absent is JSON (the service's default); Accept may be
     * a list of media ranges ({@code * / *} and {@code application/*} match).
     */
    static boolean isJson(String header, boolean range) {
        if (header == null || header.isBlank()) {
            return true;
        }
        for (String part : header.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("application/json") || type.isEmpty()) {
                return true;
            }
            if (range && (type.equals("*/*") || type.equals("application/*"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code application/octet-stream}: what an SDK sends for the blob body when the caller leaves
     * {@code contentType} unset (the JavaScript v3 SDK does); the body must still be JSON.
     */
    static boolean isBinary(String header) {
        return header != null && header.split(";")[0].trim().equalsIgnoreCase("application/octet-stream");
    }

    EmulatorContext context() {
        return exchange.context();
    }

    /** The catalog's base id, or null for an opaque ARN (provisioned model, application inference profile). */
    String baseId() {
        return model.baseId();
    }

    /** What the model calls itself in response bodies: the base id without provider prefix and version suffix. */
    String shortModelName() {
        String id = baseId() != null ? baseId() : model.requested();
        int dot = id.indexOf('.');
        if (dot >= 0 && dot < id.length() - 1 && !id.startsWith("arn:")) {
            id = id.substring(dot + 1);
        }
        return id.replaceFirst("-v\\d+(:\\d+)*$", "").replaceFirst(":\\d+$", "");
    }

    /** A stable pseudo-random id derived from the request id: {@code length} characters of [A-Za-z0-9]. */
    String id(String salt, int length) {
        return token(exchange.requestId() + "/" + salt, length);
    }

    static String token(String seed, int length) {
        final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        byte[] digest = sha256(seed);
        int round = 0;
        while (sb.length() < length) {
            for (byte b : digest) {
                if (sb.length() == length) {
                    break;
                }
                sb.append(alphabet.charAt((b & 0xFF) % alphabet.length()));
            }
            digest = sha256(seed + "#" + (++round));
        }
        return sb.toString();
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
