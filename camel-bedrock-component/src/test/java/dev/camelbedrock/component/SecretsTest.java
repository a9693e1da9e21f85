package dev.camelbedrock.component;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets never reach logs (any level), exception messages or toString(). */
class SecretsTest extends BedrockTestSupport {

    static final String ACCESS_KEY = "AKIALEAKCANARY00001";
    static final String SECRET_KEY = "s3cr3t-LEAK-CANARY-secret-key";
    static final String SESSION_TOKEN = "LEAK-CANARY-session-token";
    static final String API_KEY = "LEAK-CANARY-bedrock-api-key";
    static final String PROXY_PASSWORD = "LEAK-CANARY-proxy-password";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:keys").to("bedrock:converse?modelId=" + MODEL + "&accessKey=" + ACCESS_KEY
                                       + "&secretKey=RAW(" + SECRET_KEY + ")&sessionToken=RAW(" + SESSION_TOKEN + ")");
                from("direct:apiKey").to("bedrock:converseStream?modelId=" + MODEL + "&apiKey=RAW(" + API_KEY + ")"
                                         + "&proxyPassword=RAW(" + PROXY_PASSWORD + ")");
                from("direct:failing").to("bedrock:converse?modelId=" + MODEL + "&accessKey=" + ACCESS_KEY
                                          + "&secretKey=RAW(" + SECRET_KEY + ")");
            }
        };
    }

    @Test
    void secretsAppearNowhere() throws Exception {
        StringBuilder seen = new StringBuilder();

        Exchange ok = template.request("direct:keys", e -> e.getMessage().setBody("Hello with keys"));
        assertThat(ok.getException()).isNull();
        seen.append(ok.getMessage().getHeaders());

        Exchange bearer = template.request("direct:apiKey", e -> e.getMessage().setBody("Hello with an API key"));
        seen.append(bearer.getException());

        emulator.faults().add(dev.camelbedrock.emulator.Fault.error("AccessDeniedException").forOperation("Converse"));
        Exchange failed = template.request("direct:failing", e -> e.getMessage().setBody("Denied"));
        assertThat(failed.getException()).isNotNull();
        seen.append(failed.getException().getMessage()).append(failed.getException());

        for (var endpoint : context.getEndpoints()) {
            // getEndpointUri() is the identity, unmasked by design (EndpointIdentityTest); what is shown is toString()
            seen.append(endpoint).append('\n');
            if (endpoint instanceof BedrockEndpoint be) {
                seen.append(be.getConfiguration()).append(be.getConfiguration().credentialsKind());
            }
        }
        seen.append(context.getRoutes());
        assertThat(seen).isNotEmpty();

        Path log = Path.of("target/test-logs/all.log");
        assertThat(log).exists();
        String logged = Files.readString(log);
        assertThat(logged).as("the log captured this test's routes").contains("bedrock://converse");

        for (String secret : new String[] { SECRET_KEY, SESSION_TOKEN, API_KEY, PROXY_PASSWORD }) {
            assertThat(seen.toString()).as("values seen by routes and users").doesNotContain(secret);
            assertThat(logged).as("everything logged at DEBUG").doesNotContain(secret);
        }
    }
}
