package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.json.Json;

/** {@code POST /model/{modelId}/converse}. */
public final class ConverseHandler implements Operation {

    @Override
    public String name() {
        return "Converse";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/model/{modelId}/converse";
    }

    @Override
    public Service service() {
        return Service.RUNTIME;
    }

    @Override
    public void handle(Exchange ex) {
        ConverseSupport.Result r = ConverseSupport.run(ex, false);
        ObjectNode body = Json.object();
        ObjectNode message = body.putObject("output").putObject("message");
        message.put("role", "assistant");
        message.set("content", ConverseSupport.content(r.reply));
        body.put("stopReason", r.reply.stopReason);
        body.set("usage", ConverseSupport.usage(r.usage, r.reply));
        body.putObject("metrics").put("latencyMs", Math.max(1, ex.elapsedMillis()));
        ObjectNode extra = ConverseSupport.additionalFields(r.request, r.reply);
        if (extra != null) {
            body.set("additionalModelResponseFields", extra);
        }
        ObjectNode trace = ConverseSupport.trace(r);
        if (trace != null) {
            body.set("trace", trace);
        }
        ConverseSupport.echoConfigs(r.request, body);
        ex.sendJson(200, body);
    }
}
