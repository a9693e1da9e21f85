package dev.camelbedrock.component;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.component.error.BedrockServiceException;
import dev.camelbedrock.emulator.RecordedRequest;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint URI as written is the endpoint's identity: two URIs that differ in any option are two endpoints, and a
 * {@code toD} alternating them sends each one's own value. Camel pools producers by endpoint equality, so two
 * endpoints that compare equal share one producer — and one set of credentials.
 */
class EndpointIdentityTest extends BedrockTestSupport {

    private static final String DUMP_ACCESS_KEY = "AKIDDUMPCANARY1234";
    private static final String DUMP_SECRET = "dump-canary-secret+with/odd=chars";
    private static final String OTHER_MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dynamic").toD("bedrock:converse?${header.query}");
                from("direct:tenant").toD("bedrock:converse?modelId=" + MODEL + "&accessKey=${header.ak}&secretKey=RAW(${header.sk})");
                from("direct:dumped").routeId("dumped")
                        .to("bedrock:converse?modelId=" + MODEL + "&maxTokens=321&accessKey=" + DUMP_ACCESS_KEY
                            + "&secretKey=RAW(" + DUMP_SECRET + ")&region=us-east-1");
                from("direct:bearer").toD("bedrock:converse?modelId=" + MODEL + "&apiKey=RAW(${header.key})");
            }
        };
    }

    /** Every option of the generated descriptor that takes a value in a URI, with two distinct values for it. */
    static Stream<Arguments> options() throws Exception {
        JsonNode properties;
        try (InputStream in = EndpointIdentityTest.class.getResourceAsStream("/META-INF/dev/camelbedrock/component/bedrock.json")) {
            properties = new ObjectMapper().readTree(in).path("properties");
        }
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            if ("path".equals(o.path("kind").asText()) || "object".equals(o.path("type").asText())) {
                continue; // the operation is the path; object options take bean references, not values
            }
            String[] values = switch (o.path("type").asText()) {
                case "boolean" -> new String[] { "true", "false" };
                case "integer" -> new String[] { "3", "7" };
                case "number" -> new String[] { "0.25", "0.75" };
                case "duration" -> new String[] { "1000", "2000" };
                case "enum" -> new String[] { o.path("enum").get(0).asText(), o.path("enum").get(1).asText() };
                default -> new String[] { "value-one", "value-two" };
            };
            out.add(Arguments.of(option.getKey(), values[0], values[1]));
        }
        assertThat(out).as("options read from the descriptor").hasSizeGreaterThan(100);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("options")
    void urisDifferingInOneOptionAreTwoEndpoints(String option, String one, String two) throws Exception {
        BedrockComponent component = context.getComponent("bedrock", BedrockComponent.class);
        Endpoint a = component.createEndpoint("bedrock:converse?" + option + "=" + one);
        Endpoint b = component.createEndpoint("bedrock:converse?" + option + "=" + two);
        Endpoint aAgain = component.createEndpoint("bedrock:converse?" + option + "=" + one);

        assertThat(a).as(option).isNotEqualTo(b);
        assertThat(a.getEndpointUri()).as(option).isNotEqualTo(b.getEndpointUri());
        assertThat(a.getEndpointUri()).as("the URI as written is the identity").contains(option + "=" + one);
        assertThat(a).as("the same URI twice is one identity").isEqualTo(aAgain);
        assertThat(a.hashCode()).isEqualTo(aAgain.hashCode());
    }

    /** Options a converse request carries, and where the emulator's request log shows each one's value. */
    static Stream<Arguments> wireOptions() {
        return Stream.of(
                Arguments.of("maxTokens=5", "maxTokens=300", "/inferenceConfig/maxTokens", "5", "300"),
                Arguments.of("temperature=0.1", "temperature=0.9", "/inferenceConfig/temperature", "0.1", "0.9"),
                Arguments.of("topP=0.2", "topP=0.8", "/inferenceConfig/topP", "0.2", "0.8"),
                Arguments.of("systemPrompt=Be brief", "systemPrompt=Be thorough", "/system/0/text", "Be brief", "Be thorough"),
                Arguments.of("stopSequences=END", "stopSequences=STOP", "/inferenceConfig/stopSequences/0", "END", "STOP"));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("wireOptions")
    void toDAlternatingTwoUrisSendsEachOnesValue(String first, String second, String pointer, String firstValue, String secondValue) {
        String[] queries = { first, second, first, second };
        String[] expected = { firstValue, secondValue, firstValue, secondValue };
        emulator.clearRequests();
        for (String query : queries) {
            Exchange done = template.request("direct:dynamic", e -> {
                e.getMessage().setHeader("query", "modelId=" + MODEL + "&" + query);
                e.getMessage().setBody("Say something");
            });
            assertThat(done.getException()).as(query).isNull();
        }
        List<RecordedRequest> sent = emulator.requests("Converse");
        assertThat(sent).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(sent.get(i).json().at(pointer).asText()).as("request %d (%s)", i, queries[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void toDAlternatingModelIdsCallsEachModel() {
        emulator.clearRequests();
        for (String model : new String[] { MODEL, OTHER_MODEL, MODEL, OTHER_MODEL }) {
            Exchange done = template.request("direct:dynamic", e -> {
                e.getMessage().setHeader("query", "modelId=" + model);
                e.getMessage().setBody("Hello");
            });
            assertThat(done.getException()).isNull();
        }
        assertThat(emulator.requests("Converse")).extracting(RecordedRequest::modelId)
                .containsExactly(MODEL, OTHER_MODEL, MODEL, OTHER_MODEL);
    }

    @Test
    void eachTenantsCallIsSignedWithItsOwnKeys() {
        // the emulator knows tenant A's key pair only
        String[][] tenants = { { ACCESS_KEY, SECRET_KEY }, { "AKIDTENANTBBBB", "tenant-b-secret" },
                               { ACCESS_KEY, SECRET_KEY }, { "AKIDTENANTBBBB", "tenant-b-secret" } };
        for (int i = 0; i < tenants.length; i++) {
            String[] keys = tenants[i];
            Exchange done = template.request("direct:tenant", e -> {
                e.getMessage().setHeader("ak", keys[0]);
                e.getMessage().setHeader("sk", keys[1]);
                e.getMessage().setBody("Hello from tenant " + keys[0]);
            });
            if (i % 2 == 0) {
                assertThat(done.getException()).as("tenant A, call %d", i).isNull();
            } else {
                assertThat(done.getException()).as("tenant B, call %d: signed with B's unknown key", i)
                        .isInstanceOf(BedrockServiceException.class);
                BedrockServiceException error = (BedrockServiceException) done.getException();
                assertThat(error.getStatusCode()).isEqualTo(403);
                assertThat(error.isRetryable()).isFalse();
            }
        }
    }

    @Test
    void eachApiKeyIsSentAsItsOwnBearerToken() {
        String[] keys = { SecretsTest.API_KEY, "unknown-bedrock-api-key", SecretsTest.API_KEY, "unknown-bedrock-api-key" };
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            Exchange done = template.request("direct:bearer", e -> {
                e.getMessage().setHeader("key", key);
                e.getMessage().setBody("Hello");
            });
            if (i % 2 == 0) {
                assertThat(done.getException()).as("the known API key, call %d", i).isNull();
            } else {
                assertThat(done.getException()).as("the unknown API key, call %d", i).isInstanceOf(BedrockServiceException.class);
                assertThat(((BedrockServiceException) done.getException()).getStatusCode()).isEqualTo(403);
            }
        }
    }

    @Test
    void displayMasksExactlyTheSecretOptions() throws Exception {
        BedrockComponent component = context.getComponent("bedrock", BedrockComponent.class);
        Endpoint endpoint = component.createEndpoint("bedrock:converse?maxTokens=300&temperature=0.5"
                                                     + "&accessKey=AKIDSHOWN1&secretKey=RAW(" + DUMP_SECRET + ")&sessionToken=tok-en"
                                                     + "&apiKey=the-api-key&proxyUsername=proxy-user&proxyPassword=proxy-pass"
                                                     + "&roleExternalId=ext-id&roleSessionName=session-name");
        String shown = endpoint.toString();
        assertThat(shown).contains("maxTokens=300", "temperature=0.5", "roleSessionName=session-name",
                "accessKey=xxxxxx", "secretKey=xxxxxx", "sessionToken=xxxxxx", "apiKey=xxxxxx", "proxyUsername=xxxxxx",
                "proxyPassword=xxxxxx", "roleExternalId=xxxxxx");
        for (String secret : new String[] { "AKIDSHOWN1", "dump-canary", "tok-en", "the-api-key", "proxy-user",
                                            "proxy-pass", "ext-id" }) {
            assertThat(shown).doesNotContain(secret);
        }
        assertThat(endpoint.getEndpointUri()).as("the identity is unmasked").contains("apiKey=the-api-key");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({ "yaml,true", "yaml,false", "xml,true", "xml,false" })
    void routeDumpsShowNoSecret(String format, boolean uriAsParameters, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        var dumper = context.getCamelContextExtension().getContextPlugin(org.apache.camel.spi.DumpRoutesStrategy.class);
        dumper.setOutput(dir.toString());
        dumper.setLog(false);
        dumper.setUriAsParameters(uriAsParameters);
        dumper.dumpRoutes(format);
        String dumped = filesUnder(dir);
        assertThat(dumped).as("the dump has the route").contains("dumped").contains("321").contains("secretKey");
        assertThat(dumped).doesNotContain(DUMP_ACCESS_KEY).doesNotContain("dump-canary");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "yaml", "xml" })
    void dumpRoutesAtStartupShowsNoSecret(String format, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (var camel = new org.apache.camel.impl.DefaultCamelContext()) {
            camel.setDumpRoutes(format);
            var dumper = camel.getCamelContextExtension().getContextPlugin(org.apache.camel.spi.DumpRoutesStrategy.class);
            dumper.setOutput(dir.toString());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").routeId("dumpedAtStartup")
                            .to("bedrock:converse?region=us-east-1&endpointOverride=" + emulator.uri() + "&maxTokens=321"
                                + "&accessKey=" + DUMP_ACCESS_KEY + "&secretKey=RAW(" + DUMP_SECRET + ")");
                }
            });
            camel.start();
            String routes = camel.getRoutes().toString() + camel.getRoute("dumpedAtStartup").getEndpoint()
                            + camel.getEndpoints();
            assertThat(routes).doesNotContain(DUMP_ACCESS_KEY).doesNotContain("dump-canary");
        }
        String dumped = filesUnder(dir);
        assertThat(dumped).as("the dump has the route").contains("dumpedAtStartup").contains("321").contains("secretKey");
        assertThat(dumped).doesNotContain(DUMP_ACCESS_KEY).doesNotContain("dump-canary");
    }

    /** Everything the dumper wrote under dir, as one text. */
    private static String filesUnder(java.nio.file.Path dir) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                all.append(java.nio.file.Files.readString(f));
            }
        }
        return all.toString();
    }
}
