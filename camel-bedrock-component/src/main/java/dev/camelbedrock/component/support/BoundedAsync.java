package dev.camelbedrock.component.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs asynchronous calls over a list with at most N in flight, without blocking a thread: each completion starts the
 * next call. The results keep the input order; the first failure fails the whole, and no further call is started.
 */
public final class BoundedAsync {

    private BoundedAsync() {
    }

    public static <T, R> CompletableFuture<List<R>> mapOrdered(List<T> inputs, int concurrency, Function<T, CompletableFuture<R>> call) {
        CompletableFuture<List<R>> all = new CompletableFuture<>();
        int n = inputs.size();
        if (n == 0) {
            all.complete(List.of());
            return all;
        }
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(n);
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n || all.isDone()) {
                return;
            }
            CompletableFuture<R> f;
            try {
                f = call.apply(inputs.get(i));
            } catch (RuntimeException e) {
                all.completeExceptionally(e);
                return;
            }
            f.whenComplete((r, failure) -> {
                if (failure != null) {
                    all.completeExceptionally(failure);
                    return;
                }
                results[i] = r;
                if (remaining.decrementAndGet() == 0) {
                    @SuppressWarnings("unchecked")
                    List<R> list = (List<R>) new ArrayList<>(Arrays.asList(results));
                    all.complete(list);
                } else {
                    launch[0].run();
                }
            });
        };
        for (int k = 0; k < Math.min(Math.max(1, concurrency), n); k++) {
            launch[0].run();
        }
        return all;
    }
}
