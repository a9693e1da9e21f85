package dev.camelbedrock.benchmarks.scenario;

import dev.camelbedrock.benchmarks.report.ScenarioResult;

/**
 * The Kafka enrichment route end to end: records per second from an input topic, through {@code bedrock:converse}
 * at 200 ms model latency, to an output topic.
 *
 * <p>Needs what does not exist yet: the Kafka enrichment example (examples-routes), camel-kafka and an in-JVM KRaft
 * broker on this module's classpath. Reports "not measured" until they are there.
 * TODO(kafka): when the example lands, add {@code examples-routes} and {@code camel-kafka} (+ {@code kafka_2.13} for the
 * broker) to benchmarks/pom.xml, name the example's RouteBuilder with {@code -Dbench.kafka.routes=<class>} (or here),
 * and measure: start the broker, preload N records, start the route with the emulator at 200 ms, time from the first
 * record consumed to the N-th enriched record produced (records/s), next to the P2 in-flight figures it should match.
 */
public final class KafkaEnrichment extends Scenario {

    static final String ROUTES_HOOK = "bench.kafka.routes";

    public KafkaEnrichment() {
        super("KAFKA", "Kafka enrichment route: records/s end to end at 200 ms model latency");
    }

    @Override
    public void run(BenchContext bench, ScenarioResult result) throws Exception {
        result.target("records/s end to end (no numeric target in the issue)");
        String routes = Features.hook(ROUTES_HOOK).orElse(null);
        result.parameters().put("latencyMs", 200).put("routes", routes);
        if (new Features.Missing()
                .unless(Features.classPresent("org.apache.camel.component.kafka.KafkaComponent"),
                        "camel-kafka is not on the benchmarks classpath")
                .unless(Features.classPresent("kafka.server.KafkaRaftServer"),
                        "no in-JVM Kafka broker (kafka_2.13) on the benchmarks classpath")
                .unless(routes != null && Features.classPresent(routes),
                        "no Kafka enrichment example route (examples-routes has none yet; -D" + ROUTES_HOOK + " names it)")
                .reportTo(result)) {
            return;
        }
        result.notMeasured("the example and Kafka are present but the measurement is not written yet (TODO(kafka) in"
                           + " KafkaEnrichment)");
    }
}
