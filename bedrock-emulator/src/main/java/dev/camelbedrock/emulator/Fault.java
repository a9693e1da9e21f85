package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ErrorCodes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An injected fault: what happens to a matching request instead of (or on top of) its normal answer.
 * <ul>
 *   <li>{@link #error(String)}: the error in the service's shape (status from the operation's service table unless
 *   {@link #status(int)} is set), before any handling;</li>
 *   <li>{@link #streamException(String)}: a streaming request starts normally and, after
 *   {@link #afterEvents(int)} events, gets an exception frame ({@code :message-type=exception}) and the end;</li>
 *   <li>{@link #reset()}: no answer at all: HTTP/2 resets the request's stream (RST_STREAM INTERNAL_ERROR),
 *   HTTP/1.1 closes the connection with a TCP reset ({@link #closeConnection(boolean)}: HTTP/2 too);</li>
 *   <li>{@link #delay(Duration)}: the normal answer, after that much more time (longer than a client's timeout);</li>
 *   <li>{@link #cut()}: a stream that stops after {@link #afterEvents(int)} events without an exception frame and
 *   without its end (HTTP/2 RST_STREAM, HTTP/1.1 connection reset);</li>
 *   <li>{@link #malformed()}: 200 with a body that is not JSON ({@link #MALFORMED_BODY}); on a stream, after
 *   {@link #afterEvents(int)} events, a frame whose message CRC is wrong, then the end;</li>
 *   <li>{@link #oneOf(List)}: one of several kinds, picked at random per request.</li>
 * </ul>
 * A fault matches an operation name ({@code Converse}, {@code InvokeModel}, ...; {@code null} = any), optionally a
 * model ({@link #forModel(String)}: the id as requested or its base id; {@link #forModelMatching(String)}: a regex
 * found in either), applies {@link #times(int)} times, and with {@link #probability(double)} < 1 only to that share
 * of the matching requests, decided by a {@link java.util.Random} seeded with {@link #seed(long)} (default 0), so
 * the n-th matching request always gets the same decision. Immutable; every method returns a copy.
 */
public final class Fault implements Cloneable {

    /** {@link #times(int)} value meaning "until cleared". */
    public static final int ALWAYS = Integer.MAX_VALUE;

    /** The body of a non-streaming {@link #malformed()} answer: JSON cut off in the middle. */
    public static final byte[] MALFORMED_BODY =
            "{\"message\":\"malformed response injected by the emulator\",\"output\":{\"mess".getBytes(StandardCharsets.UTF_8);

    /** What a fault does. */
    public enum Kind {
        ERROR, STREAM_EXCEPTION, RESET, DELAY, CUT, MALFORMED;

        /** The JSON name: {@code error}, {@code streamException}, {@code reset}, {@code delay}, {@code cut}, {@code malformed}. */
        public String jsonName() {
            return this == STREAM_EXCEPTION ? "streamException" : name().toLowerCase(Locale.ROOT);
        }

        /** Stream exceptions and cuts need an event stream; the others apply to any request. */
        public boolean streamOnly() {
            return this == STREAM_EXCEPTION || this == CUT;
        }
    }

    private Kind kind;
    private String operation;
    private String modelId;
    private Pattern modelPattern;
    private String errorCode;
    private Integer status;
    private String message;
    private int times = 1;
    private String streamException;
    private int afterEvents = 1;
    private Integer originalStatusCode;
    private String originalMessage;
    private long delayMs;
    private boolean closeConnection;
    private double probability = 1.0;
    private long seed;
    private List<Fault> alternatives = List.of();

    private Fault(Kind kind) {
        this.kind = kind;
    }

    /** The next request(s) answer with this error code, e.g. {@code ThrottlingException}. */
    public static Fault error(String errorCode) {
        Fault f = new Fault(Kind.ERROR);
        f.errorCode = Objects.requireNonNull(errorCode);
        return f;
    }

    /**
     * The next streaming request(s) send this exception frame after {@link #afterEvents(int)} events. The type is
     * the event-stream member name ({@code modelStreamErrorException}, {@code throttlingException},
     * {@code internalServerException}, {@code serviceUnavailableException}, {@code validationException},
     * {@code modelTimeoutException}, ...); an upper-camel code such as {@code ThrottlingException} is converted.
     */
    public static Fault streamException(String exceptionType) {
        Fault f = new Fault(Kind.STREAM_EXCEPTION);
        f.streamException = ErrorCodes.eventStreamName(Objects.requireNonNull(exceptionType));
        return f;
    }

    /** No answer: the HTTP/2 stream is reset, an HTTP/1.1 connection is closed (TCP reset). */
    public static Fault reset() {
        return new Fault(Kind.RESET);
    }

    /** The normal answer, {@code delay} later (on top of the configured latency). */
    public static Fault delay(Duration delay) {
        Fault f = new Fault(Kind.DELAY);
        f.delayMs = checkDelay(delay.toMillis());
        return f;
    }

    /** A stream that stops after {@link #afterEvents(int)} events (default 1) with no exception frame and no end. */
    public static Fault cut() {
        return new Fault(Kind.CUT);
    }

    /** 200 with a body that is not JSON; on a stream, a frame with a bad CRC after {@link #afterEvents(int)} events. */
    public static Fault malformed() {
        return new Fault(Kind.MALFORMED);
    }

    /**
     * A fault of one kind named by a word: {@code reset}, {@code delay} (then set {@link #delayMs(long)}), {@code cut},
     * {@code malformed}, an upper-camel error code ({@code ThrottlingException}: an {@link #error(String)}) or a
     * lower-camel event-stream exception ({@code throttlingException}: a {@link #streamException(String)}).
     */
    public static Fault of(String kind) {
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("A fault kind must not be empty");
        }
        switch (kind) {
            case "reset":
                return reset();
            case "delay":
                return new Fault(Kind.DELAY);
            case "cut":
                return cut();
            case "malformed":
                return malformed();
            case "error":
            case "streamException":
                throw new IllegalArgumentException("Kind '" + kind + "' needs its code: give '"
                        + (kind.equals("error") ? "errorCode" : "streamException") + "' or name the code as the kind");
            default:
                if (!kind.endsWith("Exception")) {
                    throw new IllegalArgumentException("Unknown fault kind '" + kind + "': reset, delay, cut, malformed, "
                            + "an error code (ThrottlingException) or a stream exception (throttlingException)");
                }
                return Character.isUpperCase(kind.charAt(0)) ? error(kind) : streamException(kind);
        }
    }

    /** Each matching request gets one of {@code kinds}, picked at random (among those that fit the request). */
    public static Fault oneOf(List<Fault> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one kind");
        }
        Fault f = new Fault(null);
        f.alternatives = List.copyOf(kinds);
        return f;
    }

    public static Fault oneOf(Fault... kinds) {
        return oneOf(List.of(kinds));
    }

    private Fault copy() {
        try {
            return (Fault) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy with one change. */
    private Fault with(java.util.function.Consumer<Fault> change) {
        Fault f = copy();
        change.accept(f);
        return f;
    }

    public Fault forOperation(String operation) {
        return with(f -> f.operation = operation);
    }

    /** Only requests for this model: the id as requested, or its resolved base id. */
    public Fault forModel(String modelId) {
        return with(f -> f.modelId = modelId);
    }

    /** Only requests whose model id as requested, or its base id, contains a match of {@code regex}. */
    public Fault forModelMatching(String regex) {
        return with(f -> f.modelPattern = regex == null ? null : Pattern.compile(regex));
    }

    public Fault message(String message) {
        return with(f -> f.message = message);
    }

    public Fault status(int status) {
        return with(f -> f.status = status);
    }

    /** How many matching requests the fault applies to (default 1; {@link #ALWAYS} until cleared). */
    public Fault times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
        return with(f -> f.times = times);
    }

    /** Stream faults: number of events sent before the fault (default 1; the end of a shorter stream). */
    public Fault afterEvents(int events) {
        if (events < 0) {
            throw new IllegalArgumentException("afterEvents must be >= 0");
        }
        return with(f -> f.afterEvents = events);
    }

    /** {@code modelStreamErrorException} / {@code ModelErrorException}: the {@code originalStatusCode} field. */
    public Fault originalStatusCode(int code) {
        return with(f -> f.originalStatusCode = code);
    }

    /** {@code modelStreamErrorException}: the {@code originalMessage} field. */
    public Fault originalMessage(String originalMessage) {
        return with(f -> f.originalMessage = originalMessage);
    }

    /** {@link Kind#DELAY}: the extra time before the answer. */
    public Fault delayMs(long ms) {
        return with(f -> f.delayMs = checkDelay(ms));
    }

    /**
     * {@link Kind#RESET} and {@link Kind#CUT} on HTTP/2: close the whole connection (TCP reset, every stream on it
     * fails) instead of resetting only the request's stream. HTTP/1.1 always closes the connection.
     */
    public Fault closeConnection(boolean close) {
        return with(f -> f.closeConnection = close);
    }

    /**
     * The share (0–1) of matching requests the fault applies to (default 1). With a probability below 1 and no
     * explicit {@link #times(int)}, set {@code times(ALWAYS)} to keep it for every request.
     */
    public Fault probability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        return with(f -> f.probability = probability);
    }

    /** Seed of the fault's random decisions (probability and {@link #oneOf(List)} picks); default 0. */
    public Fault seed(long seed) {
        return with(f -> f.seed = seed);
    }

    private static long checkDelay(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("delayMs must be >= 0");
        }
        return ms;
    }

    /** The kind, or {@code null} for a {@link #oneOf(List)} fault (see {@link #alternatives()}). */
    public Kind kind() {
        return kind;
    }

    /** Whether this fault can apply to a request ({@code streaming}: its answer is an event stream). */
    public boolean fits(boolean streaming) {
        if (kind == null) {
            return alternatives.stream().anyMatch(a -> a.fits(streaming));
        }
        return streaming || !kind.streamOnly();
    }

    /**
     * True for the stream-only kinds (exception frame, cut), played inside an event stream; a malformed fault is
     * played there too when the request streams.
     */
    public boolean isStreamFault() {
        return kind != null && kind.streamOnly();
    }

    /** Whether a request for {@code requested} (resolved to {@code baseId}, may be null) is targeted. */
    public boolean matchesModel(String requested, String baseId) {
        if (modelId != null && !(modelId.equals(requested) || modelId.equals(baseId))) {
            return false;
        }
        return modelPattern == null || found(requested) || found(baseId);
    }

    private boolean found(String id) {
        return id != null && modelPattern.matcher(id).find();
    }

    /** What the stats count: the error code, the stream exception name, or the kind ({@code reset}, ...). */
    public String label() {
        if (kind == Kind.ERROR) {
            return errorCode;
        }
        return kind == Kind.STREAM_EXCEPTION ? streamException : kind == null ? "oneOf" : kind.jsonName();
    }

    /** The concrete fault a request gets from a {@link #oneOf(List)} pick: the alternative, with this one's targets. */
    Fault resolve(Fault alternative) {
        Fault f = alternative.copy();
        f.operation = operation;
        f.modelId = modelId;
        f.modelPattern = modelPattern;
        return f;
    }

    public String operation() {
        return operation;
    }

    public String modelId() {
        return modelId;
    }

    /** The model regex, or null. */
    public String modelPattern() {
        return modelPattern == null ? null : modelPattern.pattern();
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

    public long delayMs() {
        return delayMs;
    }

    public boolean closeConnection() {
        return closeConnection;
    }

    public double probability() {
        return probability;
    }

    public long seed() {
        return seed;
    }

    /** The kinds of a {@link #oneOf(List)} fault (empty for the others). */
    public List<Fault> alternatives() {
        return alternatives;
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

    /** Reads a fault from its JSON form (README: "Faults"); a bare string is a kind word ({@link #of(String)}). */
    public static Fault fromJson(JsonNode n) {
        return FaultJson.read(n);
    }

    /** The JSON form {@link #fromJson(JsonNode)} reads. */
    public ObjectNode toJson() {
        return FaultJson.write(this);
    }

    @Override
    public String toString() {
        return "Fault" + toJson();
    }
}
