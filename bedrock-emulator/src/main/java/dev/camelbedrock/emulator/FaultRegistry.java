package dev.camelbedrock.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The pending injected faults of one emulator. Thread-safe; the first pending fault that matches a request (and,
 * for a probabilistic fault, whose draw fires) applies. Each fault has its own {@link Random} seeded with
 * {@link Fault#seed()}: the n-th request it matches always gets the same decision and the same pick.
 */
public final class FaultRegistry {

    private static final class Pending {
        final Fault fault;
        final Random random;
        int remaining;

        Pending(Fault fault) {
            this.fault = fault;
            this.random = new Random(fault.seed());
            this.remaining = fault.times();
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    public synchronized FaultRegistry add(Fault fault) {
        pending.add(new Pending(fault));
        return this;
    }

    public synchronized FaultRegistry clear() {
        pending.clear();
        return this;
    }

    /** The faults still pending, with {@link Fault#times()} set to the remaining count. */
    public synchronized List<Fault> pending() {
        List<Fault> out = new ArrayList<>();
        for (Pending p : pending) {
            out.add(p.remaining == Fault.ALWAYS ? p.fault : p.fault.times(p.remaining));
        }
        return out;
    }

    /**
     * Consumes one application of the first fault matching the request and returns the concrete fault (for a
     * {@link Fault#oneOf(List)} fault: the kind picked), or {@code null} when none applies. Stream-only kinds
     * (stream exceptions, cuts) apply only when {@code streaming} is true.
     *
     * @param modelId the model id as requested (null for operations without a model)
     * @param baseId  its resolved base id, or null
     */
    public Fault take(String operation, boolean streaming, String modelId, String baseId) {
        return take(operation, streaming, modelId, () -> baseId);
    }

    /**
     * As {@link #take(String, boolean, String, String)}, with the base id resolved only when a pending fault
     * targets a model (at most once per call): requests that no model-targeted fault concerns resolve nothing.
     */
    public synchronized Fault take(String operation, boolean streaming, String modelId, Supplier<String> baseId) {
        String base = null;
        boolean resolved = false;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            Fault f = p.fault;
            if (!f.fits(streaming) || (f.operation() != null && !f.operation().equals(operation))) {
                continue;
            }
            if (f.modelId() != null || f.modelPattern() != null) {
                if (modelId == null) {
                    continue;
                }
                if (!resolved) {
                    base = baseId.get();
                    resolved = true;
                }
                if (!f.matchesModel(modelId, base)) {
                    continue;
                }
            }
            if (f.probability() < 1 && p.random.nextDouble() >= f.probability()) {
                continue;
            }
            if (p.remaining != Fault.ALWAYS && --p.remaining <= 0) {
                it.remove();
            }
            if (f.kind() != null) {
                return f;
            }
            List<Fault> fitting = f.alternatives().stream().filter(a -> a.fits(streaming)).toList();
            return f.resolve(fitting.get(p.random.nextInt(fitting.size())));
        }
        return null;
    }
}
