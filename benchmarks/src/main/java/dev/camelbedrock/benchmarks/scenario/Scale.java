package dev.camelbedrock.benchmarks.scenario;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Arrays;

/**
 * How big each scenario is: {@link #full()} (the field defaults) for the report, {@link #smoke()} to prove in
 * {@code verify} that the harness runs (seconds, tiny counts; its numbers mean nothing). Any size can be overridden
 * with {@link #set(String)} ({@code --set} on the command line).
 */
public final class Scale {

    public final String name;

    /** Before the scenarios: raw SDK and route alternate on converse for this long, for the JIT (0 = none). */
    public Duration jitWarmup = Duration.ofSeconds(60);

    /** P1: in-flight counts (the last is the headline), warm-up and measured window per phase, rounds. */
    public int[] p1InFlight = {1, 64};
    public Duration p1Warmup = Duration.ofSeconds(5);
    public Duration p1Measure = Duration.ofSeconds(8);
    public int p1Rounds = 6;

    /** P2: model latency, in-flight counts (the last is the headline), windows, rounds. */
    public long p2LatencyMs = 200;
    public int[] p2InFlight = {64, 256, 1024};
    public Duration p2Warmup = Duration.ofSeconds(4);
    public Duration p2Measure = Duration.ofSeconds(10);
    public int p2Rounds = 4;

    /** P3: model latency, the peer's caller threads, our in-flight count, windows, rounds. */
    public long p3LatencyMs = 200;
    public int p3PeerThreads = 16;
    public int p3InFlight = 1024;
    public Duration p3Warmup = Duration.ofSeconds(4);
    public Duration p3Measure = Duration.ofSeconds(15);
    public int p3Rounds = 4;

    /** P4: delay between stream events, deltas per stream, streams per phase and at once, rounds. */
    public long p4ChunkDelayMs = 10;
    public int p4Deltas = 20;
    public int p4Streams = 100;
    public int p4Concurrency = 4;
    public int p4Rounds = 4;

    /** P5: the quota, the run's length, in flight. */
    public int p5QuotaPerMinute = 600;
    public Duration p5Duration = Duration.ofMinutes(2);
    public int p5InFlight = 32;

    /** P6: exchanges (one text each), in flight. */
    public int p6Exchanges = 10_000;
    public int p6InFlight = 1_000;

    /** P7: streams held open at once, events each sends before the hold, words of the reply, rounds. */
    public int p7Streams = 1_000;
    public int p7PauseAfterEvents = 5;
    public int p7ReplyWords = 60;
    public int p7Rounds = 2;

    /**
     * KAFKA: the example's enrichment route end to end. Model latency; records preloaded per round, and for one
     * unrecorded run before the rounds (class loading, JIT, the broker's first segments); rounds (route and raw SDK
     * side by side); input partitions; distinct keys (customers: 1,000 keeps every per-key chain of a 50-record batch
     * one record long); one record in every {@code kafkaPoisonEvery} is a ticket whose model answer is not JSON
     * (dead-lettered, after its one call); the route's {@code batchSize} and {@code consumersCount}
     * (TicketEnrichmentOptions' defaults, as docs/kafka-and-kamelets.md documents them).
     */
    public long kafkaLatencyMs = 200;
    public int kafkaRecords = 5_000;
    public int kafkaWarmupRecords = 1_000;
    public int kafkaRounds = 3;
    public int kafkaPartitions = 4;
    public int kafkaKeys = 1_000;
    public int kafkaPoisonEvery = 50;
    public int kafkaBatchSize = 50;
    public int kafkaConsumers = 1;

    private Scale(String name) {
        this.name = name;
    }

    /** The sizes the issue asks for. */
    public static Scale full() {
        return new Scale("full");
    }

    /** Seconds, tiny counts: proves every code path runs. */
    public static Scale smoke() {
        Scale s = new Scale("smoke");
        s.jitWarmup = Duration.ZERO;
        s.p1InFlight = new int[] {2};
        s.p1Warmup = Duration.ofMillis(200);
        s.p1Measure = Duration.ofMillis(300);
        s.p1Rounds = 1;
        s.p2LatencyMs = 20;
        s.p2InFlight = new int[] {8};
        s.p2Warmup = Duration.ofMillis(200);
        s.p2Measure = Duration.ofMillis(400);
        s.p2Rounds = 1;
        s.p3LatencyMs = 20;
        s.p3PeerThreads = 2;
        s.p3InFlight = 8;
        s.p3Warmup = Duration.ofMillis(300);
        s.p3Measure = Duration.ofMillis(500);
        s.p3Rounds = 1;
        s.p4ChunkDelayMs = 2;
        s.p4Deltas = 5;
        s.p4Streams = 6;
        s.p4Concurrency = 2;
        s.p4Rounds = 1;
        s.p5Duration = Duration.ofSeconds(2);
        s.p5InFlight = 4;
        s.p6Exchanges = 50;
        s.p6InFlight = 10;
        s.p7Streams = 10;
        s.p7ReplyWords = 20;
        s.p7Rounds = 1;
        s.kafkaLatencyMs = 20;
        s.kafkaRecords = 40;
        s.kafkaWarmupRecords = 0;
        s.kafkaRounds = 1;
        s.kafkaKeys = 10;
        s.kafkaPoisonEvery = 20;
        return s;
    }

    /**
     * Overrides one size, e.g. {@code p7Streams=200}, {@code p2InFlight=64,256}, {@code p2Measure=20s} (durations in
     * seconds, or with an {@code ms} suffix): for reruns and experiments; a report made with overrides says so in its
     * command line.
     */
    public Scale set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("Expected name=value, got " + assignment);
        }
        String name = assignment.substring(0, eq).trim();
        String value = assignment.substring(eq + 1).trim();
        try {
            Field f = Scale.class.getField(name);
            Class<?> t = f.getType();
            if (t == int.class) {
                f.setInt(this, Integer.parseInt(value));
            } else if (t == long.class) {
                f.setLong(this, Long.parseLong(value));
            } else if (t == int[].class) {
                f.set(this, Arrays.stream(value.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray());
            } else if (t == Duration.class) {
                f.set(this, value.endsWith("ms") ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)))
                        : Duration.ofMillis(Math.round(Double.parseDouble(value.replaceAll("s$", "")) * 1000)));
            } else {
                throw new IllegalArgumentException(name + " cannot be set");
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalArgumentException("Unknown size '" + name + "'", e);
        }
        return this;
    }
}
