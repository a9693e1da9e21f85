package dev.camelbedrock.emulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/** A strict test-side decoder: checks both CRCs and that every header is a string (type 7). */
final class EventStreamDecoder {

    record Frame(Map<String, String> headers, String payload) {
    }

    private EventStreamDecoder() {
    }

    static List<Frame> decode(byte[] body) {
        List<Frame> frames = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(body);
        while (buf.remaining() > 0) {
            int start = buf.position();
            int total = buf.getInt();
            int headersLength = buf.getInt();
            int preludeCrc = buf.getInt();
            CRC32 crc = new CRC32();
            crc.update(body, start, 8);
            if ((int) crc.getValue() != preludeCrc) {
                throw new IllegalStateException("bad prelude CRC at " + start);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            int headersEnd = buf.position() + headersLength;
            while (buf.position() < headersEnd) {
                byte[] name = new byte[buf.get() & 0xFF];
                buf.get(name);
                byte type = buf.get();
                if (type != 7) {
                    throw new IllegalStateException("non-string header type " + type);
                }
                byte[] value = new byte[buf.getShort() & 0xFFFF];
                buf.get(value);
                headers.put(new String(name, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8));
            }
            byte[] payload = new byte[total - headersLength - 16];
            buf.get(payload);
            int messageCrc = buf.getInt();
            crc.reset();
            crc.update(body, start, total - 4);
            if ((int) crc.getValue() != messageCrc) {
                throw new IllegalStateException("bad message CRC at " + start);
            }
            frames.add(new Frame(headers, new String(payload, StandardCharsets.UTF_8)));
        }
        return frames;
    }
}
