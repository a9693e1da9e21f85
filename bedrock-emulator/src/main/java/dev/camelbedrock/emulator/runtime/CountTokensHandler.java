package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.ResolvedModel;

import java.util.Base64;
import java.util.Iterator;

/**
 * {@code POST /model/{modelId}/count-tokens}, input {@code {"converse":{...}}} (counted exactly as Converse
 * counts its input, cache prefix included) or {@code {"invokeModel":{"body":"<base64>"}}} (the native body's
 * content strings).
 */
public final class CountTokensHandler implements Operation {

    @Override
    public String name() {
        return "CountTokens";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/model/{modelId}/count-tokens";
    }

    @Override
    public Service service() {
        return Service.RUNTIME;
    }

    /** Counting tokens runs no model: it draws on no model quota. */
    @Override
    public boolean consumesQuota() {
        return false;
    }

    @Override
    public void handle(Exchange ex) {
        ResolvedModel model = ConverseSupport.resolveChatModel(ex, false);
        ConverseLimits.checkCountTokens(model);
        JsonNode root = ex.json();
        JsonNode input = root.get("input");
        if (!Json.isPresent(input)) {
            throw ServiceException.validation(
                    "1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null");
        }
        int members = 0;
        for (Iterator<String> it = input.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (("converse".equals(f) || "invokeModel".equals(f)) && !input.get(f).isNull()) {
                members++;
            }
        }
        if (members != 1) {
            throw ServiceException.validation("1 validation error detected: Value at 'input' failed to satisfy "
                    + "constraint: Member must have exactly one of [converse, invokeModel] set");
        }
        int tokens;
        if (input.has("converse")) {
            JsonNode converse = input.get("converse");
            if (!converse.isObject()) {
                throw ServiceException.validation("1 validation error detected: Value at 'input.converse' failed to "
                        + "satisfy constraint: Member must be a structure");
            }
            ConverseValidator.validateCountTokensConverse(converse);
            ConverseLimits.check(model, converse);
            tokens = TokenCounter.input(converse, ConverseSupport.cacheKey(model), null).totalInput();
        } else {
            JsonNode body = input.get("invokeModel").get("body");
            if (!Json.isPresent(body)) {
                throw ServiceException.validation("1 validation error detected: Value null at 'input.invokeModel.body' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw ServiceException.validation("1 validation error detected: Value at 'input.invokeModel.body' "
                        + "failed to satisfy constraint: Member must be a base64-encoded blob");
            }
            tokens = TokenCounter.nativeBody(decoded);
        }
        ex.sendJson(200, Json.object().put("inputTokens", tokens));
    }
}
