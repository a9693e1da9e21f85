package dev.camelbedrock.component.toolloop;

import java.util.concurrent.ExecutorService;

import dev.camelbedrock.component.flow.FlowControl;
import org.apache.camel.CamelContext;

/**
 * Where tool routes start, for the tool loop and an agent's return of control alike: one pool of the CamelContext per
 * handler, made on first use, so that the calls of one turn run at once. Its threads never block for an in-flight
 * slot ({@link FlowControl#TOOL_LOOP_NAME}).
 */
public final class ToolPool {

    private final Object owner;
    private volatile ExecutorService executor;

    public ToolPool(Object owner) {
        this.owner = owner;
    }

    public ExecutorService get(CamelContext context) {
        ExecutorService e = executor;
        if (e == null) {
            synchronized (this) {
                e = executor;
                if (e == null) {
                    e = context.getExecutorServiceManager().newDefaultThreadPool(owner, FlowControl.TOOL_LOOP_NAME);
                    executor = e;
                }
            }
        }
        return e;
    }

    public void close(CamelContext context) {
        ExecutorService e = executor;
        if (e != null) {
            context.getExecutorServiceManager().shutdown(e);
            executor = null;
        }
    }
}
