package dev.camelbedrock.component;

/** The messages of an exception and its causes, for tests: Camel wraps a route's start failure once or twice. */
public final class CauseMessages {

    private CauseMessages() {
    }

    public static String of(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
