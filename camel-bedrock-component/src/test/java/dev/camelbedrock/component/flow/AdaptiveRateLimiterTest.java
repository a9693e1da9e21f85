package dev.camelbedrock.component.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The AIMD rules on a fake clock: no timing, no flakiness. */
class AdaptiveRateLimiterTest {

    private long now = 1_000_000_000_000L;
    /** A fake timer: tasks run when the fake clock reaches them. */
    private final List<long[]> dueTimes = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();
    private final AdaptiveRateLimiter.Timer timer = (task, delay) -> {
        dueTimes.add(new long[] {now + delay});
        tasks.add(task);
    };
    private final AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0.1, 0, timer, () -> now);

    private void advanceMs(long ms) {
        now += TimeUnit.MILLISECONDS.toNanos(ms);
        for (int i = 0; i < tasks.size(); i++) {
            if (dueTimes.get(i)[0] <= now) {
                Runnable task = tasks.remove(i);
                dueTimes.remove(i);
                task.run();
                i = -1;
            }
        }
    }

    /** Sends {@code n} first attempts spread over {@code ms}, as an unpaced client would; returns the last send time. */
    private long send(int n, long ms) {
        long last = now;
        for (int i = 0; i < n; i++) {
            assertThat(limiter.acquire()).isNull();
            last = limiter.onAttempt(false);
            advanceMs(ms / n);
        }
        return last;
    }

    private void throttleAt(long sentAt) {
        limiter.onThrottle(sentAt, sentAt);
    }

    @Test
    void nothingIsPacedUntilTheFirstThrottle() {
        send(100, 1000);
        assertThat(limiter.rate()).isZero();
        limiter.onSuccess();
        assertThat(limiter.rate()).isZero();
    }

    @Test
    void aThrottleCutsTheRateTo70PercentOfWhatWasSent() {
        long sentBeforeCut = send(20, 1000); // 20 per second
        assertThat(limiter.onThrottle(sentBeforeCut, sentBeforeCut)).isTrue();
        assertThat(limiter.rate()).isCloseTo(14, within(0.5));

        // throttles of attempts sent before the cut were already accounted for: the SDK retrying does not multiply
        assertThat(limiter.onThrottle(sentBeforeCut - 1, sentBeforeCut - 1)).isFalse();
        assertThat(limiter.onThrottle(sentBeforeCut - 2, sentBeforeCut - 2)).isFalse();
        assertThat(limiter.rate()).isCloseTo(14, within(0.5));
        assertThat(limiter.throttles()).isEqualTo(3);

        // nor does an SDK retry, sent after the cut, of a request that started before it
        advanceMs(10);
        assertThat(limiter.onThrottle(sentBeforeCut - 3, now)).isFalse();
        assertThat(limiter.decreases()).isEqualTo(1);

        // a request that started after the cut and is throttled again cuts again
        advanceMs(10);
        assertThat(limiter.onThrottle(now, now)).isTrue();
        assertThat(limiter.rate()).isCloseTo(9.8, within(0.5));
    }

    @Test
    void requestsArePacedOneIntervalApartAndRetriesTakeTurns() {
        throttleAt(send(10, 1000)); // 7 per second: one every 143 ms
        assertThat(limiter.acquire()).isNull();
        CompletableFuture<Void> second = limiter.acquire();
        CompletableFuture<Void> third = limiter.acquire();
        assertThat(limiter.waiting()).isEqualTo(2);
        advanceMs(140);
        assertThat(second).isNotDone();
        advanceMs(5);
        assertThat(second).isDone();
        assertThat(third).isNotDone();
        limiter.onAttempt(true); // an SDK retry goes out: the third waits one more turn
        advanceMs(145);
        assertThat(third).isNotDone();
        advanceMs(145);
        assertThat(third).isDone();
    }

    @Test
    void queuedRequestsLeaveAtTheRateOfTheMomentTheyLeave() {
        throttleAt(send(10, 1000));
        throttleAt(limiter.onAttempt(false)); // cut again: 4.9 per second
        limiter.acquire();
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(limiter.acquire());
        }
        saturatedFor(50); // 5 s at a rate that climbs back as requests succeed
        long left = queued.stream().filter(CompletableFuture::isDone).count();
        assertThat(left).isEqualTo(10); // at the old 4.9/s, 10 take 2 s anyway; they all left
        List<CompletableFuture<Void>> stillQueued = List.of(limiter.acquire(), limiter.acquire(), limiter.acquire());
        limiter.close(new IllegalStateException("stopped"));
        assertThat(stillQueued).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
    }

    @Test
    void theRateClimbsBackLinearlyInFiveSecondsThenProbesUpwards() {
        throttleAt(send(10, 1000)); // 10 → 7
        saturatedFor(50); // 5 s of successes while requests are being held back
        assertThat(limiter.rate()).isCloseTo(10, within(0.3));
        saturatedFor(50); // 5 more seconds past the old rate: doubles

        assertThat(limiter.rate()).isCloseTo(20, within(1.0));
    }

    /** Steps of 100 ms in which 30 requests/s are offered (more than the rate) and succeed. */
    private void saturatedFor(int steps) {
        for (int i = 0; i < steps; i++) {
            limiter.acquire();
            limiter.acquire();
            limiter.acquire();
            advanceMs(100);
            limiter.onSuccess();
        }
    }

    @Test
    void aThrottleAnsweredLongAfterTheSendSeesTheRateOfThatMoment() {
        long sent = send(8, 80); // a burst of 8 ...
        advanceMs(3000); // ... answered 3 s later (a slow network, a loaded machine)
        limiter.onThrottle(sent, sent);
        assertThat(limiter.rate()).isCloseTo(5.6, within(0.01));
    }

    @Test
    void itDoesNotClimbWhileNothingIsHeldBack() {
        throttleAt(send(10, 1000));
        double cut = limiter.rate();
        advanceMs(3000); // idle: no request was delayed in the last second
        limiter.onSuccess();
        assertThat(limiter.rate()).isEqualTo(cut);
    }

    @Test
    void aMinuteWithoutThrottlesEndsThePacing() {
        throttleAt(send(10, 1000));
        advanceMs(61_000);
        assertThat(limiter.acquire()).isNull();
        assertThat(limiter.rate()).isZero();
    }

    @Test
    void floorAndCeiling() {
        // everything throttled, nothing sent in the window: the floor
        AdaptiveRateLimiter floor = new AdaptiveRateLimiter(0.5, 0, timer, () -> now);
        floor.onThrottle(now, now);
        assertThat(floor.rate()).isEqualTo(0.5);
        advanceMs(10);
        floor.onThrottle(now, now);
        assertThat(floor.rate()).isEqualTo(0.5);

        // a ceiling paces from the start and is never passed
        AdaptiveRateLimiter ceiling = new AdaptiveRateLimiter(0.1, 4, timer, () -> now);
        assertThat(ceiling.rate()).isEqualTo(4);
        assertThat(ceiling.acquire()).isNull();
        CompletableFuture<Void> next = ceiling.acquire();
        advanceMs(240);
        assertThat(next).isNotDone();
        advanceMs(10);
        assertThat(next).isDone();
        for (int i = 0; i < 100; i++) {
            ceiling.acquire();
            advanceMs(100);
            ceiling.onSuccess();
        }
        assertThat(ceiling.rate()).isEqualTo(4);

        assertThatThrownBy(() -> new AdaptiveRateLimiter(0, 0, timer)).hasMessageContaining("rateControlMinRate");
        assertThatThrownBy(() -> new AdaptiveRateLimiter(5, 1, timer)).hasMessageContaining("rateControlMaxRate");
    }
}
