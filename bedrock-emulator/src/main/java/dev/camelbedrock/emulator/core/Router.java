package dev.camelbedrock.emulator.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Routes by HTTP method and raw path. Segments are percent-decoded one by one, so an ARN with {@code %2F}
 * stays one segment. When several templates match, the one with the most literal segments wins.
 */
public final class Router {

    /** A route match: the operation and its bound path parameters (decoded). */
    public static final class Match {
        private final Operation operation;
        private final Map<String, String> params;

        Match(Operation operation, Map<String, String> params) {
            this.operation = operation;
            this.params = params;
        }

        public Operation operation() {
            return operation;
        }

        public Map<String, String> params() {
            return params;
        }
    }

    private static final class Entry {
        final Operation operation;
        final String method;
        final PathTemplate template;

        Entry(Operation operation) {
            this.operation = operation;
            this.method = operation.method().toUpperCase(Locale.ROOT);
            this.template = new PathTemplate(operation.path());
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** Adds an operation; an operation with the same method and template replaces the earlier one. */
    public Router register(Operation operation) {
        Entry e = new Entry(operation);
        entries.removeIf(x -> x.method.equals(e.method) && x.template.template().equals(e.template.template()));
        entries.add(e);
        return this;
    }

    public Match match(String method, String rawPath) {
        List<String> segments = PathTemplate.decodedSegments(rawPath);
        String m = method.toUpperCase(Locale.ROOT);
        Match best = null;
        int bestLiterals = -1;
        for (Entry e : entries) {
            if (!e.method.equals(m)) {
                continue;
            }
            Map<String, String> params = e.template.match(segments);
            if (params != null && e.template.literalCount() > bestLiterals) {
                best = new Match(e.operation, params);
                bestLiterals = e.template.literalCount();
            }
        }
        return best;
    }

    public List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.operation);
        }
        return out;
    }
}
