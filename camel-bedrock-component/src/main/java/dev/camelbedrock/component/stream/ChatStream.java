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
 * with {@code split(body()).streaming()}. {@link #next()} waits for the next delta; when the
 * stream ends it writes the final headers (stop reason, usage, tool calls, the whole text) onto the exchange that
 * carried it, and a failure in mid-stream is thrown from {@link #next()} rather than ending the text early.
 * Reading more requests more from Bedrock, so a slow route slows the stream instead of filling memory.
 * <p>
 * With {@code streamRestartAfterDeltas=true}, an SDK retry of a stream whose deltas were already read makes the text
 * start over: the deltas that follow belong to a new attempt. After each {@link #next()}, {@link #getAttempt()} tells
 * which attempt the delta belongs to and {@link #isRestarted()} whether it is the first of a restarted attempt (all
 * text read before it is void); {@link #getText()} holds the current attempt's text only. The items stay plain
 * Strings, so a reader that ignores this still finds out at the end: the exchange then carries
 * {@code CamelBedrockStreamAttempt} and {@code CamelBedrockStreamRestarted}, and {@code CamelBedrockResponseText} is
 * the text of the attempt that succeeded.
 */
public final class ChatStream implements Iterator<String>, Closeable {

    private static final Object END = new Object();

    private record Failure(RuntimeException exception) {
    }

    /** Queued where the deltas of a restarted attempt begin. */
    private record Restart(int attempt) {
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
    private boolean finished;
    private int attempt = 1;
    private boolean restartPending;
    private boolean restarted;

    void upstream(Upstream upstream) {
        this.upstream = upstream;
    }

    /** The deltas offered from now on belong to this attempt: the text starts over. */
    void restart(int attempt) {
        queue.add(new Restart(attempt));
    }

    /** Deltas received but not read yet. */
    int buffered() {
        return queue.size();
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

    /**
     * Never waits. True while the stream may still produce a delta: when nothing is buffered yet it answers true
     * rather than wait, because Camel's splitter asks {@code hasNext()} right after {@code next()} to mark the last
     * part, and waiting there would hold every delta back until the one after it arrived.
     */
    @Override
    public boolean hasNext() {
        if (finished) {
            return false;
        }
        Object head = queue.peek();
        if (head == END) {
            queue.poll();
            finish();
            return false;
        }
        return true;
    }

    /**
     * Waits for the next delta. Returns {@code null} once, at the very end, when the stream ended after
     * {@link #hasNext()} had answered true without a delta buffered (Camel's splitter skips null parts). A failure
     * in mid-stream is thrown here.
     */
    @Override
    public String next() {
        if (finished) {
            throw new NoSuchElementException("The stream has ended");
        }
        Object item;
        try {
            item = queue.take();
            while (item instanceof Restart r) {
                attempt = r.attempt();
                restartPending = true;
                text.setLength(0);
                item = queue.take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new RuntimeCamelException("Interrupted while waiting for the next streamed delta", e);
        }
        if (item == END) {
            finish();
            return null;
        }
        if (item instanceof Failure f) {
            finished = true;
            throw f.exception();
        }
        String delta = (String) item;
        restarted = restartPending;
        restartPending = false;
        text.append(delta);
        upstream.request(1);
        return delta;
    }

    private void finish() {
        finished = true;
        upstream.onEnd();
    }

    /**
     * The text read so far, of the current attempt only: the whole reply once {@link #hasNext()} has returned false.
     * After a restart (see {@link #isRestarted()}) it holds what was read since.
     */
    public String getText() {
        return text.toString();
    }

    /**
     * The attempt the delta last returned by {@link #next()} belongs to, from 1. Above 1 only with
     * {@code streamRestartAfterDeltas=true}, after the SDK retried a stream whose deltas had already been read.
     */
    public int getAttempt() {
        return attempt;
    }

    /**
     * Whether the delta last returned by {@link #next()} is the first of a restarted attempt: every delta read before
     * it is void, the reply starts over with this one. Only with {@code streamRestartAfterDeltas=true}.
     */
    public boolean isRestarted() {
        return restarted;
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
        return "ChatStream[" + (finished ? "finished" : "open") + ", attempt " + attempt + ", " + text.length() + " chars read]";
    }
}
