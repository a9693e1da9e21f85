package dev.camelbedrock.component.observe;

import java.math.BigDecimal;
import java.util.Arrays;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.emulator.Fault;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenTelemetry GenAI client metrics, read back from a SimpleMeterRegistry bound under camel-micrometer's name:
 * names, units, bucket boundaries, attributes and values, for converse, converseStream, embed and a failed call.
 */
class GenAiMetricsTest extends BedrockTestSupport {

    private static final String TITAN_EMBED = "amazon.titan-embed-text-v2:0";

    @BindToRegistry("metricsRegistry")
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").routeId("chat-route").to("bedrock:converse?modelId=" + MODEL);
                from("direct:stream").routeId("stream-route").to("bedrock:converseStream?modelId=" + MODEL)
                        .split(body()).streaming().log("${body}").end();
                from("direct:embed").routeId("embed-route").to("bedrock:embed?modelId=" + TITAN_EMBED);
                from("direct:quiet").routeId("quiet-route").to("bedrock:converse?modelId=" + MODEL + "&metrics=false");
                from("direct:models").routeId("models-route").to("bedrock:listFoundationModels");
            }
        };
    }

    private DistributionSummary summary(String name, String... tags) {
        DistributionSummary found = registry.find(name).tags(tags).summary();
        assertThat(found).as(name + " with " + Arrays.toString(tags)).isNotNull();
        return found;
    }

    private static String tag(Meter meter, String key) {
        return meter.getId().getTag(key);
    }

    @Test
    void converseRecordsDurationAndTokensWithTheConventionsAttributes() {
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Hello metrics"));
        assertThat(out.getException()).isNull();

        DistributionSummary duration = summary("gen_ai.client.operation.duration", "camel.route.id", "chat-route");
        assertThat(duration.getId().getBaseUnit()).isEqualTo("s");
        assertThat(duration.count()).isEqualTo(1);
        assertThat(duration.totalAmount()).isPositive().isLessThan(60);
        assertThat(tag(duration, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(tag(duration, "gen_ai.provider.name")).isEqualTo("aws.bedrock");
        assertThat(tag(duration, "gen_ai.request.model")).isEqualTo(MODEL);
        assertThat(tag(duration, "error.type")).as("no error.type on success").isNull();
        assertThat(Arrays.stream(duration.takeSnapshot().histogramCounts()).mapToDouble(CountAtBucket::bucket).toArray())
                .as("the conventions' bucket boundaries")
                .containsExactly(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

        DistributionSummary input = summary("gen_ai.client.token.usage", "gen_ai.token.type", "input", "camel.route.id", "chat-route");
        DistributionSummary output = summary("gen_ai.client.token.usage", "gen_ai.token.type", "output", "camel.route.id", "chat-route");
        assertThat(input.getId().getBaseUnit()).isEqualTo("{token}");
        assertThat(input.totalAmount()).isEqualTo(out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Double.class));
        assertThat(output.totalAmount()).isEqualTo(out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Double.class));
        assertThat(tag(input, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(tag(input, "gen_ai.request.model")).isEqualTo(MODEL);
        assertThat(Arrays.stream(input.takeSnapshot().histogramCounts()).mapToDouble(CountAtBucket::bucket).toArray())
                .startsWith(1, 4, 16, 64).endsWith(67108864);

        assertThat(registry.find("gen_ai.client.operation.time_to_first_chunk").meters()).as("streams only").isEmpty();
        assertThat(registry.get("camel.bedrock.cost").tag("camel.route.id", "chat-route").counter().count())
                .isEqualTo(out.getMessage().getHeader(BedrockHeaders.ESTIMATED_COST_USD, BigDecimal.class).doubleValue());
        assertThat(registry.get("camel.bedrock.requests.in_flight").tag("gen_ai.operation.name", "chat").gauge().value())
                .as("nothing left in flight").isZero();
    }

    @Test
    void aStreamRecordsItsTimeToFirstChunk() {
        Exchange out = template.request("direct:stream", e -> e.getMessage().setBody("Stream some metrics"));
        assertThat(out.getException()).isNull();

        DistributionSummary first = summary("gen_ai.client.operation.time_to_first_chunk", "camel.route.id", "stream-route");
        DistributionSummary duration = summary("gen_ai.client.operation.duration", "camel.route.id", "stream-route");
        assertThat(first.getId().getBaseUnit()).isEqualTo("s");
        assertThat(first.count()).isEqualTo(1);
        assertThat(first.totalAmount()).isPositive().isLessThanOrEqualTo(duration.totalAmount());
        assertThat(tag(first, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(summary("gen_ai.client.token.usage", "gen_ai.token.type", "output", "camel.route.id", "stream-route").totalAmount())
                .isEqualTo(out.getMessage().getHeader(BedrockHeaders.OUTPUT_TOKENS, Double.class));
    }

    @Test
    void embedRecordsEmbeddingsWithInputTokensOnly() {
        Exchange out = template.request("direct:embed", e -> e.getMessage().setBody("Embed some metrics"));
        assertThat(out.getException()).isNull();

        DistributionSummary duration = summary("gen_ai.client.operation.duration", "camel.route.id", "embed-route");
        assertThat(tag(duration, "gen_ai.operation.name")).isEqualTo("embeddings");
        assertThat(tag(duration, "gen_ai.request.model")).isEqualTo(TITAN_EMBED);
        assertThat(summary("gen_ai.client.token.usage", "gen_ai.token.type", "input", "camel.route.id", "embed-route").totalAmount())
                .isEqualTo(out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS, Double.class));
        assertThat(registry.find("gen_ai.client.token.usage").tags("gen_ai.token.type", "output").meters()).isEmpty();
    }

    @Test
    void aFailedCallRecordsItsErrorTypeAndNoTokens() {
        emulator.faults().add(Fault.error("ValidationException").forOperation("Converse").times(1));
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Fail the metrics"));
        assertThat(out.getException()).isNotNull();

        DistributionSummary duration = summary("gen_ai.client.operation.duration", "error.type", "ValidationException");
        assertThat(duration.count()).isEqualTo(1);
        assertThat(tag(duration, "gen_ai.operation.name")).isEqualTo("chat");
        assertThat(tag(duration, "camel.route.id")).isEqualTo("chat-route");
        assertThat(registry.find("gen_ai.client.token.usage").meters()).isEmpty();
        assertThat(registry.find("camel.bedrock.cost").meters()).isEmpty();
    }

    @Test
    void throttledCallsAreCounted() {
        emulator.faults().add(Fault.error("ThrottlingException").forOperation("Converse").times(5));
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Throttle the metrics"));
        assertThat(out.getException()).isNotNull();
        assertThat(registry.get("camel.bedrock.throttled").tag("camel.route.id", "chat-route").counter().count()).isEqualTo(1);
        assertThat(tag(summary("gen_ai.client.operation.duration", "camel.route.id", "chat-route"), "error.type"))
                .isEqualTo("ThrottlingException");
    }

    @Test
    void theMetricsOptionTurnsThemOffAndControlPlaneCallsAreNoGenAiOperations() {
        template.requestBody("direct:quiet", "No metrics please", String.class);
        template.requestBody("direct:models", null, Object.class);
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                .noneMatch(name -> name.startsWith("gen_ai.") || name.equals("camel.bedrock.cost"));
        assertThat(registry.getMeters()).flatExtracting(m -> m.getId().getTags()).extracting(Tag::getValue)
                .doesNotContain("quiet-route", "models-route");
    }
}
