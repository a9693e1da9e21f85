package dev.camelbedrock.emulator.resources;

import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;

/** A route and a lambda: the small operations of the resource features (knowledge bases, guardrails, PT). */
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
