package dev.camelbedrock.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

/**
 * An error answered in the service's shape: the status, {@code x-amzn-ErrorType: <code>:http://internal...},
 * and a JSON body {@code {"message":"..."}} plus any extra fields (e.g. {@code originalStatusCode}).
 */
public class ServiceException extends RuntimeException {

    private final String code;
    private final int status;
    private final ObjectNode extra;

    public ServiceException(String code, int status, String message) {
        this(code, status, message, null);
    }

    public ServiceException(String code, int status, String message, ObjectNode extra) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.extra = extra;
    }

    /** A bedrock-runtime error, status from the reference's table. */
    public static ServiceException of(String code, String message) {
        return new ServiceException(code, ErrorCodes.status(code), message);
    }

    public static ServiceException of(Service service, String code, String message) {
        return new ServiceException(code, ErrorCodes.status(service, code), message);
    }

    public static ServiceException validation(String message) {
        return new ServiceException("ValidationException", 400, message);
    }

    public static ServiceException notFound(String message) {
        return new ServiceException("ResourceNotFoundException", 404, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public ObjectNode extra() {
        return extra;
    }

    /** The JSON body: {@code {"message":...}} followed by the extra fields. */
    public ObjectNode body() {
        ObjectNode body = Json.object();
        body.put("message", getMessage());
        if (extra != null) {
            for (var it = extra.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode v = e.getValue();
                body.set(e.getKey(), v);
            }
        }
        return body;
    }
}
