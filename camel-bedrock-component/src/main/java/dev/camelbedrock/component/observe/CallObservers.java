package dev.camelbedrock.component.observe;

import java.util.ArrayList;
import java.util.List;

import dev.camelbedrock.component.BedrockHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an endpoint's {@link CallObserver}: the cost estimate always; the GenAI metrics when Micrometer is on the
 * classpath, the {@code metrics} option is on and the registry has a MeterRegistry. Micrometer is an optional
 * dependency: its presence is checked by class name before {@link GenAiMetrics}, the one class that uses it, is
 * loaded, so an application without it loads none of it.
 */
public final class CallObservers {

    private static final Logger LOG = LoggerFactory.getLogger(CallObservers.class);

    /** The class whose presence means Micrometer is on the classpath. */
    static final String MICROMETER_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private CallObservers() {
    }

    /**
     * The observer of one endpoint.
     *
     * @param context         the endpoint's CamelContext (its registry holds the MeterRegistry)
     * @param endpointModelId the endpoint's modelId option (the model of calls that fail before resolving one)
     * @param metrics         the endpoint's {@code metrics} option
     */
    public static CallObserver forEndpoint(CamelContext context, String endpointModelId, boolean metrics) {
        List<CallObserver> observers = new ArrayList<>();
        observers.add(new CostObserver(endpointModelId)); // first: the metrics read the cost it sets
        if (metrics && present(MICROMETER_CLASS, context.getApplicationContextClassLoader())) {
            CallObserver genAi = GenAiMetrics.fromRegistry(context, endpointModelId);
            if (genAi != null) {
                observers.add(genAi);
            }
        }
        return of(observers);
    }

    /** Whether {@code className} can be loaded (without initialising it), from {@code loader} or this class's. */
    static boolean present(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader != null ? loader : CallObservers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.debug("{} is not on the classpath: no metrics", className);
            return false;
        }
    }

    /** All of {@code observers}, in order. */
    static CallObserver of(List<CallObserver> observers) {
        if (observers.isEmpty()) {
            return CallObserver.NONE;
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        List<CallObserver> all = List.copyOf(observers);
        return (exchange, operation) -> {
            List<CallObserver.Observation> started = new ArrayList<>(all.size());
            for (CallObserver observer : all) {
                CallObserver.Observation o = observer.start(exchange, operation);
                if (o != CallObserver.Observation.NONE) {
                    started.add(o);
                }
            }
            if (started.isEmpty()) {
                return CallObserver.Observation.NONE;
            }
            return (ex, modelId, firstChunkNanos, failure) -> {
                for (CallObserver.Observation o : started) {
                    try {
                        o.completed(ex, modelId, firstChunkNanos, failure);
                    } catch (RuntimeException e) {
                        LOG.warn("An observer of {} failed; the exchange goes on: {}", operation, e.toString());
                    }
                }
            };
        };
    }

    /** The model an exchange asked for: its CamelBedrockModelId header, else the endpoint's option (may be null). */
    public static String requestedModel(Exchange exchange, String endpointModelId) {
        Object header = exchange.getMessage().getHeader(BedrockHeaders.MODEL_ID);
        return header != null ? header.toString() : endpointModelId;
    }
}
