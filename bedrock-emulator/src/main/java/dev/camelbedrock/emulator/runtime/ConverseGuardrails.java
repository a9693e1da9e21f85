package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.guardrails.Guardrail;
import dev.camelbedrock.emulator.guardrails.GuardrailEngine;
import dev.camelbedrock.emulator.guardrails.GuardrailResult;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * A Converse/ConverseStream {@code guardrailConfig} at work: the input is assessed before the reply is made
 * (blocked: the reply is the blocked input message with stop reason {@code guardrail_intervened}; masked: the
 * reply is made from the masked input), then the reply text is assessed (blocked or masked, stop reason
 * {@code guardrail_intervened}), and the trace is built from both assessments.
 *
 * <p>Assessed input: when any message holds a {@code guardContent} block, only the guard-content texts;
 * otherwise every text block of every message. Guard-content blocks of the system prompt are always assessed.
 */
final class ConverseGuardrails {

    private final GuardrailEngine engine;
    private final String id;
    private final String version;
    private final String trace;
    private GuardrailResult input;
    private GuardrailResult output;
    private String modelOutput;

    private ConverseGuardrails(GuardrailEngine engine, JsonNode config) {
        this.engine = engine;
        this.id = config.path("guardrailIdentifier").asText();
        this.version = config.path("guardrailVersion").asText();
        this.trace = config.path("trace").asText("disabled");
    }

    /** The guardrail of a request, or null when it has no {@code guardrailConfig}. */
    static ConverseGuardrails of(EmulatorContext context, JsonNode request) {
        JsonNode g = request.get("guardrailConfig");
        if (!Json.isPresent(g)) {
            return null;
        }
        GuardrailEngine engine = GuardrailEngine.of(context);
        if (engine == null) {
            throw ServiceException.validation(GuardrailEngine.UNKNOWN);
        }
        return new ConverseGuardrails(engine, g);
    }

    /** Assesses the input; returns the request the reply is made from (a masked copy when anonymized). */
    JsonNode applyInput(JsonNode request) {
        JsonNode copy = request.deepCopy();
        List<ObjectNode> holders = new ArrayList<>();
        boolean guardContentOnly = false;
        for (JsonNode m : copy.path("messages")) {
            for (JsonNode b : m.path("content")) {
                if (b.has("guardContent")) {
                    guardContentOnly = true;
                }
            }
        }
        for (JsonNode m : copy.path("messages")) {
            for (JsonNode b : m.path("content")) {
                if (guardContentOnly) {
                    JsonNode t = b.path("guardContent").path("text");
                    if (t.isObject() && t.path("text").isTextual()) {
                        holders.add((ObjectNode) t);
                    }
                } else if (b.path("text").isTextual()) {
                    holders.add((ObjectNode) b);
                }
            }
        }
        for (JsonNode b : copy.path("system")) {
            JsonNode t = b.path("guardContent").path("text");
            if (t.isObject() && t.path("text").isTextual()) {
                holders.add((ObjectNode) t);
            }
        }
        List<String> texts = new ArrayList<>();
        holders.forEach(h -> texts.add(h.get("text").asText()));
        input = engine.apply(id, version, Guardrail.Source.INPUT, texts);
        if (input.masked()) {
            for (int i = 0; i < holders.size(); i++) {
                holders.get(i).put("text", input.maskedTexts().get(i));
            }
            return copy;
        }
        return request;
    }

    boolean inputBlocked() {
        return input != null && input.blocked();
    }

    Reply blockedInputReply() {
        return new Reply(input.blockedMessage(), null, null, null, "guardrail_intervened", null, 0);
    }

    /** Assesses the reply text; a blocked or masked reply ends with {@code guardrail_intervened}. */
    Reply applyOutput(Reply reply) {
        modelOutput = reply.text;
        output = engine.apply(id, version, Guardrail.Source.OUTPUT, List.of(reply.text));
        if (output.blocked()) {
            return new Reply(output.blockedMessage(), null, null, null, "guardrail_intervened", null,
                    reply.outputTokens);
        }
        if (output.masked()) {
            return new Reply(output.maskedTexts().get(0), reply.toolUseId, reply.toolName, reply.toolInput,
                    "guardrail_intervened", reply.stopSequence, reply.outputTokens);
        }
        return reply;
    }

    /** {@code trace} with the guardrail assessments when the request's trace is enabled, else null. */
    ObjectNode trace() {
        if (!"enabled".equals(trace) && !"enabled_full".equals(trace)) {
            return null;
        }
        ObjectNode t = Json.object();
        ObjectNode gr = t.putObject("guardrail");
        if ("enabled_full".equals(trace) && modelOutput != null) {
            gr.putArray("modelOutput").add(modelOutput);
        }
        if (input != null) {
            gr.putObject("inputAssessment").set(id, input.assessment());
        }
        if (output != null) {
            gr.putObject("outputAssessments").putArray(id).add(output.assessment());
        }
        GuardrailResult decisive = inputBlocked() || output == null ? input : output;
        if (decisive != null && (decisive.intervened() || (input != null && input.intervened()))) {
            gr.put("actionReason", decisive.intervened() ? decisive.actionReason() : input.actionReason());
        }
        return t;
    }
}
