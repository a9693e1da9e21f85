package dev.camelbedrock.benchmarks.load;

/** One asynchronous call of a subject (the raw SDK, or a route); the same load drives every subject. */
@FunctionalInterface
public interface AsyncCall {

    /** Starts one call and returns at once; {@code done} is called exactly once, with null on success. */
    void start(Done done);

    @FunctionalInterface
    interface Done {
        void done(Throwable failure);
    }
}
