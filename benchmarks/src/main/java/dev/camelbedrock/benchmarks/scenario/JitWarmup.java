package dev.camelbedrock.benchmarks.scenario;

import java.net.URI;
import java.time.Duration;

import dev.camelbedrock.benchmarks.load.ClosedLoop;
import dev.camelbedrock.benchmarks.subject.Subject;

/**
 * Before any scenario: both subjects run converse for a while so that the JIT has compiled the SDK's, Netty's,
 * Camel's and the component's hot paths. Without it, whichever subject runs first in a scenario pays for compiling
 * code the other then gets for free (seen here: a 5× swing between the first and the fourth phase). Nothing of it
 * is recorded beyond its length.
 */
final class JitWarmup {

    private JitWarmup() {
    }

    /** Alternates raw SDK and route, {@code each} at a time, until {@code total} has passed. */
    static void run(BenchContext bench, Duration total, Duration each) throws Exception {
        if (total.isZero()) {
            return;
        }
        URI uri = bench.emulator().uri();
        bench.emulator().configure(0, 0);
        long end = System.nanoTime() + total.toNanos();
        boolean raw = true;
        while (System.nanoTime() < end) {
            Subject.Factory factory = raw ? ConversePhase.raw(uri, null, 64) : ConversePhase.route(uri, null, 64);
            try (Subject subject = factory.create()) {
                ClosedLoop.prime(subject.call(), Duration.ofSeconds(120));
                ClosedLoop.forDuration(subject.call(), 64, Duration.ZERO, each, bench.watch());
            }
            raw = !raw;
        }
    }
}
