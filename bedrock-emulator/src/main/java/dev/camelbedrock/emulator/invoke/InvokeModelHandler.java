package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /model/{modelId}/invoke}: the model's native JSON body in, its native JSON answer out, with the
 * {@code X-Amzn-Bedrock-Input-Token-Count}, {@code -Output-Token-Count} and {@code -Invocation-Latency} headers.
 * Image generation runs on a small worker pool so the event loop never encodes PNGs.
 */
public final class InvokeModelHandler implements Operation {

    /** Shared by all emulator instances; daemon threads, at most 2 (image encoding is CPU-bound). */
    private static final ExecutorService WORKERS = workers();

    @Override
    public String name() {
        return "InvokeModel";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/model/{modelId}/invoke";
    }

    @Override
    public Service service() {
        return Service.RUNTIME;
    }

    @Override
    public void handle(Exchange ex) {
        Invocation inv = Invocation.open(ex, false);
        Family family = Families.resolve(inv);
        if (family instanceof TextFamily) {
            TextFamily tf = (TextFamily) family;
            Turn turn = tf.turn(inv);
            send(ex, turn.decorate(tf.response(turn)), turn.inputTokens, turn.outputTokens());
            return;
        }
        NonTextFamily nt = (NonTextFamily) family;
        if (!nt.offload()) {
            NonTextFamily.Output out = nt.invoke(inv);
            send(ex, out.body, out.inputTokens, out.outputTokens);
            return;
        }
        WORKERS.execute(() -> {
            try {
                NonTextFamily.Output out = nt.invoke(inv);
                send(ex, out.body, out.inputTokens, out.outputTokens);
            } catch (ServiceException e) {
                ex.sendError(e);
            } catch (RuntimeException | Error e) {
                ex.sendError(new ServiceException("InternalServerException", 500,
                        "Emulator failure in InvokeModel: " + e));
            }
        });
    }

    static void send(Exchange ex, ObjectNode body, int inputTokens, int outputTokens) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amzn-Bedrock-Input-Token-Count", String.valueOf(inputTokens));
        headers.put("X-Amzn-Bedrock-Output-Token-Count", String.valueOf(outputTokens));
        headers.put("X-Amzn-Bedrock-Invocation-Latency", String.valueOf(Math.max(1, ex.elapsedMillis())));
        echo(ex, headers);
        ex.send(200, "application/json", Json.bytes(body), headers);
    }

    /** The performance-config and service-tier request headers come back on the response. */
    static void echo(Exchange ex, Map<String, String> headers) {
        for (String h : new String[] {"X-Amzn-Bedrock-PerformanceConfig-Latency", "X-Amzn-Bedrock-Service-Tier"}) {
            String v = ex.header(h);
            if (v != null) {
                headers.put(h, v);
            }
        }
    }

    private static ExecutorService workers() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "bedrock-emulator-images-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
