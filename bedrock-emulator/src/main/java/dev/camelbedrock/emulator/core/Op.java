package dev.camelbedrock.emulator.core;


/**
 * A route and a lambda: the one way to define an operation. {@link #admin} makes an endpoint of the emulator's own
 * {@code /_emulator} API, whose {@link IllegalArgumentException}s answer as a ValidationException.
 */
public final class Op implements Operation {

    /** The handler of one operation. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    private final String name;
    private final String method;
    private final String path;
    private final Service service;
    private final boolean streaming;
    private final Handler handler;

    private Op(String name, String method, String path, Service service, boolean streaming, Handler handler) {
        this.name = name;
        this.method = method;
        this.path = path;
        this.service = service;
        this.streaming = streaming;
        this.handler = handler;
    }

    public static Op of(String name, String method, String path, Service service, Handler handler) {
        return new Op(name, method, path, service, false, handler);
    }

    public static Op streaming(String name, String method, String path, Service service, Handler handler) {
        return new Op(name, method, path, service, true, handler);
    }

    /** An endpoint of the emulator's own {@code /_emulator} API (not counted, no faults, no latency). */
    public static Op admin(String name, String method, String path, Handler handler) {
        return new Op(name, method, path, Service.ADMIN, false, ex -> {
            try {
                handler.handle(ex);
            } catch (IllegalArgumentException e) {
                throw ServiceException.validation(e.getMessage());
            }
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Service service() {
        return service;
    }

    @Override
    public boolean streaming() {
        return streaming;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        handler.handle(exchange);
    }

    @Override
    public String toString() {
        return name + " " + method + " " + path;
    }
}
