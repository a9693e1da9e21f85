package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.ResolvedModel;

import java.util.Base64;

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
        JsonNode input = root.get("input"); // its shape (a union, a base64 body) was checked before
        int tokens;
        if (input.has("converse")) {
            JsonNode converse = input.get("converse");
            ConverseValidator.validateCountTokensConverse(converse);
            ConverseLimits.check(model, converse);
            tokens = TokenCounter.input(converse, ConverseSupport.cacheKey(model), null).totalInput();
        } else {
            tokens = TokenCounter.nativeBody(Base64.getMimeDecoder().decode(input.get("invokeModel").get("body").asText()));
        }
        ex.sendJson(200, Json.object().put("inputTokens", tokens));
    }
}
