package dev.camelbedrock.benchmarks.emulator;

import java.util.concurrent.CountDownLatch;

import dev.camelbedrock.emulator.BedrockEmulator;

/**
 * The emulator as the benchmarks run it, in a JVM of its own (so that its threads, heap and CPU accounting stay out of
 * the subject's): the standard emulator plus {@link TimestampedConverseStream}.
 * {@code --port N --io-threads N --request-log-size N}. Prints {@code Bedrock emulator listening on http://H:P}.
 */
public final class BenchEmulatorMain {

    public static final String LISTENING = "Bedrock emulator listening on ";

    private BenchEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        BedrockEmulator.Builder b = BedrockEmulator.builder().port(0).requestLogCapacity(64)
                .operation(new TimestampedConverseStream());
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--port" -> b.port(value);
                case "--io-threads" -> b.ioThreads(value);
                case "--request-log-size" -> b.requestLogCapacity(value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        BedrockEmulator emulator = b.build().start();
        System.out.println(LISTENING + emulator.uri());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "bench-emulator-shutdown"));
        stopped.await();
    }
}
