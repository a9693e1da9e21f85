package dev.camelbedrock.component.toolloop;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.support.JsonDocuments;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;

/** Turns what a tool route returned, or why it did not run, into the toolResult block the model gets. */
final class ToolResults {

    private ToolResults() {
    }

    /**
     * A route's result body: a JSON object (a Map, a POJO, or a String holding a JSON object) becomes a json block,
     * anything else text (a List or a number as its JSON text).
     */
    static ContentBlock success(String toolUseId, Object body) {
        ToolResultContentBlock content;
        JsonNode json = asJsonObject(body);
        if (json != null) {
            content = ToolResultContentBlock.fromJson(JsonDocuments.toDocument(json));
        } else {
            content = ToolResultContentBlock.fromText(text(body));
        }
        return ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(toolUseId).content(List.of(content)).build());
    }

    /** A result with status error: the model reads the message and may try otherwise. */
    static ContentBlock error(String toolUseId, String message) {
        return ContentBlock.fromToolResult(ToolResultBlock.builder().toolUseId(toolUseId).status(ToolResultStatus.ERROR)
                .content(List.of(ToolResultContentBlock.fromText(message))).build());
    }

    private static JsonNode asJsonObject(Object body) {
        if (body == null || body instanceof CharSequence && !body.toString().trim().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = body instanceof CharSequence s ? JsonDocuments.parse(s.toString()) : JsonDocuments.toJson(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null; // not JSON: sent as text
        }
    }

    static String text(Object body) {
        if (body == null) {
            return "(no result)";
        }
        if (body instanceof CharSequence s) {
            return s.toString().isBlank() ? "(no result)" : s.toString();
        }
        if (body instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return JsonDocuments.MAPPER.writeValueAsString(body);
        } catch (Exception e) {
            return body.toString();
        }
    }
}
