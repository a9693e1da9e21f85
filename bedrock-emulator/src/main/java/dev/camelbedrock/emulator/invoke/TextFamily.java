package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.List;

/**
 * A prompt-style family: its body is validated and translated into a Converse-shaped document, the shared
 * reply engine decides the reply (rules, echo, tool calls, stop sequences, max tokens), and the family writes
 * the reply in its own response and stream shapes.
 */
abstract class TextFamily extends Family {

    @Override
    boolean streams() {
        return true;
    }

    /** Validates the native body (throwing the service's ValidationException) and returns the Converse view. */
    abstract ObjectNode conversation(Invocation inv);

    /** The InvokeModel response body. */
    abstract ObjectNode response(Turn turn);

    /**
     * The native stream objects, one per {@code chunk} event; the caller adds
     * {@code amazon-bedrock-invocationMetrics} to the last one when it is sent.
     */
    abstract List<ObjectNode> stream(Turn turn);

    /** Decides the reply, through the request's guardrail when it names one ({@link InvokeGuardrails}). */
    Turn turn(Invocation inv) {
        ObjectNode conv = conversation(inv);
        InvokeGuardrails guardrail = InvokeGuardrails.of(inv);
        ChatReplies.ChatReply reply = guardrail == null ? ChatReplies.reply(inv.context(), inv.model, conv)
                : guardrail.reply(inv, conv);
        return new Turn(inv, reply, ChatReplies.nativeInputTokens(inv.raw), guardrail);
    }
}
