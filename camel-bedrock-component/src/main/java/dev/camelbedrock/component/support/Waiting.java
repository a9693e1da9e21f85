package dev.camelbedrock.component.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.error.BedrockResourceFailedException;
import dev.camelbedrock.component.error.BedrockWaitTimeoutException;
import org.slf4j.Logger;

/**
 * Waits for long-running Bedrock work (an ingestion job, a provisioned throughput) without blocking a thread: each
 * check is an asynchronous SDK call, and the next one is scheduled with {@link CompletableFuture#delayedExecutor} on the
 * JDK's shared delay timer, which only starts that call. Progress goes to the log at INFO.
 */
public final class Waiting {

    /**
     * What one status check found.
     *
     * @param reason for a failure, why; while pending, progress details for the log (may be null)
     */
    public record Status(String status, boolean done, boolean failed, String reason) {

        public static Status pending(String status) {
            return new Status(status, false, false, null);
        }

        public static Status pending(String status, String progress) {
            return new Status(status, false, false, progress);
        }

        public static Status succeeded(String status) {
            return new Status(status, true, false, null);
        }

        public static Status failed(String status, String reason) {
            return new Status(status, true, true, reason);
        }
    }

    /** The poll interval and the timeout, from the pollInterval and waitTimeout options. */
    public record Settings(Duration interval, Duration timeout) {
    }

    private Waiting() {
    }

    /** Reads and checks the pollInterval and waitTimeout options (both must be positive). */
    public static Settings settings(EndpointOptions config, String operation) {
        if (config.getPollInterval() <= 0 || config.getWaitTimeout() <= 0) {
            throw new BedrockInputException(operation, null, "waitForCompletion needs a positive pollInterval and waitTimeout; they are "
                    + config.getPollInterval() + " ms and " + config.getWaitTimeout() + " ms");
        }
        return new Settings(Duration.ofMillis(config.getPollInterval()), Duration.ofMillis(config.getWaitTimeout()));
    }

    /**
     * Calls {@code check} until {@code status} says done, then completes with the last result; fails with
     * {@link BedrockResourceFailedException} when the final status is a failure and with
     * {@link BedrockWaitTimeoutException} when {@code timeout} passes first.
     *
     * @param what names the awaited resource in log lines and exceptions, e.g. "provisioned throughput arn:..."
     */
    public static <T> CompletableFuture<T> until(Supplier<CompletableFuture<T>> check, Function<T, Status> status, String what,
                                                 String operation, Settings settings, Logger log) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long start = System.nanoTime();
        new Poll<>(check, status, what, operation, settings.interval(), settings.timeout(), log, result, start).run();
        return result;
    }

    private record Poll<T>(Supplier<CompletableFuture<T>> check, Function<T, Status> status, String what, String operation,
                           Duration interval, Duration timeout, Logger log, CompletableFuture<T> result, long start)
            implements Runnable {

        @Override
        public void run() {
            CompletableFuture<T> call;
            try {
                call = check.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            call.whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                    return;
                }
                try {
                    next(value);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }

        private void next(T value) {
            Status s = status.apply(value);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (s.failed()) {
                log.warn("{} ended in {} after {}{}", what, s.status(), human(elapsed), s.reason() != null ? ": " + s.reason() : "");
                result.completeExceptionally(new BedrockResourceFailedException(operation + ": " + what + " ended in status "
                        + s.status() + (s.reason() != null ? ": " + s.reason() : ""), operation, what, s.status(), s.reason()));
                return;
            }
            if (s.done()) {
                log.info("{} is {} after {}", what, s.status(), human(elapsed));
                result.complete(value);
                return;
            }
            Duration left = timeout.minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                result.completeExceptionally(new BedrockWaitTimeoutException(operation + ": gave up waiting for " + what + " after "
                        + human(elapsed) + " (waitTimeout " + human(timeout) + "); its last status was " + s.status(),
                        operation, what, s.status()));
                return;
            }
            long delay = Math.min(interval.toMillis(), left.toMillis());
            log.info("Waiting for {}: status {}{} after {} (next check in {}, waitTimeout {})", what, s.status(),
                    s.reason() != null ? " (" + s.reason() + ")" : "", human(elapsed), human(Duration.ofMillis(delay)), human(timeout));
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, Runnable::run).execute(this);
        }
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return ms + " ms";
        }
        long s = d.toSeconds();
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
}
