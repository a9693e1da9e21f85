package dev.camelbedrock.examples.kafka;

import dev.camelbedrock.component.BedrockComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The Kafka enrichment as a process of its own, for {@link TicketEnrichmentCrashTest} to kill with SIGKILL: no
 * shutdown hook runs, no in-flight batch finishes, the Kafka consumer says no goodbye. Arguments: the brokers, the
 * emulator's URI, the topic name (as {@link KafkaAndEmulator#options} names the topics).
 */
public final class EnrichmentWorker {

    /** Printed once the routes run, so that the test knows the worker is up. */
    static final String STARTED = "enrichment-worker started";

    private EnrichmentWorker() {
    }

    public static void main(String[] args) throws Exception {
        String brokers = args[0];
        String emulatorUri = args[1];
        String topic = args[2];
        BedrockComponent bedrock = new BedrockComponent();
        bedrock.getConfiguration().setEndpointOverride(emulatorUri);
        bedrock.getConfiguration().setRegion("us-east-1");
        bedrock.getConfiguration().setAccessKey("emulator");
        bedrock.getConfiguration().setSecretKey("emulator");
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("bedrock", bedrock);
        context.addRoutes(new TicketEnrichmentRoutes(TicketEnrichmentCrashTest.options(KafkaAndEmulator.options(brokers, topic))));
        context.start();
        System.out.println(STARTED);
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
