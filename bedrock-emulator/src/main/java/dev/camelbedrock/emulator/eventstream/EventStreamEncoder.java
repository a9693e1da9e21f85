package dev.camelbedrock.emulator.eventstream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes {@code application/vnd.amazon.eventstream} messages: a 12-byte prelude (total length, headers
 * length, CRC32 of those 8 bytes), headers, payload, and a CRC32 of everything before it. Only string-typed
 * headers (type 7) are written: the Java SDK calls {@code getString()} on every header.
 */
public final class EventStreamEncoder {

    private static final byte STRING_TYPE = 7;

    private EventStreamEncoder() {
    }

    /** An event: headers {@code :event-type}, {@code :content-type}, {@code :message-type=event}. */
    public static byte[] event(String eventType, byte[] jsonPayload) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(3);
        headers.add(Map.entry(":event-type", eventType));
        headers.add(Map.entry(":content-type", "application/json"));
        headers.add(Map.entry(":message-type", "event"));
        return encode(headers, jsonPayload);
    }

    /** A modelled exception: {@code :exception-type} (lowerCamel member name), content type, message type. */
    public static byte[] exception(String exceptionType, byte[] jsonPayload) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(3);
        headers.add(Map.entry(":exception-type", exceptionType));
        headers.add(Map.entry(":content-type", "application/json"));
        headers.add(Map.entry(":message-type", "exception"));
        return encode(headers, jsonPayload);
    }

    /** A generic error: {@code :message-type=error}, {@code :error-code}, {@code :error-message}, empty payload. */
    public static byte[] error(String code, String message) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(3);
        headers.add(Map.entry(":message-type", "error"));
        headers.add(Map.entry(":error-code", code));
        headers.add(Map.entry(":error-message", message));
        return encode(headers, new byte[0]);
    }

    /** Frames one message from string headers (in the given order) and a payload. */
    public static byte[] encode(List<Map.Entry<String, String>> headers, byte[] payload) {
        ByteArrayOutputStream hb = new ByteArrayOutputStream(128);
        for (Map.Entry<String, String> h : headers) {
            byte[] name = h.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = h.getValue().getBytes(StandardCharsets.UTF_8);
            if (name.length < 1 || name.length > 255) {
                throw new IllegalArgumentException("Header name must be 1-255 bytes: " + h.getKey());
            }
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("Header value too long: " + h.getKey());
            }
            hb.write(name.length);
            hb.write(name, 0, name.length);
            hb.write(STRING_TYPE);
            hb.write((value.length >>> 8) & 0xFF);
            hb.write(value.length & 0xFF);
            hb.write(value, 0, value.length);
        }
        byte[] headerBytes = hb.toByteArray();
        int total = 16 + headerBytes.length + payload.length;
        byte[] out = new byte[total];
        putInt(out, 0, total);
        putInt(out, 4, headerBytes.length);
        CRC32 crc = new CRC32();
        crc.update(out, 0, 8);
        putInt(out, 8, (int) crc.getValue());
        System.arraycopy(headerBytes, 0, out, 12, headerBytes.length);
        System.arraycopy(payload, 0, out, 12 + headerBytes.length, payload.length);
        crc.reset();
        crc.update(out, 0, total - 4);
        putInt(out, total - 4, (int) crc.getValue());
        return out;
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
