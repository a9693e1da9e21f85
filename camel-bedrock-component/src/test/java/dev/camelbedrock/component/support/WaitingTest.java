package dev.camelbedrock.component.support;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelbedrock.component.error.BedrockResourceFailedException;
import dev.camelbedrock.component.error.BedrockWaitTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitingTest {

    private static final Waiting.Settings FAST = new Waiting.Settings(Duration.ofMillis(10), Duration.ofSeconds(5));

    private static Waiting.Status status(String s) {
        return switch (s) {
            case "InService" -> Waiting.Status.succeeded(s);
            case "Failed" -> Waiting.Status.failed(s, "capacity");
            default -> Waiting.Status.pending(s);
        };
    }

    private static CompletableFuture<String> run(List<String> statuses, Waiting.Settings settings, AtomicInteger calls) {
        Iterator<String> it = statuses.iterator();
        return Waiting.until(() -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(it.hasNext() ? it.next() : "Creating");
        }, WaitingTest::status, "provisioned throughput pt-1", "createProvisionedThroughput", settings,
                LoggerFactory.getLogger(WaitingTest.class));
    }

    @Test
    void checksAgainUntilDone() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<String> f = run(List.of("Creating", "Creating", "InService"), FAST, calls);
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("InService");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aFailedStatusFailsWithTheReason() {
        CompletableFuture<String> f = run(List.of("Creating", "Failed"), FAST, new AtomicInteger());
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BedrockResourceFailedException.class)
                .hasMessageContaining("provisioned throughput pt-1").hasMessageContaining("Failed").hasMessageContaining("capacity");
    }

    @Test
    void givesUpAtTheTimeoutNamingTheLastStatus() {
        long start = System.nanoTime();
        CompletableFuture<String> f = run(List.of(), new Waiting.Settings(Duration.ofMillis(50), Duration.ofMillis(300)),
                new AtomicInteger());
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(BedrockWaitTimeoutException.class, e -> {
            assertThat(e.getLastStatus()).isEqualTo("Creating");
            assertThat(e.getResource()).isEqualTo("provisioned throughput pt-1");
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).startsWith("createProvisionedThroughput: gave up waiting for provisioned throughput pt-1");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
    }

    @Test
    void aFailingCheckFailsTheWait() {
        CompletableFuture<String> f = Waiting.until(() -> CompletableFuture.failedFuture(new IllegalStateException("boom")),
                WaitingTest::status, "x", "op", FAST, LoggerFactory.getLogger(WaitingTest.class));
        assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void theWaitingThreadIsNotBlocked() {
        // the first check answers later; until() must return at once
        CompletableFuture<String> later = new CompletableFuture<>();
        long start = System.nanoTime();
        CompletableFuture<String> f = Waiting.until(() -> later, WaitingTest::status, "x", "op", FAST,
                LoggerFactory.getLogger(WaitingTest.class));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(f).isNotDone();
        later.complete("InService");
        assertThat(f.join()).isEqualTo("InService");
    }
}
