package dev.camelbedrock.component.observe;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.cost.CallUsage;
import dev.camelbedrock.component.error.BedrockServiceException;
import dev.camelbedrock.component.error.BedrockThrottlingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;

/**
 * The OpenTelemetry GenAI client metrics of Bedrock calls, in Micrometer: {@code gen_ai.client.operation.duration}
 * (s), {@code gen_ai.client.token.usage} ({token}, {@code gen_ai.token.type} input or output; input counts cache reads
 * and writes too, as the conventions ask) and, for streams, {@code gen_ai.client.operation.time_to_first_chunk} (s),
 * each with the conventions' bucket boundaries and attributes ({@code gen_ai.operation.name},
 * {@code gen_ai.provider.name=aws.bedrock}, {@code gen_ai.request.model}, {@code error.type} on failed operations)
 * plus {@code camel.route.id}. And the component's own: {@code camel.bedrock.requests.in_flight},
 * {@code camel.bedrock.throttled} (calls that ended throttled after the SDK's retries) and {@code camel.bedrock.cost}
 * (the estimated USD). The only class that uses Micrometer: loaded only when it is on the classpath ({@link CallObservers}).
 */
public final class GenAiMetrics implements CallObserver {

    public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
    public static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
    public static final String IN_FLIGHT = "camel.bedrock.requests.in_flight";
    public static final String THROTTLED = "camel.bedrock.throttled";
    public static final String COST = "camel.bedrock.cost";
    /** The bean name camel-micrometer gives its MeterRegistry. */
    public static final String CAMEL_MICROMETER_REGISTRY = "metricsRegistry";

    private static final double[] SECONDS = { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92 };
    private static final double[] TOKENS = { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304,
            16777216, 67108864 };
    /** In-flight counts per registry and operation, shared by the endpoints that record into one registry. */
    private static final Map<MeterRegistry, Map<String, AtomicInteger>> IN_FLIGHT_COUNTS
            = Collections.synchronizedMap(new WeakHashMap<>());

    private final MeterRegistry registry;
    private final String endpointModelId;

    public GenAiMetrics(MeterRegistry registry, String endpointModelId) {
        this.registry = registry;
        this.endpointModelId = endpointModelId;
    }

    /**
     * The metrics recorded into the context's MeterRegistry: camel-micrometer's ({@value #CAMEL_MICROMETER_REGISTRY}),
     * else the only one bound; null when there is none.
     */
    public static CallObserver fromRegistry(CamelContext context, String endpointModelId) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(CAMEL_MICROMETER_REGISTRY, MeterRegistry.class);
        if (registry == null) {
            registry = context.getRegistry().findSingleByType(MeterRegistry.class);
        }
        return registry == null ? null : new GenAiMetrics(registry, endpointModelId);
    }

    @Override
    public Observation start(Exchange exchange, String operation) {
        String genAiOperation = GenAiOperations.of(operation);
        if (genAiOperation == null) {
            return Observation.NONE;
        }
        long startNanos = System.nanoTime();
        String routeId = ExchangeHelper.getAtRouteId(exchange);
        AtomicInteger inFlight = inFlight(genAiOperation);
        inFlight.incrementAndGet();
        return (ex, modelId, firstChunkNanos, failure) -> {
            inFlight.decrementAndGet();
            long endNanos = System.nanoTime();
            String model = modelId != null ? modelId : CallObservers.requestedModel(ex, endpointModelId);
            Tags tags = Tags.of("gen_ai.operation.name", genAiOperation, "gen_ai.provider.name", GenAiOperations.PROVIDER);
            if (model != null) {
                tags = tags.and("gen_ai.request.model", model);
            }
            if (routeId != null) {
                tags = tags.and("camel.route.id", routeId);
            }
            Throwable error = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            seconds(OPERATION_DURATION, "GenAI operation duration.",
                    error == null ? tags : tags.and("error.type", errorType(error)), endNanos - startNanos);
            if (firstChunkNanos != 0 && GenAiOperations.streams(operation)) {
                seconds(TIME_TO_FIRST_CHUNK, "Time to receive the first chunk, measured from when the client issues the"
                        + " generation request to when the first chunk is received in the response stream.", tags,
                        firstChunkNanos - startNanos);
            }
            if (error instanceof BedrockThrottlingException) {
                Counter.builder(THROTTLED).baseUnit("{call}").description("Bedrock calls that ended throttled")
                        .tags(tags).register(registry).increment();
            }
            if (error == null) {
                CallUsage usage = CallUsage.of(ex.getMessage());
                tokens(tags, "input", usage.allInputTokens());
                tokens(tags, "output", usage.outputTokens());
                if (ex.getMessage().getHeader(BedrockHeaders.ESTIMATED_COST_USD) instanceof BigDecimal usd) {
                    Counter.builder(COST).baseUnit("USD").description("Estimated cost of Bedrock calls from list prices")
                            .tags(tags).register(registry).increment(usd.doubleValue());
                }
            }
        };
    }

    /**
     * {@code error.type}: the error code Bedrock answered with (ThrottlingException, ValidationException …), else the
     * exception's class name.
     */
    static String errorType(Throwable error) {
        if (error instanceof BedrockServiceException service && service.getErrorCode() != null) {
            return service.getErrorCode();
        }
        return error.getClass().getName();
    }

    private void seconds(String name, String description, Tags tags, long nanos) {
        DistributionSummary.builder(name).baseUnit("s").description(description).serviceLevelObjectives(SECONDS)
                .tags(tags).register(registry).record(nanos / (double) TimeUnit.SECONDS.toNanos(1));
    }

    private void tokens(Tags tags, String type, Long count) {
        if (count == null) {
            return;
        }
        DistributionSummary.builder(TOKEN_USAGE).baseUnit("{token}").description("Number of input and output tokens used.")
                .serviceLevelObjectives(TOKENS).tags(tags.and("gen_ai.token.type", type)).register(registry).record(count);
    }

    private AtomicInteger inFlight(String genAiOperation) {
        Map<String, AtomicInteger> counts = IN_FLIGHT_COUNTS.computeIfAbsent(registry, r -> new ConcurrentHashMap<>());
        return counts.computeIfAbsent(genAiOperation, op -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder(IN_FLIGHT, count, AtomicInteger::get).baseUnit("{request}")
                    .description("Bedrock calls in flight").tags("gen_ai.operation.name", op,
                            "gen_ai.provider.name", GenAiOperations.PROVIDER).register(registry);
            return count;
        });
    }
}
