package dev.camelbedrock.component;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelbedrock.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never reach logs (every logger at DEBUG, the SDK's and Netty's included), exception messages, toString() or
 * route dumps. Every secret option is set, each to a recognisable value that the test scans for.
 */
class SecretsTest extends BedrockTestSupport {

    static final String ACCESS_KEY = "AKIALEAKCANARY00001";
    static final String SECRET_KEY = "s3cr3t-LEAK-CANARY-secret-key";
    static final String SESSION_TOKEN = "LEAK-CANARY-session-token";
    static final String API_KEY = "LEAK-CANARY-bedrock-api-key";
    static final String PROXY_USERNAME = "LEAK-CANARY-proxy-user";
    static final String PROXY_PASSWORD = "LEAK-CANARY-proxy-password";
    static final String ROLE_EXTERNAL_ID = "LEAK-CANARY-role-external-id";

    /** The SigV4 signer: it logs the canonical request, session token included, at DEBUG (the README's caveat). */
    static final String SDK_SIGNER = "software.amazon.awssdk.http.auth.aws.internal.signer";
    /** Netty's HTTP/2 frame logger, which the SDK's client installs: at DEBUG it logs every request header. */
    static final String NETTY_FRAMES = "io.netty.handler.codec.http2.Http2FrameLogger";
    /**
     * What the SDK's own loggers show at DEBUG, as the README's "Security" section says (keep them at INFO): the
     * signer's canonical request carries the session token; the frame logger every header, the Authorization header
     * (access key id, bearer API key) and the session token included.
     */
    static final Map<String, Set<String>> DOCUMENTED_SDK_LEAKS = Map.of(
            SDK_SIGNER, Set.of("sessionToken"),
            NETTY_FRAMES, Set.of("accessKey", "sessionToken", "apiKey"));
    /**
     * Camel's own DEBUG logs of endpoint creation and route definitions mask options by a fixed list of names
     * (URISupport.sanitizeUri), which lacks roleExternalId; the component masks it wherever it prints a URI itself.
     */
    static final Map<String, Set<String>> CAMEL_CORE_GAPS = Map.of("org.apache.camel.", Set.of("roleExternalId"));
    /** Loggers that log4j2-test.properties keeps at INFO for the rest of the suite; here they run at DEBUG. */
    static final List<String> QUIET_LOGGERS = List.of("io.netty", SDK_SIGNER);

    /** One log entry of the PatternLayout in log4j2-test.properties: date, level, [thread], logger - message. */
    private static final Pattern ENTRY = Pattern.compile(
            "(?m)^\\d{4}-\\d{2}-\\d{2} [\\d:,]+ (\\w+)\\s+\\[[^\\]]*] (\\S+) - ");

    private static int closedPort;

    @BeforeAll
    static void everythingAtDebug() throws IOException {
        QUIET_LOGGERS.forEach(name -> Configurator.setLevel(name, Level.DEBUG));
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens there once closed: the proxy is unreachable
        }
    }

    @AfterAll
    static void quietAgain() {
        QUIET_LOGGERS.forEach(name -> Configurator.setLevel(name, Level.INFO));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:keys").to("bedrock:converse?modelId=" + MODEL + "&accessKey=RAW(" + ACCESS_KEY + ")"
                                       + "&secretKey=RAW(" + SECRET_KEY + ")&sessionToken=RAW(" + SESSION_TOKEN + ")");
                from("direct:apiKey").to("bedrock:converseStream?modelId=" + MODEL + "&apiKey=RAW(" + API_KEY + ")");
                from("direct:failing").to("bedrock:converse?modelId=" + MODEL + "&accessKey=RAW(" + ACCESS_KEY + ")"
                                          + "&secretKey=RAW(" + SECRET_KEY + ")");
                // a proxy that does not answer: the request fails, with the proxy credentials in the client's hands
                from("direct:proxy").to("bedrock:converse?modelId=" + MODEL + "&proxyHost=127.0.0.1&proxyPort=" + closedPort
                                        + "&proxyUsername=RAW(" + PROXY_USERNAME + ")&proxyPassword=RAW(" + PROXY_PASSWORD + ")");
                // a role to assume, with its external id: the endpoint starts (and builds its STS client); no call is made
                from("direct:role").to("bedrock:converse?modelId=" + MODEL + "&roleArn=arn:aws:iam::123456789012:role/r"
                                       + "&roleExternalId=RAW(" + ROLE_EXTERNAL_ID + ")");
            }
        };
    }

    @Test
    void secretsAppearNowhere() throws Exception {
        for (String name : QUIET_LOGGERS) {
            assertThat(LogManager.getLogger(name + ".Any").isDebugEnabled()).as("%s at DEBUG", name).isTrue();
        }
        assertThat(io.netty.util.internal.logging.InternalLoggerFactory.getInstance("io.netty.channel.Any").isDebugEnabled())
                .as("Netty's own logging reaches log4j at DEBUG").isTrue();
        StringBuilder seen = new StringBuilder();

        Exchange ok = template.request("direct:keys", e -> e.getMessage().setBody("Hello with keys"));
        assertThat(ok.getException()).isNull();
        seen.append(ok.getMessage().getHeaders());
        RecordedRequest signed = emulator.lastRequest("Converse").orElseThrow();
        assertThat(signed.header("Authorization")).as("signed with the access key the test set")
                .contains("Credential=" + ACCESS_KEY + "/");
        assertThat(signed.header("X-Amz-Security-Token")).as("the session token the test set").isEqualTo(SESSION_TOKEN);

        Exchange bearer = template.request("direct:apiKey", e -> e.getMessage().setBody("Hello with an API key"));
        assertThat(bearer.getException()).as("the API-key exchange").isNull();
        seen.append(bearer.getMessage().getHeaders());
        assertThat(emulator.lastRequest("ConverseStream").orElseThrow().header("Authorization"))
                .as("the API key the test set, as a bearer token").isEqualTo("Bearer " + API_KEY);

        emulator.faults().add(dev.camelbedrock.emulator.Fault.error("AccessDeniedException").forOperation("Converse"));
        Exchange failed = template.request("direct:failing", e -> e.getMessage().setBody("Denied"));
        assertThat(failed.getException()).isNotNull();
        emulator.faults().clear();

        long before = emulator.stats().total();
        Exchange viaProxy = template.request("direct:proxy", e -> e.getMessage().setBody("Through a proxy"));
        assertThat(viaProxy.getException()).as("the proxy does not answer").isNotNull();
        assertThat(emulator.stats().total()).as("nothing bypassed the proxy").isEqualTo(before);

        for (Exchange e : List.of(failed, viaProxy)) {
            for (Throwable t = e.getException(); t != null; t = t.getCause()) {
                seen.append(t.getMessage()).append(t).append('\n');
            }
        }
        for (var endpoint : context.getEndpoints()) {
            // getEndpointUri() is the identity, unmasked by design (EndpointIdentityTest); what is shown is toString()
            seen.append(endpoint).append('\n');
            if (endpoint instanceof BedrockEndpoint be) {
                seen.append(be.getConfiguration()).append(be.getConfiguration().credentialsKind()).append('\n');
            }
        }
        seen.append(context.getRoutes());
        assertThat(seen.toString()).as("the dump covers the proxy and role endpoints").contains("proxyHost", "roleArn");

        Path log = Path.of("target/test-logs/all.log");
        assertThat(log).exists();
        String logged = Files.readString(log);
        List<String[]> entries = entries(logged);
        for (String logger : DOCUMENTED_SDK_LEAKS.keySet()) {
            assertThat(entries).as("%s logged at DEBUG", logger).anyMatch(e -> e[1].startsWith(logger) && e[0].equals("DEBUG"));
        }
        assertThat(logged).as("the log captured this test's routes").contains("direct://proxy");

        Map<String, String> secrets = Map.of("accessKey", ACCESS_KEY, "secretKey", SECRET_KEY, "sessionToken", SESSION_TOKEN,
                "apiKey", API_KEY, "proxyUsername", PROXY_USERNAME, "proxyPassword", PROXY_PASSWORD,
                "roleExternalId", ROLE_EXTERNAL_ID);
        secrets.forEach((option, secret) -> {
            assertThat(seen.toString()).as("%s in values seen by routes and users", option).doesNotContain(secret);
            List<String> leaks = new ArrayList<>();
            for (String[] entry : entries) {
                boolean documented = java.util.stream.Stream.of(DOCUMENTED_SDK_LEAKS, CAMEL_CORE_GAPS)
                        .flatMap(m -> m.entrySet().stream())
                        .anyMatch(d -> entry[1].startsWith(d.getKey()) && d.getValue().contains(option));
                // the emulator plays the service; what it logs is the server's log, not the client's
                boolean server = entry[1].startsWith("dev.camelbedrock.emulator");
                if (!documented && !server && entry[2].contains(secret)) {
                    leaks.add(entry[1] + ": " + entry[2]);
                }
            }
            assertThat(leaks).as("log entries (everything at DEBUG) that show %s", option).isEmpty();
        });
    }

    /** The log's entries as {level, logger, whole entry}, an entry running to the start of the next. */
    private static List<String[]> entries(String log) {
        List<String[]> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(log);
        int start = -1;
        String level = null;
        String logger = null;
        while (m.find()) {
            if (start >= 0) {
                entries.add(new String[] { level, logger, log.substring(start, m.start()) });
            }
            start = m.start();
            level = m.group(1);
            logger = m.group(2);
        }
        if (start >= 0) {
            entries.add(new String[] { level, logger, log.substring(start) });
        }
        return entries;
    }
}
