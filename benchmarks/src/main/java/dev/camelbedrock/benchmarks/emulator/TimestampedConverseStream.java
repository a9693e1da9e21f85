package dev.camelbedrock.benchmarks.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.StreamPlayer;
import dev.camelbedrock.emulator.eventstream.EventStreamEncoder;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.runtime.ConverseStreamHandler;

/**
 * ConverseStream that stamps its send time into each text delta, for P4. The emulator has no send timestamps of its
 * own (its request log records arrival), so the benchmark emulator replaces its ConverseStream route with this one,
 * through the emulator's documented extension point ({@code Builder.operation}): when the last user turn is
 * {@code bench-timestamps N}, the reply is N text deltas {@code @<System.nanoTime()> }, each stamp taken in the
 * frame's supplier, which {@link StreamPlayer} calls right before it writes the frame to the connection. Any other
 * request is answered by the emulator's own handler, unchanged.
 *
 * <p>The stamp is {@code System.nanoTime()} of the emulator's JVM; the client subtracts it from its own. On Linux
 * both are {@code CLOCK_MONOTONIC}, one clock for every process of the machine, so the difference is the time from
 * the emulator handing the frame to Netty to the client seeing the delta.
 */
public final class TimestampedConverseStream implements Operation {

    static final Pattern PROMPT = Pattern.compile("^bench-timestamps (\\d{1,4})$");

    private final ConverseStreamHandler standard = new ConverseStreamHandler();

    /** The prompt that asks for {@code deltas} stamped deltas. */
    public static String prompt(int deltas) {
        return "bench-timestamps " + deltas;
    }

    /** The send time stamped in a delta, or -1 if the text is not a stamped delta. */
    public static long stamp(String delta) {
        if (delta == null || delta.length() < 3 || delta.charAt(0) != '@') {
            return -1;
        }
        try {
            return Long.parseLong(delta.substring(1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String name() {
        return standard.name();
    }

    @Override
    public String method() {
        return standard.method();
    }

    @Override
    public String path() {
        return standard.path();
    }

    @Override
    public Service service() {
        return standard.service();
    }

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public void handle(Exchange ex) throws Exception {
        Matcher m = PROMPT.matcher(lastUserText(ex.json()));
        if (!m.matches()) {
            standard.handle(ex);
            return;
        }
        int deltas = Integer.parseInt(m.group(1));
        List<Supplier<byte[]>> frames = new ArrayList<>();
        frames.add(fixed("messageStart", Json.object().put("role", "assistant")));
        for (int i = 0; i < deltas; i++) {
            frames.add(() -> {
                ObjectNode delta = Json.object().put("contentBlockIndex", 0);
                delta.putObject("delta").put("text", "@" + System.nanoTime() + " ");
                return EventStreamEncoder.event("contentBlockDelta", Json.bytes(delta));
            });
        }
        frames.add(fixed("contentBlockStop", Json.object().put("contentBlockIndex", 0)));
        frames.add(fixed("messageStop", Json.object().put("stopReason", "end_turn")));
        ObjectNode metadata = Json.object();
        metadata.putObject("usage").put("inputTokens", 4).put("outputTokens", deltas).put("totalTokens", 4 + deltas);
        metadata.putObject("metrics").put("latencyMs", 1);
        frames.add(fixed("metadata", metadata));
        StreamPlayer.play(ex, frames, null);
    }

    private static Supplier<byte[]> fixed(String type, ObjectNode payload) {
        byte[] frame = EventStreamEncoder.event(type, Json.bytes(payload));
        return () -> frame;
    }

    private static String lastUserText(JsonNode request) {
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return "";
        }
        JsonNode content = messages.get(messages.size() - 1).path("content");
        return content.isArray() && !content.isEmpty() ? content.get(0).path("text").asText("") : "";
    }
}
