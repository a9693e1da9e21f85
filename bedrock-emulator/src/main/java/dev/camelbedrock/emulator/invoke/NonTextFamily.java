package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Embeddings and images: one JSON answer, never streamed. */
abstract class NonTextFamily extends Family {

    /** The answer of a non-streaming family, with the counts for the token headers. */
    static final class Output {
        final ObjectNode body;
        final int inputTokens;
        final int outputTokens;

        Output(ObjectNode body, int inputTokens, int outputTokens) {
            this.body = body;
            this.inputTokens = inputTokens;
            this.outputTokens = outputTokens;
        }
    }

    /** Validates the body and computes the answer; throws ServiceException for a bad body. */
    abstract Output invoke(Invocation inv);

    /** True when the work is heavy (image encoding) and must run off the event loop. */
    boolean offload() {
        return false;
    }
}
