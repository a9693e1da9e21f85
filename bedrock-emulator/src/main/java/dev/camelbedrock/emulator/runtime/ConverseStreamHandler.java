package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.StreamPlayer;
import dev.camelbedrock.emulator.eventstream.EventStreamEncoder;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /model/{modelId}/converse-stream}: {@code messageStart}; text deltas (no contentBlockStart for
 * text, as the service does) and {@code contentBlockStop}; for a tool call {@code contentBlockStart} with
 * toolUseId and name, input deltas as JSON string fragments and {@code contentBlockStop}; {@code messageStop};
 * {@code metadata} last. Every event carries the random padding field {@code p}.
 */
public final class ConverseStreamHandler implements Operation {

    /** Upper bound of text deltas per reply (words are grouped beyond this). */
    static final int MAX_TEXT_CHUNKS = 512;

    @Override
    public String name() {
        return "ConverseStream";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/model/{modelId}/converse-stream";
    }

    @Override
    public Service service() {
        return Service.RUNTIME;
    }

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public void handle(Exchange ex) {
        ConverseSupport.Result r = ConverseSupport.run(ex, true);
        Reply reply = r.reply;
        List<Supplier<byte[]>> frames = new ArrayList<>();

        ObjectNode start = Json.object();
        start.put("role", "assistant");
        frames.add(event("messageStart", start));

        int index = 0;
        if (reply.hasText() || !reply.hasToolUse()) {
            for (String chunk : textChunks(reply.text)) {
                ObjectNode delta = Json.object();
                delta.put("contentBlockIndex", index);
                delta.putObject("delta").put("text", chunk);
                frames.add(event("contentBlockDelta", delta));
            }
            frames.add(event("contentBlockStop", Json.object().put("contentBlockIndex", index)));
            index++;
        }
        for (Reply.ToolCall call : reply.toolCalls()) {
            ObjectNode cbs = Json.object();
            cbs.put("contentBlockIndex", index);
            ObjectNode tu = cbs.putObject("start").putObject("toolUse");
            tu.put("toolUseId", call.toolUseId());
            tu.put("name", call.name());
            frames.add(event("contentBlockStart", cbs));
            for (String fragment : fragments(Json.string(call.input()), 12)) {
                ObjectNode delta = Json.object();
                delta.put("contentBlockIndex", index);
                delta.putObject("delta").putObject("toolUse").put("input", fragment);
                frames.add(event("contentBlockDelta", delta));
            }
            frames.add(event("contentBlockStop", Json.object().put("contentBlockIndex", index)));
            index++;
        }
        ObjectNode stop = Json.object();
        stop.put("stopReason", reply.stopReason);
        ObjectNode extra = ConverseSupport.additionalFields(r.request, reply);
        if (extra != null) {
            stop.set("additionalModelResponseFields", extra);
        }
        frames.add(event("messageStop", stop));
        frames.add(() -> {
            ObjectNode md = Json.object();
            md.set("usage", ConverseSupport.usage(r.usage, reply));
            md.putObject("metrics").put("latencyMs", Math.max(1, ex.elapsedMillis()));
            ObjectNode trace = ConverseSupport.trace(r);
            if (trace != null) {
                md.set("trace", trace);
            }
            ConverseSupport.echoConfigs(r.request, md);
            ConverseSupport.pad(md);
            return EventStreamEncoder.event("metadata", Json.bytes(md));
        });
        StreamPlayer.play(ex, frames, null);
    }

    private static Supplier<byte[]> event(String type, ObjectNode payload) {
        ConverseSupport.pad(payload);
        byte[] frame = EventStreamEncoder.event(type, Json.bytes(payload));
        return () -> frame;
    }

    /**
     * Splits reply text into deltas: one per word (with its following whitespace) when there are at least
     * three words, else three roughly equal pieces (fewer only for texts shorter than 3 characters).
     */
    static List<String> textChunks(String text) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
                words.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            words.add(text.substring(start));
        }
        if (words.size() >= 3) {
            if (words.size() <= MAX_TEXT_CHUNKS) {
                return words;
            }
            int per = (words.size() + MAX_TEXT_CHUNKS - 1) / MAX_TEXT_CHUNKS;
            List<String> grouped = new ArrayList<>();
            for (int i = 0; i < words.size(); i += per) {
                grouped.add(String.join("", words.subList(i, Math.min(words.size(), i + per))));
            }
            return grouped;
        }
        int[] cps = text.codePoints().toArray();
        if (cps.length < 3) {
            return text.isEmpty() ? List.of("") : List.of(text);
        }
        List<String> out = new ArrayList<>(3);
        for (int k = 0; k < 3; k++) {
            int from = cps.length * k / 3;
            int to = cps.length * (k + 1) / 3;
            out.add(new String(cps, from, to - from));
        }
        return out;
    }

    static List<String> fragments(String s, int size) {
        List<String> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i += size) {
            out.add(new String(cps, i, Math.min(size, cps.length - i)));
        }
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }
}
