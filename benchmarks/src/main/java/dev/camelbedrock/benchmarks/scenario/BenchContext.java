package dev.camelbedrock.benchmarks.scenario;

import java.time.Duration;
import java.util.Set;

import dev.camelbedrock.benchmarks.emulator.EmulatorProcess;
import dev.camelbedrock.benchmarks.shared.ThreadWatch;

/** What every scenario shares: the emulator process, the sizes, and the thread watch of this (the subject's) JVM. */
public final class BenchContext {

    private final EmulatorProcess emulator;
    private final Scale scale;
    private final ThreadWatch watch;
    private final int idleThreads;
    private final Set<String> idleGroups;

    public BenchContext(EmulatorProcess emulator, Scale scale, ThreadWatch watch) {
        this.emulator = emulator;
        this.scale = scale;
        this.watch = watch;
        this.idleThreads = watch.live();
        this.idleGroups = ThreadWatch.byName().keySet();
    }

    /** Runs the JIT warm-up of {@link Scale#jitWarmup} (see {@link JitWarmup}); returns how long it took. */
    public Duration warmUp() throws Exception {
        long start = System.nanoTime();
        JitWarmup.run(this, scale.jitWarmup, Duration.ofSeconds(10));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    public EmulatorProcess emulator() {
        return emulator;
    }

    public Scale scale() {
        return scale;
    }

    public ThreadWatch watch() {
        return watch;
    }

    /** Live threads of this JVM with no subject alive: the JVM's own, the harness's main thread and its sampler. */
    public int idleThreads() {
        return idleThreads;
    }

    /**
     * Waits for the previous subject's threads to wind down (Netty and SDK pools stop asynchronously): until every live
     * thread is of a kind the idle JVM had, or is a JDK process reaper (a child JVM's, which the JDK keeps for a minute
     * and which is no subject's); returns the live count then: the baseline the next subject's threads are counted from.
     */
    public int settleThreads() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && !ThreadWatch.byName().keySet().stream().allMatch(BenchContext.this::idleKind)) {
            Thread.sleep(50);
        }
        return watch.live();
    }

    private boolean idleKind(String group) {
        return idleGroups.contains(group) || group.startsWith("process reaper") || group.equals("Attach Listener");
    }
}
