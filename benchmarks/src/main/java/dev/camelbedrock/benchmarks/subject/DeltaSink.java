package dev.camelbedrock.benchmarks.subject;

/** Receives each text delta of a stream where the subject hands it to the application, with its index (0 = first). */
@FunctionalInterface
public interface DeltaSink {

    void delta(String text, int index);
}
