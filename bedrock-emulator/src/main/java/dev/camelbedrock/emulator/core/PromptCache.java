package dev.camelbedrock.emulator.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers prompt prefixes that ended at a {@code cachePoint}, so the first request with a prefix reports
 * cache-write tokens and later identical prefixes report cache-read tokens. Bounded (LRU); no TTL.
 */
public final class PromptCache {

    private final Map<String, Boolean> seen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    };

    /** True if the key was already cached (a read); otherwise records it (a write) and returns false. */
    public synchronized boolean readOrWrite(String key) {
        if (seen.containsKey(key)) {
            seen.get(key);
            return true;
        }
        seen.put(key, Boolean.TRUE);
        return false;
    }

    public synchronized void clear() {
        seen.clear();
    }
}
