package dev.camelbedrock.benchmarks.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.benchmarks.shared.ThreadWatch;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * The baseline of P3, in a JVM of its own: Camel's {@code aws-bedrock:} (camel-aws-bedrock 4.18.0) converse through
 * a {@code direct:} route, called by N threads in a closed loop. Its producer is synchronous (the SDK's sync client,
 * Apache HTTP client, HTTP/1.1), so each thread has exactly one call in flight: N threads, N in flight.
 *
 * <pre>
 * java -cp &lt;peer classpath&gt; dev.camelbedrock.benchmarks.peer.PeerMain --url http://127.0.0.1:PORT --threads 16
 *      --warmup-ms 5000 --measure-ms 15000 [--model anthropic.claude-3-haiku-20240307-v1:0] [--prompt TEXT]
 * </pre>
 *
 * The warm-up starts once every caller has completed one call, and lasts the given time and until two more calls per
 * thread have completed. Prints one line {@code PEER_RESULT {json}}: completed and failed calls in the measured window, its length, the
 * throughput, and this JVM's live threads (peak in the window, and by name).
 */
public final class PeerMain {

    public static final String RESULT_PREFIX = "PEER_RESULT ";

    private PeerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        String url = required(a, "url");
        int threads = Integer.parseInt(a.getOrDefault("threads", "16"));
        long warmupMs = Long.parseLong(a.getOrDefault("warmup-ms", "5000"));
        long measureMs = Long.parseLong(a.getOrDefault("measure-ms", "15000"));
        String model = a.getOrDefault("model", "anthropic.claude-3-haiku-20240307-v1:0");
        String prompt = a.getOrDefault("prompt", "hello benchmark");

        // Two sync HTTP clients are on this classpath (apache-client, which the peer is built for, and apache5-client,
        // which SDK 2.50.2 modules bring at runtime scope): pick the peer's own, explicitly.
        System.setProperty("software.amazon.awssdk.http.service.impl", "software.amazon.awssdk.http.apache.ApacheSdkHttpService");

        ThreadWatch watch = ThreadWatch.start(50);
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:peer")
                        .to("aws-bedrock:peer?operation=converse&modelId=" + model + "&region=us-east-1"
                            + "&accessKey=bench&secretKey=RAW(bench)&overrideEndpoint=true&uriEndpointOverride=" + url);
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        List<Message> messages = List.of(Message.builder().role(ConversationRole.USER)
                .content(ContentBlock.fromText(prompt)).build());

        LongAdder completed = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = new ArrayList<>();
        long begin = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    Exchange result = template.send("direct:peer",
                            e -> e.getMessage().setHeader("CamelAwsBedrockConverseMessages", messages));
                    if (result.getException() != null) {
                        failed.increment();
                        firstError.compareAndSet(null, result.getException().toString());
                    } else {
                        completed.increment();
                    }
                }
            }, "peer-caller-" + i);
            callers.add(t);
            t.start();
        }

        // the warm-up starts once every caller has finished a first call (building the SDK client and loading its
        // classes takes seconds on a busy machine), and lasts warmupMs and until 2 calls per thread completed, as the
        // harness's own closed loop does
        long primeEnd = System.nanoTime() + 120_000_000_000L;
        while (completed.sum() + failed.sum() < threads && System.nanoTime() < primeEnd) {
            Thread.sleep(20);
        }
        long warmEnd = System.nanoTime() + warmupMs * 1_000_000;
        long cap = warmEnd + 120_000_000_000L;
        long now;
        while ((now = System.nanoTime()) < warmEnd || (completed.sum() + failed.sum() < 3L * threads && now < cap)) {
            Thread.sleep(20);
        }
        long c0 = completed.sum();
        long f0 = failed.sum();
        long t0 = System.nanoTime();
        watch.resetPeak();
        Thread.sleep(measureMs);
        long c1 = completed.sum();
        long f1 = failed.sum();
        long t1 = System.nanoTime();
        int peakThreads = watch.peak();
        Map<String, Integer> byName = ThreadWatch.byName();
        running.set(false);
        for (Thread t : callers) {
            t.join(60_000);
        }
        context.stop();
        watch.close();

        double seconds = (t1 - t0) / 1e9;
        Map<String, Object> out = new HashMap<>();
        out.put("threads", threads);
        out.put("completed", c1 - c0);
        out.put("failed", f1 - f0);
        out.put("seconds", seconds);
        out.put("warmupSeconds", (t0 - begin) / 1e9);
        out.put("throughput", (c1 - c0) / seconds);
        out.put("peakLiveThreads", peakThreads);
        out.put("threadsByName", byName);
        out.put("firstError", firstError.get());
        out.put("httpClient", System.getProperty("software.amazon.awssdk.http.service.impl"));
        System.out.println(RESULT_PREFIX + new ObjectMapper().writeValueAsString(out));
        System.out.flush();
        System.exit(0);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
            }
            out.put(args[i].substring(2), args[++i]);
        }
        return out;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return v;
    }
}
