package dev.camelbedrock.emulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.eventstream.EventStreamEncoder;
import dev.camelbedrock.emulator.json.Json;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plays a prepared list of event-stream messages on a response: the chunk delay between events, the stream
 * gate ({@link StreamGate}) and an injected stream fault after N events (or at the end of a shorter stream): an
 * exception frame then the end, a cut (the stream is reset, no end), or a frame with a bad CRC then the end.
 * Every step runs on the connection's event loop; nothing blocks.
 */
public final class StreamPlayer {

    private final Exchange exchange;
    private final List<Supplier<byte[]>> frames;
    private final Exchange.EventStreamWriter writer;
    private final Fault fault;
    private int next;
    private int sent;

    private StreamPlayer(Exchange exchange, List<Supplier<byte[]>> frames, Map<String, String> headers) {
        this.exchange = exchange;
        this.frames = frames;
        this.fault = exchange.streamFault();
        this.writer = exchange.openEventStream(headers);
    }

    /**
     * Starts the 200 event-stream response and plays {@code frames}. Each frame is produced when it is sent, so
     * a trailing frame (e.g. metadata with the total latency) can report what happened before it.
     */
    public static void play(Exchange exchange, List<Supplier<byte[]>> frames, Map<String, String> headers) {
        StreamPlayer p = new StreamPlayer(exchange, frames, headers);
        exchange.schedule(p::step, 0);
    }

    private void step() {
        while (true) {
            if (!writer.isOpen()) {
                return;
            }
            if (fault != null && (sent == fault.afterEvents() || next >= frames.size())) {
                playFault();
                return;
            }
            if (next >= frames.size()) {
                writer.end();
                return;
            }
            StreamGate gate = exchange.context().streamGate();
            if (gate.holdIfArmed(sent, () -> exchange.schedule(this::step, 0))) {
                return;
            }
            if (sendOne()) {
                return;
            }
        }
    }

    /** Sends the next frame; returns true when the continuation was scheduled (a chunk delay). */
    private boolean sendOne() {
        if (!writer.isOpen() || next >= frames.size()) {
            return false;
        }
        if (fault != null && sent == fault.afterEvents()) {
            return false;
        }
        writer.write(frames.get(next++).get());
        sent++;
        long delay = exchange.context().chunkDelayMs();
        if (delay > 0 && next < frames.size()) {
            exchange.schedule(this::step, delay);
            return true;
        }
        return false;
    }

    private void playFault() {
        switch (fault.kind()) {
            case CUT:
                exchange.abort(fault.closeConnection());
                return;
            case MALFORMED:
                writer.write(badCrc(next < frames.size() ? frames.get(next).get()
                        : EventStreamEncoder.event("malformed", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                writer.end();
                return;
            default:
                writer.write(exceptionFrame(fault));
                writer.end();
        }
    }

    /** A copy of {@code frame} whose message CRC (its last 4 bytes) is wrong. */
    static byte[] badCrc(byte[] frame) {
        byte[] out = frame.clone();
        out[out.length - 1] ^= (byte) 0xFF;
        return out;
    }

    /** The exception frame of a stream fault. */
    public static byte[] exceptionFrame(Fault fault) {
        ObjectNode payload = Json.object();
        payload.put("message", fault.effectiveMessage());
        if ("modelStreamErrorException".equals(fault.streamExceptionType())) {
            payload.put("originalStatusCode", fault.originalStatusCode() != null ? fault.originalStatusCode() : 500);
            payload.put("originalMessage",
                    fault.originalMessage() != null ? fault.originalMessage() : fault.effectiveMessage());
        }
        return EventStreamEncoder.exception(fault.streamExceptionType(), Json.bytes(payload));
    }
}
