package dev.camelbedrock.emulator.admin;

import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;

/** An endpoint of the emulator's own {@code /_emulator} API (not counted, no faults, no latency). */
final class AdminOperation implements Operation {

    interface Body {
        void handle(Exchange ex) throws Exception;
    }

    private final String name;
    private final String method;
    private final String path;
    private final Body body;

    AdminOperation(String name, String method, String path, Body body) {
        this.name = name;
        this.method = method;
        this.path = path;
        this.body = body;
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
        return Service.ADMIN;
    }

    @Override
    public void handle(Exchange ex) throws Exception {
        try {
            body.handle(ex);
        } catch (IllegalArgumentException e) {
            throw ServiceException.validation(e.getMessage());
        }
    }
}
