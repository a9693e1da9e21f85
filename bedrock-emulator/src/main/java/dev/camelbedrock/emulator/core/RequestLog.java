package dev.camelbedrock.emulator.core;

import dev.camelbedrock.emulator.RecordedRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** A bounded, thread-safe log of the most recent Bedrock API requests (oldest dropped first). */
public final class RequestLog {

    /** Bodies kept in total (characters); the oldest entries are dropped beyond it. */
    static final long MAX_TOTAL_BODY_CHARS = 64L * 1024 * 1024;

    private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
    private final int capacity;
    private long totalBodyChars;

    public RequestLog(int capacity) {
        this.capacity = Math.max(0, capacity);
    }

    public void record(RecordedRequest request) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.addLast(request);
            totalBodyChars += request.body().length();
            while (entries.size() > capacity || (totalBodyChars > MAX_TOTAL_BODY_CHARS && entries.size() > 1)) {
                totalBodyChars -= entries.removeFirst().body().length();
            }
        }
    }

    /** Oldest first. */
    public List<RecordedRequest> all() {
        synchronized (entries) {
            return new ArrayList<>(entries);
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
            totalBodyChars = 0;
        }
    }

    public int capacity() {
        return capacity;
    }
}
