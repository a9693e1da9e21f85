package dev.camelbedrock.component;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Enum options are checked when the route starts: a misspelt value in a URI fails the start, quoting it and listing the
 * accepted values (those of the generated descriptor); a header override with a wrong value fails its exchange with
 * the same message.
 */
class EnumOptionsTest extends BedrockTestSupport {

    /** Every enum option of the descriptor but the path (operation), with its accepted values. */
    static Stream<Arguments> enumOptions() throws Exception {
        JsonNode descriptor;
        try (InputStream in = EnumOptionsTest.class.getResourceAsStream("/META-INF/dev/camelbedrock/component/bedrock.json")) {
            descriptor = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        descriptor.get("properties").fields().forEachRemaining(e -> {
            if (e.getValue().has("enum") && !e.getKey().equals("operation")) {
                List<String> values = new ArrayList<>();
                e.getValue().get("enum").forEach(v -> values.add(v.asText()));
                out.add(Arguments.of(e.getKey(), String.join(", ", values)));
            }
        });
        assertThat(out).hasSizeGreaterThan(15);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumOptions")
    void aMisspeltValueFailsWhenTheRouteStarts(String option, String accepted) {
        Throwable failure = startFailure("bedrock:converse?modelId=" + MODEL + "&" + option + "=misspelt");
        assertThat(failure).as("the route must not start with %s=misspelt", option).isNotNull();
        assertThat(messages(failure)).contains("option " + option + " is 'misspelt'; accepted: " + accepted);
    }

    @Test
    void rateControlOfTheIssue() {
        assertThat(messages(startFailure("bedrock:converse?modelId=" + MODEL + "&rateControl=adaptve")))
                .contains("option rateControl is 'adaptve'; accepted: none, adaptive");
    }

    @Test
    void valuesAreReadIgnoringCase() {
        assertThat(startFailure("bedrock:converse?modelId=" + MODEL + "&rateControl=NONE&serviceTier=Flex"
                                + "&commitmentDuration=onemonth&rawResponseType=jsonnode&region=us-east-1&accessKey=AKIDCASE"
                                + "&secretKey=RAW(case-secret)&endpointOverride=" + emulator.uri())).isNull();
    }

    @Test
    void aWrongHeaderOverrideFailsTheExchangeWithTheSameMessage() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:retrieve").to("bedrock:retrieve?knowledgeBaseId=KBTEST0001");
            }
        });
        assertThatThrownBy(() -> template.requestBodyAndHeader("direct:retrieve", "q", BedrockHeaders.SEARCH_TYPE, "FUZZY"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().hasMessageContaining("option searchType is 'FUZZY'; accepted: SEMANTIC, HYBRID");
        assertThat(messages(startFailure("bedrock:retrieve?knowledgeBaseId=KBTEST0001&searchType=FUZZY")))
                .contains("option searchType is 'FUZZY'; accepted: SEMANTIC, HYBRID");
    }

    /** Why a context with one route to {@code uri} did not start, or null when it started. */
    private static Throwable startFailure(String uri) {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
            camel.start();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
