package dev.camelbedrock.benchmarks.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.benchmarks.load.ClosedLoop;
import dev.camelbedrock.benchmarks.report.Json;
import dev.camelbedrock.benchmarks.report.Report;
import dev.camelbedrock.benchmarks.report.ScenarioResult;
import dev.camelbedrock.benchmarks.subject.CamelSubject;
import dev.camelbedrock.benchmarks.subject.Subject;
import dev.camelbedrock.examples.ExamplesMain;
import dev.camelbedrock.examples.kafka.EmbeddedKafka;
import dev.camelbedrock.examples.kafka.TicketEnrichmentOptions;
import dev.camelbedrock.examples.kafka.TicketEnrichmentRoutes;
import dev.camelbedrock.examples.kafka.TicketTopics;
import dev.camelbedrock.examples.kafka.TicketTopics.Ticket;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * KAFKA: the example's Kafka enrichment route ({@link TicketEnrichmentRoutes}, examples-routes) end to end, at 200 ms
 * model latency, on the example's in-JVM KRaft broker ({@link EmbeddedKafka}) and the harness's emulator process.
 *
 * <p>Per round: fresh topics, N tickets preloaded (not timed), a fresh CamelContext with the route at the option
 * defaults ({@code batchSize} 50, one consumer, guardrail and embedding steps off: one {@code bedrock:converse} per
 * record), timed from the first batch of records the consumer hands to the route to the N-th record that Kafka
 * acknowledged on the output or dead-letter topic (the route's own counters). Side by side (the order rotating per
 * round): the raw async SDK making the same number of converse calls with the route's in-flight count (batchSize ×
 * consumersCount) in a closed loop, converted to records/s with the route's measured calls per record. Also
 * reported: the latency-bound ceiling of that in-flight count, enriched and dead-lettered records, the Bedrock calls
 * the emulator answered, and what the two topics hold when read back.
 *
 * <p>The emulator gets the example's scripted classifier answers ({@code emulator-rules.json} of examples-routes)
 * for the scenario's length, so that tickets come out enriched; one ticket in {@code kafkaPoisonEvery} draws an
 * answer that is not JSON and is dead-lettered.
 */
public final class KafkaEnrichment extends Scenario {

    static final String ROUTE = "Kafka enrichment route";
    static final String RAW = ConversePhase.RAW;

    /** Ticket texts the example's rules classify (billing, technical, account, feedback in a code fence, other). */
    private static final String[] TEXTS = {
        "I was charged twice on my last invoice, please refund one.",
        "The app crashes when I open the settings page.",
        "I cannot log in, the password reset mail never arrives.",
        "Thank you, the new dashboard is great!",
        "Where can I download last year's statements?",
    };
    /** The example's rules answer this with prose, not JSON: MalformedModelReplyException, a dead letter. */
    private static final String POISON = "Please ramble about anything you like.";

    public KafkaEnrichment() {
        super("KAFKA", "Kafka enrichment route: records/s end to end at 200 ms model latency");
    }

    /** One phase: items (records or calls) per second, and what came out. */
    record Run(double perSecond, double seconds, long completed, long deadLettered, long calls, long failed) {
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        Scale s = bench.scale();
        int inFlight = s.kafkaBatchSize * s.kafkaConsumers;
        int poison = s.kafkaRecords / s.kafkaPoisonEvery;
        result.target("records/s end to end (no numeric target in the issue)");
        result.parameters().put("latencyMs", s.kafkaLatencyMs).put("records", s.kafkaRecords)
                .put("warmupRecords", s.kafkaWarmupRecords).put("rounds", s.kafkaRounds)
                .put("partitions", s.kafkaPartitions).put("keys", s.kafkaKeys).put("poisonEvery", s.kafkaPoisonEvery)
                .put("batchSize", s.kafkaBatchSize).put("consumersCount", s.kafkaConsumers).put("inFlight", inFlight)
                .put("routes", TicketEnrichmentRoutes.class.getName());
        URI uri = bench.emulator().uri();
        bench.emulator().configure(s.kafkaLatencyMs, 0);
        bench.emulator().admin("POST", "/_emulator/config", Json.object().set("rules", exampleRules()));
        try (EmbeddedKafka kafka = new EmbeddedKafka().start()) {
            result.parameters().put("brokers", kafka.bootstrapServers());
            if (s.kafkaWarmupRecords > 0) {
                runRoute(bench, kafka, s, "warmup", s.kafkaWarmupRecords, null);
            }
            Map<String, SideBySide.Phase<Run>> phases = new LinkedHashMap<>();
            phases.put(RAW, r -> runRaw(bench, uri, inFlight, s.kafkaRecords, result));
            phases.put(ROUTE, r -> runRoute(bench, kafka, s, "round" + r, s.kafkaRecords, result));
            Map<String, List<Run>> out = SideBySide.rounds(s.kafkaRounds, phases);
            report(result, s, out.get(RAW), out.get(ROUTE), inFlight, poison);
        } finally {
            bench.emulator().admin("POST", "/_emulator/config", Json.object().set("rules", Json.array()));
        }
    }

    private static void report(ScenarioResult result, Scale s, List<Run> raw, List<Run> route, int inFlight, int poison) {
        double callsPerRecord = Stats.median(route, r -> (double) r.calls() / s.kafkaRecords);
        // the raw SDK's calls/s as records/s: the same calls per record as the route made
        List<Run> rawRecords = raw.stream().map(r -> new Run(r.perSecond() / callsPerRecord, r.seconds(), r.completed(),
                0, r.calls(), r.failed())).toList();
        double[] ratios = Stats.ratios(rawRecords, route, Run::perSecond);
        double routeRate = Stats.median(route, Run::perSecond);
        double ceiling = inFlight * 1000.0 / s.kafkaLatencyMs / callsPerRecord;
        result.row("records/s end to end, " + s.kafkaRecords + " records, " + inFlight + " in flight",
                Stats.unit(Stats.median(rawRecords, Run::perSecond), "records/s"), Stats.unit(routeRate, "records/s"),
                Stats.median(ratios), "baseline: raw async SDK, " + s.kafkaRecords + " converse calls at " + inFlight
                        + " in flight, ÷ " + Report.fmt(callsPerRecord) + " calls per record; median of per-round ratios "
                        + Stats.list(ratios) + "; route per round " + Stats.list(route.stream().mapToDouble(Run::perSecond).toArray())
                        + " records/s");
        result.row("latency-bound ceiling (in flight ÷ latency ÷ calls per record)", Stats.unit(ceiling, "records/s"),
                Stats.unit(routeRate, "records/s"), routeRate / ceiling, inFlight + " ÷ " + s.kafkaLatencyMs + " ms ÷ "
                        + Report.fmt(callsPerRecord));
        result.row("time, first record consumed → last record out", Stats.unit(Stats.median(rawRecords, Run::seconds), "s"),
                Stats.unit(Stats.median(route, Run::seconds), "s"), null, "median of the rounds; baseline: first call → last");
        result.row("records enriched / dead-lettered (route's counters, per round)",
                (s.kafkaRecords - poison) + " / " + poison + " expected",
                String.join(", ", route.stream().map(r -> r.completed() + " / " + r.deadLettered()).toList()), null,
                "one ticket in " + s.kafkaPoisonEvery + " gets a model answer that is not JSON");
        result.row("Bedrock calls the emulator answered (per round)",
                String.join(", ", raw.stream().map(r -> String.valueOf(r.calls())).toList()),
                String.join(", ", route.stream().map(r -> String.valueOf(r.calls())).toList()), null,
                Report.fmt(callsPerRecord) + " calls per record (route: bedrock:converse; guardrail and embedding off)");
        result.row("failed calls (raw) / records neither enriched nor dead-lettered (route)",
                String.valueOf(raw.stream().mapToLong(Run::failed).sum()),
                String.valueOf(route.stream().mapToLong(Run::failed).sum()), null, null);
        result.headline("records/s end to end at " + s.kafkaLatencyMs + " ms (route ÷ raw SDK " + Report.fmt(Stats.median(ratios))
                        + ", ÷ ceiling " + Report.fmt(routeRate / ceiling) + ")", routeRate, null);
        result.note("Route: TicketEnrichmentRoutes at TicketEnrichmentOptions' defaults (batchSize " + s.kafkaBatchSize
                    + ", consumersCount " + s.kafkaConsumers + ", batchingIntervalMs 500, bedrock: maxInFlight 500), input "
                    + s.kafkaPartitions + " partitions, " + s.kafkaKeys + " keys; the broker runs in this JVM.");
    }

    /** The route on fresh topics: N tickets preloaded, then timed from the first batch consumed to the N-th out. */
    private Run runRoute(BenchContext bench, EmbeddedKafka kafka, Scale s, String name, int records,
                         ScenarioResult result) throws Exception {
        String topic = "bench-tickets-" + name;
        kafka.createTopic(topic, s.kafkaPartitions).createTopic(topic + "-enriched", s.kafkaPartitions)
                .createTopic(topic + "-dlq", 1);
        TicketEnrichmentOptions options = TicketEnrichmentOptions.forBrokers(kafka.bootstrapServers())
                .inputTopic(topic).outputTopic(topic + "-enriched").deadLetterTopic(topic + "-dlq")
                .groupId(topic + "-group").batchSize(s.kafkaBatchSize).consumersCount(s.kafkaConsumers);
        TicketTopics.produce(kafka.bootstrapServers(), topic, tickets(s, name, records));
        bench.emulator().resetStats();

        TicketEnrichmentRoutes routes = new TicketEnrichmentRoutes(options);
        FirstBatch first = new FirstBatch();
        Duration timeout = Duration.ofSeconds(Math.max(120, records * s.kafkaLatencyMs * 10 / 1000 / s.kafkaBatchSize));
        long started;
        long end;
        long out;
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("bedrock", CamelSubject.component(bench.emulator().uri()));
            context.getManagementStrategy().addEventNotifier(first);
            context.addRoutes(routes);
            started = System.nanoTime();
            context.start();
            long deadline = started + timeout.toNanos();
            while ((out = routes.enrichedCount() + routes.deadLetteredCount()) < records && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            end = System.nanoTime();
        }
        long stopped = System.nanoTime();
        long calls = bench.emulator().totalCalls();
        if (out < records) {
            throw new IllegalStateException("Only " + out + " of " + records + " records came out within " + timeout);
        }
        if (first.nanos.get() == 0) {
            throw new IllegalStateException("No batch of records was seen entering the route");
        }
        double seconds = (end - first.nanos.get()) / 1e9;
        Run run = new Run(records / seconds, seconds, routes.enrichedCount(), routes.deadLetteredCount(), calls, 0);
        if (result != null) {
            TicketTopics.Outputs topics = TicketTopics.readUntil(kafka.bootstrapServers(), options, Duration.ofSeconds(60),
                    o -> o.total() >= records);
            result.phase(ROUTE).put("records", records).put("seconds", seconds).put("recordsPerSecond", run.perSecond())
                    .put("startupSeconds", (first.nanos.get() - started) / 1e9).put("stopSeconds", (stopped - end) / 1e9)
                    .put("enriched", run.completed()).put("deadLettered", run.deadLettered()).put("calls", calls)
                    .put("onOutputTopic", topics.enriched.size()).put("onDeadLetterTopic", topics.deadLetters.size())
                    .put("topic", topic);
        }
        return run;
    }

    /** The raw SDK: the same number of converse calls, at the route's in-flight count, in the harness's closed loop. */
    private static Run runRaw(BenchContext bench, URI uri, int inFlight, int calls, ScenarioResult result) throws Exception {
        ClosedLoop.Window w;
        long answered;
        try (Subject raw = ConversePhase.raw(uri, null, inFlight).create()) {
            ClosedLoop.prime(raw.call(), Duration.ofSeconds(120));
            bench.emulator().resetStats();
            w = ClosedLoop.forCount(raw.call(), inFlight, calls, Duration.ofMinutes(10), bench.watch());
            answered = bench.emulator().totalCalls();
        }
        result.phase(RAW).put("inFlight", inFlight).put("calls", calls).put("completed", w.completed())
                .put("failed", w.failed()).put("seconds", w.seconds()).put("callsPerSecond", w.throughput())
                .put("meanLatencyMs", w.meanLatencyMs()).put("emulatorCalls", answered).put("firstError", w.firstError());
        return new Run(w.throughput(), w.seconds(), w.completed(), 0, answered, w.failed());
    }

    /** N tickets over {@code kafkaKeys} customers with a per-customer sequence; every kafkaPoisonEvery-th is poison. */
    static List<Ticket> tickets(Scale s, String prefix, int count) {
        List<Ticket> tickets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String customer = "c" + (i % s.kafkaKeys);
            String text = (i + 1) % s.kafkaPoisonEvery == 0 ? POISON : TEXTS[i % TEXTS.length];
            tickets.add(new Ticket(customer, Json.object().put("id", prefix + "-" + i).put("customer", customer)
                    .put("seq", i / s.kafkaKeys + 1).put("text", text).toString()));
        }
        return tickets;
    }

    /** The scripted answers of the example's emulator configuration (its {@code rules}). */
    static JsonNode exampleRules() throws IOException {
        try (InputStream in = ExamplesMain.class.getResourceAsStream("/emulator-rules.json")) {
            if (in == null) {
                throw new IOException("emulator-rules.json of examples-routes is not on the classpath");
            }
            return Json.MAPPER.readTree(in).path("rules");
        }
    }

    /**
     * Notes when the first non-empty batch enters the consumer route (the batch exchange's unit of work starts, the
     * moment the consumer hands the polled records to the route); every other event is switched off.
     */
    private static final class FirstBatch extends EventNotifierSupport {
        final AtomicLong nanos = new AtomicLong();

        FirstBatch() {
            setIgnoreCamelContextEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreExchangeCompletedEvent(true);
            setIgnoreExchangeFailedEvents(true);
            setIgnoreExchangeRedeliveryEvents(true);
            setIgnoreExchangeSentEvents(true);
            setIgnoreExchangeSendingEvents(true);
            setIgnoreStepEvents(true);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return nanos.get() == 0 && event instanceof CamelEvent.ExchangeCreatedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            if (((CamelEvent.ExchangeCreatedEvent) event).getExchange().getMessage().getBody() instanceof List<?> batch
                && !batch.isEmpty()) {
                nanos.compareAndSet(0, System.nanoTime());
            }
        }
    }
}
