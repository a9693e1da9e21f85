package dev.camelbedrock.benchmarks.subject;

import dev.camelbedrock.benchmarks.load.AsyncCall;

/** What a phase measures: a call, and the clients and threads behind it, closed when the phase ends. */
public interface Subject extends AutoCloseable {

    AsyncCall call();

    @Override
    void close();

    /** A subject whose call is {@code call} and whose resources {@code owner} closes. */
    static Subject of(AsyncCall call, AutoCloseable owner) {
        return new Subject() {
            @Override
            public AsyncCall call() {
                return call;
            }

            @Override
            public void close() {
                try {
                    owner.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + owner, e);
                }
            }
        };
    }

    /** Builds a fresh subject for one phase. */
    @FunctionalInterface
    interface Factory {
        Subject create() throws Exception;
    }
}
