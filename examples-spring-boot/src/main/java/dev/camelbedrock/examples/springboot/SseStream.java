package dev.camelbedrock.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The body of a server-sent-events response: an InputStream that hands out each event as soon as it is written.
 * platform-http copies a response InputStream to the client in chunked mode and flushes after every read, and
 * {@link #read(byte[], int, int)} returns as soon as one event is there instead of filling the buffer, so every event
 * reaches the browser when it is written. Written to from any thread; read by the HTTP response writer.
 */
final class SseStream extends InputStream {

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> events = new LinkedBlockingQueue<>();
    private final long idleTimeoutMs;
    private final Runnable onClose;
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean ended;
    private volatile boolean closed;

    /** @param onClose run once when the reader closes the stream (the response is done, or the client went away) */
    SseStream(long idleTimeoutMs, Runnable onClose) {
        this.idleTimeoutMs = idleTimeoutMs;
        this.onClose = onClose;
    }

    /** Queues one event ({@code event:} line when the type is not null, then {@code data:}). False once the reader closed. */
    boolean event(String type, String data) {
        if (closed || ended) {
            return false;
        }
        String text = (type != null ? "event: " + type + "\n" : "") + "data: " + data + "\n\n";
        events.add(text.getBytes(StandardCharsets.UTF_8));
        return !closed;
    }

    /** Queues an SSE comment: sent at once so that the response starts before the model's first words. */
    void comment(String text) {
        events.add((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** No more events: the response ends once the queued ones are sent. */
    void end() {
        if (!ended) {
            ended = true;
            events.add(END);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position >= current.length) {
            if (current == END || closed) {
                return -1;
            }
            try {
                byte[] next = events.poll(idleTimeoutMs, TimeUnit.MILLISECONDS);
                if (next == null) {
                    throw new IOException("No event for " + idleTimeoutMs + " ms: the stream is abandoned");
                }
                current = next;
                position = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the next event", e);
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return position < current.length ? current.length - position : 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
