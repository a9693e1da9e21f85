package dev.camelbedrock.benchmarks.subject;

import java.net.URI;

import dev.camelbedrock.benchmarks.load.AsyncCall;
import dev.camelbedrock.component.BedrockComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The subject: a CamelContext with the {@code bedrock:} component pointed at the emulator, and routes. A call sends
 * one exchange to the entry endpoint through its {@link AsyncProducer} (Camel's asynchronous routing engine, as an
 * asynchronous consumer such as Kafka's drives a route): the driver's thread is not held while the call is in flight.
 */
public final class CamelSubject implements Subject {

    private final CamelContext context;
    private final AsyncCall call;

    public CamelSubject(URI emulator, RouteBuilder routes, String entryUri, Object body) throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("bedrock", component(emulator));
        context.addRoutes(routes);
        context.start();
        call = send(entryUri, body);
    }

    /**
     * The {@code bedrock:} component every route of the harness gets: pointed at the emulator, the benchmark's region
     * and keys, otherwise the component's defaults.
     */
    public static BedrockComponent component(URI emulator) {
        BedrockComponent bedrock = new BedrockComponent();
        bedrock.getConfiguration().setEndpointOverride(emulator.toString());
        bedrock.getConfiguration().setRegion(Bench.REGION);
        bedrock.getConfiguration().setAccessKey(Bench.ACCESS_KEY);
        bedrock.getConfiguration().setSecretKey(Bench.SECRET_KEY);
        return bedrock;
    }

    /** {@code direct:converse → bedrock:converse?modelId=…<options>} (options start with {@code &}). */
    public static CamelSubject converse(URI emulator, String options, String prompt) throws Exception {
        return direct(emulator, "converse", converseUri("converse", options), prompt);
    }

    /** {@code direct:<name> → endpointUri}: a call sends {@code body} to it. */
    public static CamelSubject direct(URI emulator, String name, String endpointUri, Object body) throws Exception {
        return new CamelSubject(emulator, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + name).to(endpointUri);
            }
        }, "direct:" + name, body);
    }

    /**
     * {@code bedrock:<operation>?modelId=<the benchmark model><options><extra>}, where extra is
     * {@code -Dbench.route.options=&…} (default none): an override for options that land after this harness, e.g.
     * {@code &httpProtocol=HTTP1_1}, applied to every route of every scenario and written into the report. The
     * scenarios size maxInFlight and maxConcurrency themselves ({@code ConversePhase.sized}).
     */
    public static String converseUri(String operation, String options) {
        return "bedrock:" + operation + "?modelId=" + Bench.MODEL + options + extraRouteOptions();
    }

    /** The {@code bench.route.options} override, or "". */
    public static String extraRouteOptions() {
        return System.getProperty(ROUTE_OPTIONS, "");
    }

    public static final String ROUTE_OPTIONS = "bench.route.options";

    @Override
    public AsyncCall call() {
        return call;
    }

    /** A call that sends {@code body} to {@code uri}; the exchange's exception, if any, is the call's failure. */
    public AsyncCall send(String uri, Object body) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
        return done -> {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(body);
            producer.process(exchange, doneSync -> done.done(exchange.getException()));
        };
    }

    /**
     * Whether the current thread is one of the component's stream readers ({@code BedrockStreamReader}), where the
     * component continues a route whose body is a ChatStream. A route that finds itself on another thread after
     * {@code bedrock:converseStream} was continued on the thread that sent the exchange (see BENCHMARKS.md, P4/P7:
     * when the stream starts before the producer has attached its completion callback, the callback runs at once on
     * the sending thread), and that thread is then held while the route reads the stream.
     */
    public static boolean onStreamReader() {
        return Thread.currentThread().getName().contains("BedrockStreamReader");
    }

    @Override
    public void close() {
        context.stop();
    }
}
