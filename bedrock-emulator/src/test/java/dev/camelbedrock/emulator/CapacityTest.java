package dev.camelbedrock.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator must not be what limits a load test. Measured two ways, with the real SDK as the client: the CPU time
 * its I/O threads spend per request (independent of how loaded the machine is), and how many slow requests it holds
 * open at once. The numbers are printed; the assertions are deliberately loose.
 */
class CapacityTest {

    @Test
    void emulatorCpuPerRequestAndConcurrency() {
        try (BedrockEmulator emulator = BedrockEmulator.builder().ioThreads(2).quota("amazon\\..*", 600, 0).build().start();
             BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder()
                     .endpointOverride(emulator.uri()).region(Region.US_EAST_1).credentialsProvider(Sdk.CREDENTIALS)
                     .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(1000)
                             .connectionAcquisitionTimeout(Duration.ofSeconds(60)))
                     .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                     .build()) {
            run(client, 200, 50); // warm up both sides

            long cpu0 = emulatorCpuNanos();
            long t0 = System.nanoTime();
            int n = 1000;
            run(client, n, 100); // with a quota set (for other models): its check is on the path of every request
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            long cpuPerRequestMicros = (emulatorCpuNanos() - cpu0) / n / 1000;
            System.out.printf("emulator: %d Converse calls, 100 concurrent, in %d ms (%d/s end to end, SDK client "
                              + "included); emulator I/O threads' CPU per request: %d us (~%d requests/s per core)%n",
                    n, wallMs, n * 1000L / Math.max(1, wallMs), cpuPerRequestMicros,
                    1_000_000 / Math.max(1, cpuPerRequestMicros));
            assertThat(cpuPerRequestMicros).isLessThan(5_000);

            // 1000 requests of 2 s each, all at once: held open together, answered in about one latency (the SDK
            // client needs a second or two to send them all on this machine)
            emulator.latency(Duration.ofMillis(2000));
            emulator.stats().reset();
            t0 = System.nanoTime();
            run(client, 1000, 1000);
            wallMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("emulator: 1000 calls of 2 s, 1000 concurrent, in %d ms; max in flight %d%n", wallMs,
                    emulator.stats().maxInFlight());
            assertThat(emulator.stats().maxInFlight()).isGreaterThanOrEqualTo(500);
            assertThat(wallMs).isLessThan(60_000); // one after the other would take 2000 s
        }
    }

    private static void run(BedrockRuntimeAsyncClient client, int n, int concurrency) {
        List<CompletableFuture<ConverseResponse>> window = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            window.add(client.converse(Sdk.converse(HAIKU, "load " + i)));
            if (window.size() == concurrency) {
                window.forEach(Sdk::join);
                window.clear();
            }
        }
        window.forEach(Sdk::join);
    }

    private static long emulatorCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("bedrock-emulator-")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }
}
