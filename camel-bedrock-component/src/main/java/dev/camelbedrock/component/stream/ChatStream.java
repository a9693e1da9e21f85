package dev.camelbedrock.component.stream;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.camel.RuntimeCamelException;

/**
 * The body of {@code bedrock:converseStream} and {@code bedrock:invokeModelStream}: an Iterator of the reply's text
 * deltas (or, for a raw invokeModelStream, of each chunk's JSON), filled while the model is still generating. Use it
 * with {@code split(body()).streaming()}; note that Camel's streaming splitter reads one item ahead, to know whether
 * the current one is the last. {@link #hasNext()} waits for the next delta; when the
 * stream ends it writes the final headers (stop reason, usage, tool calls, the whole text) onto the exchange that
 * carried it, and a failure in mid-stream is thrown from {@link #hasNext()} rather than ending the text early.
 * Reading more requests more from Bedrock, so a slow route slows the stream instead of filling memory.
 */
public final class ChatStream implements Iterator<String>, Closeable {

    private static final Object END = new Object();

    private record Failure(RuntimeException exception) {
    }

    /** What the stream needs from its producer side. */
    public interface Upstream {
        void request(long n);

        void cancel();

        /** Called once, on the reading thread, after the last delta. */
        void onEnd();
    }

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private volatile Upstream upstream;
    private Object next;
    private boolean finished;

    void upstream(Upstream upstream) {
        this.upstream = upstream;
    }

    void offer(String delta) {
        queue.add(delta);
    }

    void end() {
        queue.add(END);
    }

    void fail(RuntimeException e) {
        queue.add(new Failure(e));
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new RuntimeCamelException("Interrupted while waiting for the next streamed delta", e);
        }
        if (item == END) {
            finished = true;
            upstream.onEnd();
            return false;
        }
        if (item instanceof Failure f) {
            finished = true;
            throw f.exception();
        }
        next = item;
        return true;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The stream has ended");
        }
        String delta = (String) next;
        next = null;
        text.append(delta);
        upstream.request(1);
        return delta;
    }

    /** The text read so far; the whole reply once {@link #hasNext()} has returned false. */
    public String getText() {
        return text.toString();
    }

    /** Whether the stream has been read to its end (or failed). */
    public boolean isFinished() {
        return finished;
    }

    /** Stops the stream early: no more is requested from Bedrock. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            Upstream u = upstream;
            if (u != null) {
                u.cancel();
            }
        }
    }

    @Override
    public String toString() {
        return "ChatStream[" + (finished ? "finished" : "open") + ", " + text.length() + " chars read]";
    }
}
