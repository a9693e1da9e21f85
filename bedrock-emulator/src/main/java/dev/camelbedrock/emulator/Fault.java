package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ErrorCodes;
import dev.camelbedrock.emulator.json.Json;

import java.util.Objects;

/**
 * An injected fault. Two kinds:
 * <ul>
 *   <li>{@link #error(String)}: the next {@link #times(int) N} matching requests answer with that error
 *   (status from the bedrock-runtime table unless {@link #status(int)} is set) instead of being handled;</li>
 *   <li>{@link #streamException(String)}: the next N matching streaming requests start normally and then,
 *   after {@link #afterEvents(int)} events, send an exception frame ({@code :message-type=exception}) and
 *   end the stream.</li>
 * </ul>
 * A fault matches an operation name ({@code Converse}, {@code ConverseStream}, ...; {@code null} = any) and
 * optionally a model id (as requested, or its resolved base id). Immutable; every method returns a copy.
 */
public final class Fault {

    /** {@link #times(int)} value meaning "until cleared". */
    public static final int ALWAYS = Integer.MAX_VALUE;

    private final String operation;
    private final String modelId;
    private final String errorCode;
    private final Integer status;
    private final String message;
    private final int times;
    private final String streamException;
    private final int afterEvents;
    private final Integer originalStatusCode;
    private final String originalMessage;

    private Fault(String operation, String modelId, String errorCode, Integer status, String message, int times,
                  String streamException, int afterEvents, Integer originalStatusCode, String originalMessage) {
        this.operation = operation;
        this.modelId = modelId;
        this.errorCode = errorCode;
        this.status = status;
        this.message = message;
        this.times = times;
        this.streamException = streamException;
        this.afterEvents = afterEvents;
        this.originalStatusCode = originalStatusCode;
        this.originalMessage = originalMessage;
    }

    /** The next request(s) answer with this error code, e.g. {@code ThrottlingException}. */
    public static Fault error(String errorCode) {
        return new Fault(null, null, Objects.requireNonNull(errorCode), null, null, 1, null, 0, null, null);
    }

    /**
     * The next streaming request(s) send this exception frame after {@link #afterEvents(int)} events. The
     * type is the event-stream member name ({@code modelStreamErrorException}, {@code throttlingException},
     * {@code internalServerException}, {@code serviceUnavailableException}, {@code validationException},
     * ...); an upper-camel code such as {@code ThrottlingException} is accepted and converted.
     */
    public static Fault streamException(String exceptionType) {
        return new Fault(null, null, null, null, null, 1, ErrorCodes.eventStreamName(Objects.requireNonNull(exceptionType)),
                1, null, null);
    }

    public Fault forOperation(String operation) {
        return new Fault(operation, modelId, errorCode, status, message, times, streamException, afterEvents,
                originalStatusCode, originalMessage);
    }

    public Fault forModel(String modelId) {
        return new Fault(operation, modelId, errorCode, status, message, times, streamException, afterEvents,
                originalStatusCode, originalMessage);
    }

    public Fault message(String message) {
        return new Fault(operation, modelId, errorCode, status, message, times, streamException, afterEvents,
                originalStatusCode, originalMessage);
    }

    public Fault status(int status) {
        return new Fault(operation, modelId, errorCode, status, message, times, streamException, afterEvents,
                originalStatusCode, originalMessage);
    }

    /** How many matching requests the fault applies to (default 1; {@link #ALWAYS} until cleared). */
    public Fault times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
        return new Fault(operation, modelId, errorCode, status, message, times, streamException, afterEvents,
                originalStatusCode, originalMessage);
    }

    /** Stream faults: number of events sent before the exception frame (default 1). */
    public Fault afterEvents(int events) {
        if (events < 0) {
            throw new IllegalArgumentException("afterEvents must be >= 0");
        }
        return new Fault(operation, modelId, errorCode, status, message, times, streamException, events,
                originalStatusCode, originalMessage);
    }

    /** {@code modelStreamErrorException}: the {@code originalStatusCode} field (100-599). */
    public Fault originalStatusCode(int code) {
        return new Fault(operation, modelId, errorCode, status, message, times, streamException, afterEvents, code,
                originalMessage);
    }

    /** {@code modelStreamErrorException}: the {@code originalMessage} field. */
    public Fault originalMessage(String originalMessage) {
        return new Fault(operation, modelId, errorCode, status, message, times, streamException, afterEvents,
                originalStatusCode, originalMessage);
    }

    public boolean isStreamFault() {
        return streamException != null;
    }

    public String operation() {
        return operation;
    }

    public String modelId() {
        return modelId;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The explicit status, or null (then the status comes from the operation's service table). */
    public Integer status() {
        return status;
    }

    /** The HTTP status an error fault answers with in bedrock-runtime. */
    public int effectiveStatus() {
        return status != null ? status : ErrorCodes.status(errorCode);
    }

    public String message() {
        return message;
    }

    public int times() {
        return times;
    }

    public String streamExceptionType() {
        return streamException;
    }

    public int afterEvents() {
        return afterEvents;
    }

    public Integer originalStatusCode() {
        return originalStatusCode;
    }

    public String originalMessage() {
        return originalMessage;
    }

    /** The default message when none was given. */
    public String effectiveMessage() {
        if (message != null) {
            return message;
        }
        String code = errorCode != null ? errorCode : ErrorCodes.codeFromEventStreamName(streamException);
        switch (code) {
            case "ThrottlingException":
                return "Too many requests, please wait before trying again.";
            case "ModelStreamErrorException":
                return "Model stream error (injected by the emulator).";
            case "ServiceUnavailableException":
                return "Service unavailable (injected by the emulator).";
            case "InternalServerException":
                return "Internal server error (injected by the emulator).";
            case "ModelTimeoutException":
                return "Model timed out (injected by the emulator).";
            case "ModelNotReadyException":
                return "Model is not ready (injected by the emulator).";
            case "AccessDeniedException":
                return "You don't have access to the model with the specified model ID.";
            default:
                return code + " (injected by the emulator)";
        }
    }

    /** Reads a fault from its JSON form (see README: {@code POST /_emulator/faults}). */
    public static Fault fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("A fault must be a JSON object");
        }
        Fault f;
        if (Json.isPresent(n.get("streamException"))) {
            f = streamException(n.get("streamException").asText());
            if (n.hasNonNull("afterEvents")) {
                f = f.afterEvents(n.get("afterEvents").asInt());
            }
            if (n.hasNonNull("originalStatusCode")) {
                f = f.originalStatusCode(n.get("originalStatusCode").asInt());
            }
            if (n.hasNonNull("originalMessage")) {
                f = f.originalMessage(n.get("originalMessage").asText());
            }
        } else {
            String code = Json.text(n, "errorCode");
            if (code == null) {
                throw new IllegalArgumentException("A fault needs 'errorCode' or 'streamException'");
            }
            f = error(code);
            if (n.hasNonNull("status")) {
                f = f.status(n.get("status").asInt());
            }
        }
        if (n.hasNonNull("operation")) {
            f = f.forOperation(n.get("operation").asText());
        }
        if (n.hasNonNull("modelId")) {
            f = f.forModel(n.get("modelId").asText());
        }
        if (n.hasNonNull("message")) {
            f = f.message(n.get("message").asText());
        }
        if (n.hasNonNull("times")) {
            int t = n.get("times").asInt();
            f = f.times(t <= 0 ? ALWAYS : t);
        }
        return f;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        if (operation != null) {
            n.put("operation", operation);
        }
        if (modelId != null) {
            n.put("modelId", modelId);
        }
        if (errorCode != null) {
            n.put("errorCode", errorCode);
            n.put("status", effectiveStatus());
        }
        if (streamException != null) {
            n.put("streamException", streamException);
            n.put("afterEvents", afterEvents);
            if (originalStatusCode != null) {
                n.put("originalStatusCode", originalStatusCode);
            }
            if (originalMessage != null) {
                n.put("originalMessage", originalMessage);
            }
        }
        if (message != null) {
            n.put("message", message);
        }
        n.put("times", times == ALWAYS ? -1 : times);
        return n;
    }

    @Override
    public String toString() {
        return "Fault" + toJson();
    }
}
