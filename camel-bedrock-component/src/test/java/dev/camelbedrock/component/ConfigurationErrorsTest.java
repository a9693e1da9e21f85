package dev.camelbedrock.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.camelbedrock.component.error.BedrockConfigurationException;
import dev.camelbedrock.emulator.BedrockEmulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Options that can never make a call fail when the route starts, with what to set, and are never retryable — instead
 * of every exchange failing later as if the network were at fault.
 */
class ConfigurationErrorsTest {

    private static BedrockEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().port(0).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    static Stream<Arguments> refused() {
        String keys = "&accessKey=AKIDCONFIG&secretKey=RAW(config-secret)";
        String emu = "&endpointOverride=" + "http://127.0.0.1:1";
        return Stream.of(
                Arguments.of("region=us-east-x" + keys + emu, "region is 'us-east-x'; accepted: an AWS region id such as us-east-1"),
                Arguments.of("region=US_EAST_1" + keys + emu, "region is 'US_EAST_1'"),
                Arguments.of("region=xx-nowhere-9" + keys, "region is 'xx-nowhere-9', which is not an AWS region"),
                Arguments.of("region=us-east-1" + keys + "&endpointOverride=localhost:4566", "endpointOverride is 'localhost:4566'; accepted: an absolute http:// or https:// URI"),
                Arguments.of("region=us-east-1" + keys + "&endpointOverride=", "endpointOverride is ''; accepted"),
                Arguments.of("region=us-east-1" + keys + "&runtimeEndpointOverride=ftp://host/x", "runtimeEndpointOverride is 'ftp://host/x'"),
                Arguments.of("region=us-east-1" + keys + "&agentEndpointOverride=http://exa mple", "agentEndpointOverride is 'http://exa mple', which is not a URI"),
                Arguments.of("region=us-east-1" + emu + "&accessKey=AKIDONLY", "static credentials need both accessKey and secretKey, and only accessKey is set"),
                Arguments.of("region=us-east-1" + emu + "&secretKey=RAW(lonely-secret)", "only secretKey is set"),
                Arguments.of("region=us-east-1" + emu + "&sessionToken=RAW(lonely-token)", "sessionToken is set without accessKey and secretKey"),
                Arguments.of("region=us-east-1" + emu + "&profileName=no-such-profile-here", "profileName is 'no-such-profile-here', which is not a profile"),
                Arguments.of("region=us-east-1" + emu, "no credentials: none of the options accessKey/secretKey, profileName, roleArn or apiKey is set"),
                Arguments.of(keys.substring(1) + emu, "no region is set and the SDK's region chain found none; set the region option"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWhenTheRouteStarts(String options, String expected, @org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        // no shared AWS files: the profile and region chains read these empty ones
        Path config = Files.writeString(home.resolve("config"), "");
        Path credentials = Files.writeString(home.resolve("credentials"), "");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        try {
            Throwable failure = startFailure("bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0&" + options);
            BedrockConfigurationException error = org.apache.camel.util.ObjectHelper.getException(BedrockConfigurationException.class, failure);
            assertThat(error).as("a BedrockConfigurationException in %s", failure).isNotNull();
            assertThat(error.getMessage()).contains(expected).contains("converse");
            assertThat(error.isRetryable()).isFalse();
            assertThat(error.getMessage()).doesNotContain("config-secret", "lonely-secret", "lonely-token");
        } finally {
            System.clearProperty("aws.configFile");
            System.clearProperty("aws.sharedCredentialsFile");
        }
    }

    @Test
    void anyWellFormedRegionIsAcceptedWithAnEndpointOverride() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("bedrock:converse?modelId=anthropic.claude-3-haiku-20240307-v1:0&region=xx-local-1"
                                            + "&accessKey=AKIDTESTTEST&secretKey=test-secret&endpointOverride=" + emulator.uri());
                }
            });
            camel.start();
            String reply = camel.createProducerTemplate().requestBody("direct:start", "Hello", String.class);
            assertThat(reply).isNotBlank();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "maxTokens=abc", "maxTokens=1.5", "maxTokens=99999999999", "temperature=warm", "maxInFlight=many", "seed=x" })
    void aValueOfTheWrongTypeIsQuotedWhenTheRouteStarts(String option) throws Exception {
        Throwable failure = startFailure("bedrock:converse?region=us-east-1&accessKey=AKIDTESTTEST&secretKey=test-secret&"
                                         + option + "&endpointOverride=" + emulator.uri());
        String name = option.substring(0, option.indexOf('='));
        String value = option.substring(option.indexOf('=') + 1);
        assertThat(failure.getMessage()).contains(name).contains(value).doesNotContain("test-secret");
    }

    /** Starts a context with one route to the given endpoint URI and returns why it failed to start. */
    private static Throwable startFailure(String endpointUri) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(endpointUri);
                }
            });
            try {
                camel.start();
            } catch (Exception e) {
                return e;
            }
        }
        throw new AssertionError("the route to " + endpointUri + " started; it must not");
    }
}
