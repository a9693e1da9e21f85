package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A read-only view of a validated Converse-shaped request (messages, system, tools). */
final class Conversation {

    /** A tool the request offers. */
    static final class Tool {
        final String name;
        final String description;
        final JsonNode schema;

        Tool(String name, String description, JsonNode schema) {
            this.name = name;
            this.description = description;
            this.schema = schema;
        }
    }

    /** A tool result in the last user turn. */
    static final class ToolResult {
        final String toolUseId;
        final String toolName;
        final String text;
        final boolean error;

        ToolResult(String toolUseId, String toolName, String text, boolean error) {
            this.toolUseId = toolUseId;
            this.toolName = toolName;
            this.text = text;
            this.error = error;
        }
    }

    final JsonNode root;
    final JsonNode messages;
    final String systemText;
    final List<Tool> tools = new ArrayList<>();
    /** {@code auto}, {@code any}, {@code tool} or null. */
    final String toolChoice;
    final String toolChoiceName;
    final String lastUserText;
    final List<ToolResult> toolResults = new ArrayList<>();
    final int images;
    final int documents;
    final int videos;
    final int audios;
    final int messageCount;

    Conversation(JsonNode root) {
        this.root = root;
        this.messages = root.has("messages") && root.get("messages").isArray() ? root.get("messages") : Json.array();
        this.messageCount = messages.size();

        List<String> sys = new ArrayList<>();
        JsonNode system = root.get("system");
        if (system != null && system.isArray()) {
            for (JsonNode b : system) {
                if (b.has("text")) {
                    sys.add(b.get("text").asText());
                } else if (b.has("guardContent") && b.get("guardContent").has("text")) {
                    sys.add(b.get("guardContent").get("text").path("text").asText());
                }
            }
        }
        this.systemText = String.join("\n", sys);

        JsonNode tc = root.get("toolConfig");
        String choice = null;
        String choiceName = null;
        if (Json.isPresent(tc)) {
            for (JsonNode t : tc.path("tools")) {
                if (t.has("toolSpec")) {
                    JsonNode s = t.get("toolSpec");
                    tools.add(new Tool(s.path("name").asText(), Json.text(s, "description"),
                            s.path("inputSchema").path("json")));
                } else if (t.has("systemTool")) {
                    tools.add(new Tool(t.get("systemTool").path("name").asText(), null, Json.object()));
                }
            }
            JsonNode c = tc.get("toolChoice");
            if (Json.isPresent(c)) {
                if (c.has("tool")) {
                    choice = "tool";
                    choiceName = c.get("tool").path("name").asText();
                } else if (c.has("any")) {
                    choice = "any";
                } else {
                    choice = "auto";
                }
            }
        }
        this.toolChoice = choice;
        this.toolChoiceName = choiceName;

        int lastUser = -1;
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                lastUser = i;
                break;
            }
        }
        List<String> texts = new ArrayList<>();
        int img = 0;
        int doc = 0;
        int vid = 0;
        int aud = 0;
        if (lastUser >= 0) {
            for (JsonNode b : messages.get(lastUser).path("content")) {
                if (b.has("text")) {
                    texts.add(b.get("text").asText());
                } else if (b.has("image")) {
                    img++;
                } else if (b.has("document")) {
                    doc++;
                } else if (b.has("video")) {
                    vid++;
                } else if (b.has("audio")) {
                    aud++;
                } else if (b.has("toolResult")) {
                    JsonNode tr = b.get("toolResult");
                    String id = tr.path("toolUseId").asText();
                    toolResults.add(new ToolResult(id, toolNameFor(lastUser, id), toolResultText(tr),
                            "error".equals(tr.path("status").asText())));
                }
            }
        }
        this.lastUserText = String.join(" ", texts);
        this.images = img;
        this.documents = doc;
        this.videos = vid;
        this.audios = aud;
    }

    private String toolNameFor(int userIndex, String toolUseId) {
        if (userIndex > 0) {
            for (JsonNode b : messages.get(userIndex - 1).path("content")) {
                JsonNode tu = b.get("toolUse");
                if (tu != null && toolUseId.equals(tu.path("toolUseId").asText())) {
                    return tu.path("name").asText();
                }
            }
        }
        return "unknown";
    }

    static String toolResultText(JsonNode toolResult) {
        List<String> parts = new ArrayList<>();
        for (JsonNode c : toolResult.path("content")) {
            if (c.has("text")) {
                parts.add(c.get("text").asText());
            } else if (c.has("json")) {
                parts.add(Json.string(c.get("json")));
            } else if (c.has("image")) {
                parts.add("[image]");
            } else if (c.has("document")) {
                parts.add("[document]");
            }
        }
        return String.join(" ", parts);
    }

    /** The text rules match against: the last user text, or (a tool-result turn) the tool results' text. */
    String matchText() {
        if (!lastUserText.isEmpty() || toolResults.isEmpty()) {
            return lastUserText;
        }
        List<String> parts = new ArrayList<>();
        for (ToolResult r : toolResults) {
            parts.add(r.text);
        }
        return String.join(" ", parts);
    }

    String toolResultSummary() {
        List<String> parts = new ArrayList<>();
        for (ToolResult r : toolResults) {
            parts.add(r.text);
        }
        return String.join("; ", parts);
    }

    /** E.g. {@code [1 image]}, {@code [2 images, 1 document]}; empty when there are no attachments. */
    String attachmentSummary() {
        List<String> parts = new ArrayList<>();
        count(parts, images, "image");
        count(parts, documents, "document");
        count(parts, videos, "video");
        count(parts, audios, "audio clip");
        return parts.isEmpty() ? "" : "[" + String.join(", ", parts) + "]";
    }

    private static void count(List<String> parts, int n, String noun) {
        if (n > 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : "s"));
        }
    }

    Tool tool(String name) {
        for (Tool t : tools) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The first offered tool whose name appears in the last user text (case-insensitive). */
    Tool mentionedTool() {
        String text = lastUserText.toLowerCase(Locale.ROOT);
        Tool best = null;
        int bestPos = Integer.MAX_VALUE;
        for (Tool t : tools) {
            int pos = text.indexOf(t.name.toLowerCase(Locale.ROOT));
            if (!t.name.isEmpty() && pos >= 0 && pos < bestPos) {
                best = t;
                bestPos = pos;
            }
        }
        return best;
    }
}
