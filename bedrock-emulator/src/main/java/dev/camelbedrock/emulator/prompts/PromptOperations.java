package dev.camelbedrock.emulator.prompts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Op;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.json.Json;

import java.util.List;
import java.util.function.Supplier;

/** Prompt management on bedrock-agent: CreatePrompt, CreatePromptVersion, GetPrompt, ListPrompts. */
public final class PromptOperations {

    private PromptOperations() {
    }

    public static List<Operation> operations(Supplier<Prompts> prompts) {
        Service a = Service.AGENT;
        return List.of(
                Op.of("CreatePrompt", "POST", "/prompts/", a, ex -> ex.sendJson(201, prompts.get().create(ex.json(), ex.region()))),
                Op.of("CreatePromptVersion", "POST", "/prompts/{promptIdentifier}/versions", a,
                        ex -> ex.sendJson(201, prompts.get().createVersion(ex.pathParam("promptIdentifier"), ex.json()))),
                Op.of("GetPrompt", "GET", "/prompts/{promptIdentifier}/", a,
                        ex -> ex.sendJson(200, prompts.get().get(ex.pathParam("promptIdentifier"), ex.query("promptVersion")))),
                Op.of("ListPrompts", "GET", "/prompts/", a, ex -> {
                    ObjectNode body = Json.object();
                    ArrayNode summaries = body.putArray("promptSummaries");
                    for (ObjectNode p : prompts.get().list()) {
                        ObjectNode s = summaries.addObject();
                        for (String f : List.of("name", "description", "id", "arn", "version", "createdAt", "updatedAt")) {
                            if (p.has(f)) {
                                s.set(f, p.get(f));
                            }
                        }
                    }
                    ex.sendJson(200, body);
                }));
    }
}
