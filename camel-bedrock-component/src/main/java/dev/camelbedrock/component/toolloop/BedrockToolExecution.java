package dev.camelbedrock.component.toolloop;

import java.util.Map;

/**
 * One tool call the tool loop handled.
 *
 * @param round      the round it ran in, from 1
 * @param toolUseId  the id Bedrock gave the call
 * @param name       the tool the model named
 * @param input      the arguments the model sent, as plain Java values
 * @param outcome    how it ended
 * @param result     the route's result body on success, else the error text sent to the model
 * @param durationMs from the start of the call to its result, in milliseconds (0 when no route ran)
 */
public record BedrockToolExecution(int round, String toolUseId, String name, Map<String, Object> input, Outcome outcome,
                                   Object result, long durationMs) {

    /** How a tool call ended. */
    public enum Outcome {
        /** The route ran and its result went back to the model. */
        SUCCESS,
        /** The route threw; its message went back to the model as an error result. */
        ERROR,
        /** The arguments did not match the tool's input schema; the route did not run. */
        INVALID_ARGUMENTS,
        /** The model named a tool that is not offered; the route did not run. */
        UNKNOWN_TOOL
    }
}
