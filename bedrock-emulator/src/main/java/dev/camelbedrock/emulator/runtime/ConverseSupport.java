package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.FoundationModel;
import dev.camelbedrock.emulator.models.ResolvedModel;

import java.util.concurrent.ThreadLocalRandom;

/** What Converse, ConverseStream and CountTokens share: model resolution, validation, the reply, usage. */
final class ConverseSupport {

    static final String INVALID_MODEL = "The provided model identifier is invalid.";
    private static final String PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** The outcome of a Converse-shaped request before it is serialized. */
    static final class Result {
        final JsonNode request;
        final ResolvedModel model;
        final Conversation conversation;
        final TokenCounter.Usage usage;
        final Reply reply;
        /** The request's guardrail at work, or null. */
        final ConverseGuardrails guardrails;

        Result(JsonNode request, ResolvedModel model, Conversation conversation, TokenCounter.Usage usage, Reply reply,
               ConverseGuardrails guardrails) {
            this.guardrails = guardrails;
            this.request = request;
            this.model = model;
            this.conversation = conversation;
            this.usage = usage;
            this.reply = reply;
        }
    }

    private ConverseSupport() {
    }

    /** Resolves the path's model id for a chat operation, or throws the service's ValidationException. */
    static ResolvedModel resolveChatModel(Exchange ex, boolean stream) {
        EmulatorContext ctx = ex.context();
        String id = ex.modelId();
        ResolvedModel rm = ctx.catalog().resolve(id)
                .orElseThrow(() -> ServiceException.validation(INVALID_MODEL));
        FoundationModel fm = rm.model();
        if (fm != null) {
            if (!fm.supportsConverse()) {
                throw ServiceException.validation("This action doesn't support the model that you provided. "
                        + "Try again with a supported text or chat model.");
            }
            if (stream && !fm.responseStreamingSupported()) {
                throw ServiceException.validation("The model is unsupported for streaming.");
            }
            if (ctx.requireInferenceProfiles() && !rm.viaProfileOrProvisioned() && !fm.onDemandByBaseId()) {
                throw ServiceException.validation("Invocation of model ID " + fm.modelId()
                        + " with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of "
                        + "an inference profile that contains this model.");
            }
        }
        return rm;
    }

    static Result run(Exchange ex, boolean stream) {
        ResolvedModel model = resolveChatModel(ex, stream);
        JsonNode req = ex.json();
        ConverseValidator.validateConverse(req);
        ConverseLimits.check(model, req);
        StructuredOutput structured = StructuredOutput.of(req);
        ConverseGuardrails guard = ConverseGuardrails.of(ex.context(), req);
        Conversation conv = new Conversation(guard == null ? req : guard.applyInput(req));
        Reply reply;
        if (guard != null && guard.inputBlocked()) {
            reply = guard.blockedInputReply();
        } else {
            reply = ReplyEngine.reply(conv, model, ex.context().rules().list(),
                    structured == null ? null : structured.reply(conv));
            if (guard != null) {
                reply = guard.applyOutput(reply);
            }
        }
        TokenCounter.Usage usage = TokenCounter.input(req, cacheKey(model), ex.context().promptCache());
        ex.reportTokens(usage.totalInput() + reply.outputTokens);
        return new Result(req, model, conv, usage, reply, guard);
    }

    static String cacheKey(ResolvedModel model) {
        return model.baseId() != null ? model.baseId() : model.requested();
    }

    static ObjectNode usage(TokenCounter.Usage usage, Reply reply) {
        ObjectNode u = Json.object();
        u.put("inputTokens", usage.inputTokens);
        u.put("outputTokens", reply.outputTokens);
        u.put("totalTokens", usage.totalInput() + reply.outputTokens);
        if (usage.cachePointSeen) {
            u.put("cacheReadInputTokens", usage.cacheReadTokens);
            u.put("cacheWriteInputTokens", usage.cacheWriteTokens);
        }
        return u;
    }

    /** {@code trace.guardrail} with the guardrail's assessments when the request's guardrail trace is enabled. */
    static ObjectNode trace(Result r) {
        return r.guardrails == null ? null : r.guardrails.trace();
    }

    /** Answers {@code additionalModelResponseFieldPaths} ({@code /stop_sequence} is known; others are null). */
    static ObjectNode additionalFields(JsonNode request, Reply reply) {
        JsonNode paths = request.get("additionalModelResponseFieldPaths");
        if (paths == null || !paths.isArray() || paths.size() == 0) {
            return null;
        }
        ObjectNode out = Json.object();
        for (JsonNode p : paths) {
            String path = p.asText();
            String key = path.startsWith("/") ? path.substring(1) : path;
            if (key.isEmpty() || key.contains("/")) {
                continue;
            }
            if ("stop_sequence".equals(key) && reply.stopSequence != null) {
                out.put(key, reply.stopSequence);
            } else {
                out.putNull(key);
            }
        }
        return out;
    }

    static void echoConfigs(JsonNode request, ObjectNode response) {
        JsonNode perf = request.get("performanceConfig");
        if (Json.isPresent(perf)) {
            response.set("performanceConfig", perf);
        }
        JsonNode tier = request.get("serviceTier");
        if (Json.isPresent(tier)) {
            response.set("serviceTier", tier);
        }
    }

    static ArrayNode content(Reply reply) {
        ArrayNode content = Json.array();
        if (reply.hasText() || !reply.hasToolUse()) {
            content.addObject().put("text", reply.text);
        }
        for (Reply.ToolCall call : reply.toolCalls()) {
            ObjectNode tu = content.addObject().putObject("toolUse");
            tu.put("toolUseId", call.toolUseId());
            tu.put("name", call.name());
            tu.set("input", call.input());
        }
        return content;
    }

    /** The random top-level padding field the service adds to stream events. */
    static void pad(ObjectNode event) {
        event.put("p", PADDING.substring(0, 1 + ThreadLocalRandom.current().nextInt(PADDING.length() - 1)));
    }
}
