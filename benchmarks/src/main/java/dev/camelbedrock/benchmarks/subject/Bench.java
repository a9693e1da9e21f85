package dev.camelbedrock.benchmarks.subject;

/** What every subject sends: the same model, region and (unchecked) keys. */
public final class Bench {

    public static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "AKIDBENCHMARK";
    public static final String SECRET_KEY = "bench-secret";
    /** The converse prompt: the emulator echoes it ("You said: hello benchmark"). */
    public static final String PROMPT = "hello benchmark";

    private Bench() {
    }
}
