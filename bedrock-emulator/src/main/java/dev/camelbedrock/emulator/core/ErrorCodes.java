package dev.camelbedrock.emulator.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP status of each Bedrock error code, per service (wire protocol reference, section 1.3).
 * The status of a code depends on the service: {@code ModelNotReadyException} is 429 in bedrock-runtime
 * and 424 in bedrock-agent-runtime, {@code ConflictException} is 400 in runtime and 409 in agent runtime.
 */
public final class ErrorCodes {

    /** The {@code x-amzn-ErrorType} suffix every Bedrock service uses. */
    public static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

    public static final Map<String, Integer> RUNTIME;
    public static final Map<String, Integer> AGENT_RUNTIME;
    public static final Map<String, Integer> CONTROL_PLANE;
    /** bedrock-agent: like the control plane but ConflictException 409 and ServiceQuotaExceededException 402. */
    public static final Map<String, Integer> AGENT;

    static {
        Map<String, Integer> rt = new LinkedHashMap<>();
        rt.put("ValidationException", 400);
        rt.put("ServiceQuotaExceededException", 400);
        rt.put("ConflictException", 400);
        rt.put("AccessDeniedException", 403);
        rt.put("ResourceNotFoundException", 404);
        rt.put("ModelTimeoutException", 408);
        rt.put("ThrottlingException", 429);
        rt.put("ModelNotReadyException", 429);
        rt.put("ModelErrorException", 424);
        rt.put("ModelStreamErrorException", 424);
        rt.put("InternalServerException", 500);
        rt.put("ServiceUnavailableException", 503);
        RUNTIME = Collections.unmodifiableMap(rt);

        Map<String, Integer> ar = new LinkedHashMap<>();
        ar.put("ValidationException", 400);
        ar.put("ServiceQuotaExceededException", 400);
        ar.put("AccessDeniedException", 403);
        ar.put("ResourceNotFoundException", 404);
        ar.put("ConflictException", 409);
        ar.put("ThrottlingException", 429);
        ar.put("DependencyFailedException", 424);
        ar.put("ModelNotReadyException", 424);
        ar.put("InternalServerException", 500);
        ar.put("BadGatewayException", 502);
        AGENT_RUNTIME = Collections.unmodifiableMap(ar);

        Map<String, Integer> cp = new LinkedHashMap<>();
        cp.put("ValidationException", 400);
        cp.put("ConflictException", 400);
        cp.put("ResourceInUseException", 400);
        cp.put("ServiceQuotaExceededException", 400);
        cp.put("TooManyTagsException", 400);
        cp.put("AccessDeniedException", 403);
        cp.put("ResourceNotFoundException", 404);
        cp.put("ThrottlingException", 429);
        cp.put("InternalServerException", 500);
        cp.put("ServiceUnavailableException", 503);
        CONTROL_PLANE = Collections.unmodifiableMap(cp);

        Map<String, Integer> ag = new LinkedHashMap<>(cp);
        ag.put("ConflictException", 409);
        ag.put("ServiceQuotaExceededException", 402);
        AGENT = Collections.unmodifiableMap(ag);
    }

    private ErrorCodes() {
    }

    /** Status of {@code code} in bedrock-runtime, falling back to the other tables, then 400. */
    public static int status(String code) {
        return status(Service.RUNTIME, code);
    }

    public static int status(Service service, String code) {
        Integer s = table(service).get(code);
        if (s == null) {
            s = RUNTIME.get(code);
        }
        if (s == null) {
            s = CONTROL_PLANE.get(code);
        }
        if (s == null) {
            s = AGENT_RUNTIME.get(code);
        }
        return s == null ? 400 : s;
    }

    public static boolean isKnown(String code) {
        return RUNTIME.containsKey(code) || AGENT_RUNTIME.containsKey(code) || CONTROL_PLANE.containsKey(code);
    }

    public static Map<String, Integer> table(Service service) {
        switch (service) {
            case AGENT_RUNTIME:
                return AGENT_RUNTIME;
            case CONTROL_PLANE:
                return CONTROL_PLANE;
            case AGENT:
                return AGENT;
            default:
                return RUNTIME;
        }
    }

    /** {@code ThrottlingException} → {@code throttlingException}: the event-stream exception member name. */
    public static String eventStreamName(String code) {
        if (code == null || code.isEmpty()) {
            return code;
        }
        return Character.toLowerCase(code.charAt(0)) + code.substring(1);
    }

    /** {@code throttlingException} → {@code ThrottlingException}. */
    public static String codeFromEventStreamName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
