package dev.camelbedrock.component.flow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightLimitTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    @Test
    void aThreadThatMayBlockWaitsForAPermit() throws Exception {
        InFlightLimit limit = new InFlightLimit(1, executor);
        assertThat(limit.acquire(true)).isNull();
        CountDownLatch entered = new CountDownLatch(1);
        Future<?> waiter = executor.submit(() -> {
            entered.countDown();
            return limit.acquire(true);
        });
        entered.await();
        awaitWaiting(limit, 1);
        assertThat(waiter.isDone()).isFalse();
        limit.release();
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(limit.inUse()).isEqualTo(1); // handed over, not released and taken again
        limit.release();
        assertThat(limit.inUse()).isZero();
    }

    @Test
    void aThreadThatMustNotBlockParksAndResumesOnTheExecutor() throws Exception {
        InFlightLimit limit = new InFlightLimit(2, executor);
        limit.acquire(false);
        limit.acquire(false);
        CompletableFuture<Void> first = limit.acquire(false);
        CompletableFuture<Void> second = limit.acquire(false);
        assertThat(first).isNotDone();
        // at most max may park: the next is refused rather than queued without bound
        assertThatThrownBy(() -> limit.acquire(false)).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("seda");
        CompletableFuture<Thread> resumedOn = first.thenApply(v -> Thread.currentThread());
        limit.release();
        assertThat(resumedOn.get(10, TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread());
        assertThat(second).isNotDone();
        assertThat(limit.inUse()).isEqualTo(2);

        limit.close();
        assertThat(second).isCompletedExceptionally();
        assertThatThrownBy(() -> limit.acquire(true)).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void closingWakesBlockedThreads() throws Exception {
        InFlightLimit limit = new InFlightLimit(1, executor);
        limit.acquire(true);
        Future<?> waiter = executor.submit(() -> limit.acquire(true));
        awaitWaiting(limit, 1);
        limit.close();
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RejectedExecutionException.class);
    }

    private static void awaitWaiting(InFlightLimit limit, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limit.waiting() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(limit.waiting()).isEqualTo(n);
    }
}
