package dev.camelbedrock.component.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelbedrock.component.support.BoundedAsync;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedAsyncTest {

    @Test
    void keepsOrderAndNeverExceedsTheBound() throws Exception {
        List<CompletableFuture<String>> pending = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<Integer> inputs = List.of(0, 1, 2, 3, 4, 5, 6);
        CompletableFuture<List<String>> all = BoundedAsync.mapOrdered(inputs, 3, i -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<String> f = new CompletableFuture<>();
            synchronized (pending) {
                pending.add(f);
            }
            return f;
        });
        // complete the calls out of order, newest first, as they start
        for (int round = 0; round < 20 && !all.isDone(); round++) {
            List<CompletableFuture<String>> now;
            synchronized (pending) {
                now = new ArrayList<>(pending);
                pending.clear();
            }
            for (int k = now.size() - 1; k >= 0; k--) {
                inFlight.decrementAndGet(); // counted before completing: completion starts the next call at once
                now.get(k).complete("r");
            }
        }
        assertThat(all.get()).hasSize(7);
        assertThat(maxInFlight.get()).isEqualTo(3);

        List<String> ordered = BoundedAsync.mapOrdered(inputs, 2, i -> CompletableFuture.completedFuture("v" + i)).get();
        assertThat(ordered).containsExactly("v0", "v1", "v2", "v3", "v4", "v5", "v6");
    }

    @Test
    void theFirstFailureFailsTheWholeAndStopsStarting() {
        AtomicInteger started = new AtomicInteger();
        CompletableFuture<List<Object>> all = BoundedAsync.mapOrdered(List.of(1, 2, 3, 4, 5), 1, i -> {
            started.incrementAndGet();
            return i == 2 ? CompletableFuture.failedFuture(new IllegalStateException("boom")) : CompletableFuture.completedFuture(i);
        });
        assertThatThrownBy(all::get).hasRootCauseMessage("boom");
        assertThat(started.get()).isEqualTo(2);
    }
}
