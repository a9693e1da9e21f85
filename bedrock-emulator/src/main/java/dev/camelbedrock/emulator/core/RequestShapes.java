package dev.camelbedrock.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.shapes.RequestValidator;
import dev.camelbedrock.emulator.shapes.ShapeTable;

/**
 * Holds every request of a Bedrock operation to its input shape in the service model before the operation runs,
 * so that a malformed request is refused as the service refuses it and never reaches (or changes) the emulator's
 * state. Operations the service models do not define (the admin API, users' own) are not checked.
 */
final class RequestShapes {

    private RequestShapes() {
    }

    /** The service model a service's operations are defined in; null for the admin API. */
    static String model(Service service) {
        return switch (service) {
            case RUNTIME -> "bedrock-runtime";
            case CONTROL_PLANE -> "bedrock";
            case AGENT -> "bedrock-agent";
            case AGENT_RUNTIME -> "bedrock-agent-runtime";
            case ADMIN -> null;
        };
    }

    /** Throws the service's ValidationException or SerializationException when the request breaks its shape. */
    static void check(Operation op, Exchange ex) {
        String model = model(op.service());
        if (model == null) {
            return;
        }
        RequestValidator.Refusal refusal = RequestValidator.check(ShapeTable.of(model), op.name(),
                new RequestValidator.Request() {
                    @Override
                    public String uri(String name) {
                        return ex.pathParam(name);
                    }

                    @Override
                    public String query(String name) {
                        return ex.query(name);
                    }

                    @Override
                    public String header(String name) {
                        return ex.header(name);
                    }

                    @Override
                    public JsonNode body() {
                        return ex.json();
                    }
                });
        if (refusal != null) {
            throw new ServiceException(refusal.errorCode(), ErrorCodes.status(op.service(), refusal.errorCode()),
                    refusal.message());
        }
    }
}
