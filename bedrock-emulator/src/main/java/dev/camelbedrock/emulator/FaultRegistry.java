package dev.camelbedrock.emulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/** The pending injected faults of one emulator. Thread-safe; faults are consumed in the order added. */
public final class FaultRegistry {

    private static final class Pending {
        final Fault fault;
        int remaining;

        Pending(Fault fault) {
            this.fault = fault;
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
     * Consumes one application of the first fault matching the request. Error faults apply to any operation;
     * stream faults only when {@code streaming} is true. Returns {@code null} when none matches.
     *
     * @param modelMatcher tells whether a fault's model id designates the requested model
     */
    public synchronized Fault take(String operation, boolean streaming, Predicate<String> modelMatcher) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            Fault f = p.fault;
            if (f.isStreamFault() && !streaming) {
                continue;
            }
            if (f.operation() != null && !f.operation().equals(operation)) {
                continue;
            }
            if (f.modelId() != null && !modelMatcher.test(f.modelId())) {
                continue;
            }
            if (p.remaining != Fault.ALWAYS && --p.remaining <= 0) {
                it.remove();
            }
            return f;
        }
        return null;
    }
}
