package dev.camelbedrock.examples;

import java.io.PrintStream;
import java.util.List;

import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.toolloop.BedrockToolExecution;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/** Asks the order-support agent (YAML, then its Java twin) to cancel an order, and prints the tool calls and the answer. */
public final class OrderAgentExample {

    /** What the customer asks: the agent checks the order, finds it has not shipped, and cancels it. */
    public static final String QUESTION = "Hi, please cancel my order ORD-123456 if it has not shipped yet.";

    private OrderAgentExample() {
    }

    /** Asks the agent behind {@code endpoint} and prints its tool executions and its answer; returns the exchange. */
    public static Exchange ask(ProducerTemplate template, String endpoint, String label, PrintStream out) {
        Exchange exchange = template.request(endpoint, e -> e.getMessage().setBody(QUESTION));
        if (exchange.getException() != null) {
            throw new IllegalStateException(label + " failed: " + exchange.getException().getMessage(), exchange.getException());
        }
        @SuppressWarnings("unchecked")
        List<BedrockToolExecution> runs = exchange.getMessage().getHeader(BedrockHeaders.TOOL_EXECUTIONS, List.class);
        for (BedrockToolExecution run : runs) {
            out.println("[" + label + "] round " + run.round() + ": " + run.name() + run.input() + " -> " + run.outcome()
                        + " in " + run.durationMs() + " ms: " + run.result());
        }
        out.println("[" + label + "] " + exchange.getMessage().getBody(String.class));
        return exchange;
    }

    /** Runs the Java twin in a context of its own, its bedrock component configured like {@code main}'s. */
    public static Exchange askJavaTwin(CamelContext main, PrintStream out) throws Exception {
        try (CamelContext twin = new DefaultCamelContext()) {
            BedrockComponent bedrock = new BedrockComponent();
            bedrock.setConfiguration(main.getComponent("bedrock", BedrockComponent.class).getConfiguration().copy());
            twin.addComponent("bedrock", bedrock);
            twin.getPropertiesComponent().setInitialProperties(main.getPropertiesComponent().loadProperties());
            twin.addRoutes(new OrderAgentRoutes());
            twin.start();
            try (ProducerTemplate template = twin.createProducerTemplate()) {
                return ask(template, "direct:java-order-agent", "java-order-agent", out);
            }
        }
    }
}
