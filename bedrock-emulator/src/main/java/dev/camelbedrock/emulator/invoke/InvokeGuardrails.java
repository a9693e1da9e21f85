package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.guardrails.Guardrail;
import dev.camelbedrock.emulator.guardrails.GuardrailEngine;
import dev.camelbedrock.emulator.guardrails.GuardrailResult;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ChatReplies;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guardrail on InvokeModel and InvokeModelWithResponseStream, named by the {@code X-Amzn-Bedrock-GuardrailIdentifier}
 * and {@code -Version} headers, applied to the text families' Converse view: the input (every text block of the
 * messages and the system prompt) is assessed before the reply is made — blocked: the answer is the blocked input
 * message and the rules are not consulted; masked: the reply is made from the masked text — then the reply text is
 * assessed (blocked: the blocked output message, tool call dropped; masked: the masked text). The answer gets
 * {@code "amazon-bedrock-guardrailAction":"INTERVENED"|"NONE"} and, with {@code X-Amzn-Bedrock-Trace: ENABLED} or
 * {@code ENABLED_FULL}, {@code "amazon-bedrock-trace":{"guardrail":{"input":{id:…},"outputs":[{id:…}]}}}.
 *
 * <p>The body's {@code "amazon-bedrock-guardrailConfig":{"tagSuffix":S,"streamProcessingMode":…}} is not the model's:
 * with a tag suffix, only the text inside {@code <amazon-bedrock-guardrails-guardContent_S>…</…>} is assessed
 * (everything when nothing is tagged) and the tags are removed before the model sees the prompt.
 */
final class InvokeGuardrails {

    /** The body key that configures the guardrail rather than the model. */
    static final String CONFIG_KEY = "amazon-bedrock-guardrailConfig";
    private static final String TAG = "amazon-bedrock-guardrails-guardContent_";

    private final GuardrailEngine engine;
    private final String id;
    private final String version;
    private final boolean trace;
    private final Pattern tag;
    private GuardrailResult input;
    private GuardrailResult output;

    private InvokeGuardrails(GuardrailEngine engine, String id, String version, boolean trace, String tagSuffix) {
        this.engine = engine;
        this.id = id;
        this.version = version;
        this.trace = trace;
        this.tag = tagSuffix == null ? null : Pattern.compile("<" + TAG + Pattern.quote(tagSuffix) + ">(.*?)</" + TAG
                + Pattern.quote(tagSuffix) + ">", Pattern.DOTALL);
    }

    /** The guardrail of a request, or null when it names none. */
    static InvokeGuardrails of(Invocation inv) {
        String id = inv.exchange.header("X-Amzn-Bedrock-GuardrailIdentifier");
        if (id == null || id.isEmpty()) {
            return null;
        }
        String version = inv.exchange.header("X-Amzn-Bedrock-GuardrailVersion");
        if (version == null || version.isEmpty()) {
            throw ServiceException.validation("Guardrail version is required when a guardrail identifier is given.");
        }
        GuardrailEngine engine = GuardrailEngine.of(inv.context());
        if (engine == null) {
            throw ServiceException.validation(GuardrailEngine.UNKNOWN);
        }
        String traceHeader = inv.exchange.header("X-Amzn-Bedrock-Trace");
        boolean trace = traceHeader != null && traceHeader.toUpperCase(Locale.ROOT).startsWith("ENABLED");
        return new InvokeGuardrails(engine, id, version, trace, Json.text(inv.guardrailConfig, "tagSuffix"));
    }

    /** The reply of a text family: input assessed, reply made from what passed, reply assessed. */
    ChatReplies.ChatReply reply(Invocation inv, ObjectNode conv) {
        ObjectNode seen = applyInput(conv);
        if (input.blocked()) {
            return ChatReplies.fixed(input.blockedMessage());
        }
        ChatReplies.ChatReply reply = ChatReplies.reply(inv.context(), inv.model, seen);
        output = engine.apply(id, version, Guardrail.Source.OUTPUT, List.of(reply.text()));
        if (output.blocked()) {
            return reply.withText(output.blockedMessage(), false);
        }
        return output.masked() ? reply.withText(output.maskedTexts().get(0), true) : reply;
    }

    /** Assesses the input texts; returns the view the reply is made from (masked, tags removed). */
    private ObjectNode applyInput(ObjectNode conv) {
        ObjectNode copy = conv.deepCopy();
        List<ObjectNode> blocks = new ArrayList<>();
        for (JsonNode m : copy.path("messages")) {
            m.path("content").forEach(b -> addText(blocks, b));
        }
        copy.path("system").forEach(b -> addText(blocks, b));
        boolean tagged = tag != null && blocks.stream().anyMatch(b -> tag.matcher(b.get("text").asText()).find());
        List<String> pieces = new ArrayList<>();
        for (ObjectNode b : blocks) {
            String text = b.get("text").asText();
            if (!tagged) {
                pieces.add(text);
                continue;
            }
            Matcher m = tag.matcher(text);
            while (m.find()) {
                pieces.add(m.group(1));
            }
        }
        input = engine.apply(id, version, Guardrail.Source.INPUT, pieces);
        Iterator<String> replacements = input.maskedTexts().iterator();
        for (ObjectNode b : blocks) {
            if (!tagged) {
                b.put("text", replacements.next());
                continue;
            }
            Matcher m = tag.matcher(b.get("text").asText());
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(replacements.next()));
            }
            m.appendTail(sb);
            b.put("text", sb.toString());
        }
        return copy;
    }

    private static void addText(List<ObjectNode> blocks, JsonNode b) {
        if (b.path("text").isTextual()) {
            blocks.add((ObjectNode) b);
        }
    }

    /** Adds {@code amazon-bedrock-guardrailAction} (and the trace when asked) to a native answer object. */
    void decorate(ObjectNode body) {
        boolean intervened = input.intervened() || (output != null && output.intervened());
        body.put("amazon-bedrock-guardrailAction", intervened ? "INTERVENED" : "NONE");
        if (trace) {
            ObjectNode g = body.putObject("amazon-bedrock-trace").putObject("guardrail");
            g.putObject("input").set(id, input.assessment());
            if (output != null) {
                g.putArray("outputs").addObject().set(id, output.assessment());
            }
        }
    }
}
