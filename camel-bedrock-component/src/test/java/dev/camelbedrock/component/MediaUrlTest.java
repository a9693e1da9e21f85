package dev.camelbedrock.component;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.stream.ChatStream;
import dev.camelbedrock.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 7: images and documents given as URLs. Without mediaUrlAllowList nothing is fetched; with it, only URLs under an
 * allowed prefix are, without following redirects, within the size cap, and the bytes are checked like bytes given
 * directly. The media come from a small HTTP server on loopback that counts what it is asked for.
 */
class MediaUrlTest extends BedrockTestSupport {

    private static HttpServer media;
    private static String base;
    private static final Queue<String> served = new ConcurrentLinkedQueue<>();
    private static byte[] png;
    /** How long /images/slow.png takes to answer: far beyond the 300 ms mediaUrlTimeout of direct:impatient. */
    private static final long SLOW_ANSWER_MS = 3_000;

    @BeforeAll
    static void startMediaServer() throws Exception {
        png = ConverseTest.png();
        media = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        media.createContext("/", MediaUrlTest::serve);
        // a slow answer must not hold up the next test's requests
        media.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        media.start();
        base = "http://127.0.0.1:" + media.getAddress().getPort();
    }

    @AfterAll
    static void stopMediaServer() {
        media.stop(0);
    }

    @BeforeEach
    void clearServed() {
        served.clear();
    }

    private static void serve(HttpExchange http) throws IOException {
        String path = http.getRequestURI().getRawPath();
        served.add(path);
        try (http) {
            switch (path) {
                case "/images/fox.png", "/private/secret.png" -> send(http, 200, png);
                case "/images/not-image.png" -> send(http, 200, "hello, no image here".getBytes());
                case "/images/big.png" -> {
                    byte[] big = new byte[3_750_001];
                    System.arraycopy(png, 0, big, 0, 8);
                    send(http, 200, big);
                }
                case "/images/stream-big.png" -> { // no Content-Length: the cap must hold while reading
                    http.sendResponseHeaders(200, 0);
                    try (OutputStream out = http.getResponseBody()) {
                        out.write(png, 0, 8);
                        byte[] chunk = new byte[64 * 1024];
                        for (int i = 0; i < 80; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException cut) {
                        // the client stopped reading at the cap
                    }
                }
                case "/images/redirect.png" -> {
                    http.getResponseHeaders().add("Location", base + "/private/secret.png");
                    send(http, 302, new byte[0]);
                }
                case "/docs/report.pdf" -> send(http, 200, "%PDF-1.4 a tiny report".getBytes());
                case "/images/slow.png" -> {
                    try {
                        Thread.sleep(SLOW_ANSWER_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(http, 200, png);
                }
                default -> send(http, 404, new byte[0]);
            }
        }
    }

    private static void send(HttpExchange http, int status, byte[] body) throws IOException {
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            http.getResponseBody().write(body);
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String allow = "&mediaUrlAllowList=RAW(" + base + "/images/," + base + "/docs)";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:plain").to("bedrock:converse?modelId=" + MODEL);
                from("direct:allowed").to("bedrock:converse?modelId=" + MODEL + allow);
                from("direct:stream").to("bedrock:converseStream?modelId=" + MODEL + allow);
                from("direct:count").to("bedrock:countTokens?modelId=" + MODEL + allow);
                from("direct:invoke").to("bedrock:invokeModel?modelId=" + MODEL + allow);
                from("direct:impatient").to("bedrock:converse?modelId=" + MODEL + allow + "&mediaUrlTimeout=300");
            }
        };
    }

    private Exchange ask(String route, String header, Object value) {
        return template.request(route, e -> {
            e.getMessage().setBody("Describe this");
            e.getMessage().setHeader(header, value);
        });
    }

    private void assertRefusedBeforeAnyCall(Exchange out, String... expected) {
        assertThat(out.getException()).as("the exchange refused with a BedrockInputException").isInstanceOf(BedrockInputException.class);
        assertThat(out.getException().getMessage()).contains(expected);
        assertThat(emulator.stats().total()).as("requests that reached the emulator").isZero();
    }

    private static JsonNode lastRequest(String operation) {
        List<RecordedRequest> requests = emulator.requests(operation);
        return requests.get(requests.size() - 1).json();
    }

    // ---- without the option ----

    static Stream<Arguments> urlForms() throws Exception {
        String url = "http://127.0.0.1:1/images/fox.png";
        return Stream.of(Arguments.of("String", url), Arguments.of("URI", URI.create(url)),
                Arguments.of("URL", new URL(url)), Arguments.of("List", List.of(png, URI.create(url))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urlForms")
    void anImageUrlIsRefusedWithoutTheOption(String form, Object value) {
        Exchange out = ask("direct:plain", BedrockHeaders.IMAGES, value);

        assertRefusedBeforeAnyCall(out, "converse: ", BedrockHeaders.IMAGES, "mediaUrlAllowList", "byte[]");
        assertThat(served).as("requests that reached the media server").isEmpty();
    }

    @Test
    void aDocumentUrlIsRefusedWithoutTheOption() {
        Exchange out = ask("direct:plain", BedrockHeaders.DOCUMENTS, Map.of("report.pdf", base + "/docs/report.pdf"));

        assertRefusedBeforeAnyCall(out, "converse: ", BedrockHeaders.DOCUMENTS, "mediaUrlAllowList", "report.pdf");
        assertThat(served).isEmpty();
    }

    @Test
    void theQueryOfARefusedUrlIsNotRepeated() {
        Exchange out = ask("direct:plain", BedrockHeaders.IMAGES, "https://user:pw@cdn.example.com/a.png?X-Amz-Signature=SECRET123");

        assertRefusedBeforeAnyCall(out, "https://(user info hidden)@cdn.example.com/a.png?(query hidden)");
        assertThat(out.getException().getMessage()).doesNotContain("SECRET123").doesNotContain("pw@");
    }

    // ---- with the option ----

    @Test
    void anAllowedImageUrlIsFetchedAndSentAsBytes() {
        Exchange out = ask("direct:allowed", BedrockHeaders.IMAGES, base + "/images/fox.png");

        assertThat(out.getException()).isNull();
        assertThat(served).containsExactly("/images/fox.png");
        JsonNode image = lastRequest("Converse").at("/messages/0/content/1/image");
        assertThat(image.at("/format").asText()).isEqualTo("png");
        assertThat(Base64.getDecoder().decode(image.at("/source/bytes").asText())).isEqualTo(png);
    }

    @Test
    void aFetchSlowerThanMediaUrlTimeoutFailsAfterThatTimeout() {
        long started = System.nanoTime();
        Exchange out = ask("direct:impatient", BedrockHeaders.IMAGES, base + "/images/slow.png");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertRefusedBeforeAnyCall(out, "converse: ", "took longer than the mediaUrlTimeout of 300 ms");
        assertThat(tookMs).as("ms until the exchange failed (the media server answers after %d ms)", SLOW_ANSWER_MS)
                .isLessThan(SLOW_ANSWER_MS - 1_000);
    }

    @Test
    void noProxyIsUsedForMediaUrls() {
        java.net.ProxySelector jvmDefault = java.net.ProxySelector.getDefault();
        List<URI> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the JVM's proxy, as -Dhttp.proxyHost or a corporate ProxySelector would set it: a proxy nobody answers on
        java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
            @Override
            public List<java.net.Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1)));
            }

            @Override
            public void connectFailed(URI uri, java.net.SocketAddress sa, IOException ioe) {
            }
        });
        try {
            Exchange out = ask("direct:allowed", BedrockHeaders.IMAGES, base + "/images/fox.png");

            assertThat(out.getException()).as("the fetch, straight to the media server").isNull();
            assertThat(served).as("requests that reached the media server").containsExactly("/images/fox.png");
            assertThat(asked).as("URLs the JVM's proxy selector was asked about").isEmpty();
        } finally {
            java.net.ProxySelector.setDefault(jvmDefault);
        }
    }

    @Test
    void anAllowedDocumentUrlIsFetched() {
        Exchange out = ask("direct:allowed", BedrockHeaders.DOCUMENTS, Map.of("report.pdf", URI.create(base + "/docs/report.pdf")));

        assertThat(out.getException()).isNull();
        JsonNode document = lastRequest("Converse").at("/messages/0/content/1/document");
        assertThat(document.at("/format").asText()).isEqualTo("pdf");
        assertThat(document.at("/name").asText()).isEqualTo("report");
        assertThat(new String(Base64.getDecoder().decode(document.at("/source/bytes").asText()))).startsWith("%PDF-1.4");
    }

    @Test
    void theConversationHeaderGetsTheFetchedBytes() {
        Exchange out = template.request("direct:allowed", e -> {
            e.getMessage().setBody("Describe this");
            e.getMessage().setHeader(BedrockHeaders.IMAGES, List.of(base + "/images/fox.png"));
            e.getMessage().setHeader(BedrockHeaders.CONVERSATION, new ArrayList<Message>());
        });

        assertThat(out.getException()).isNull();
        List<?> conversation = out.getMessage().getHeader(BedrockHeaders.CONVERSATION, List.class);
        Message turn = (Message) conversation.get(0);
        assertThat(turn.content().get(1).image().source().bytes().asByteArray()).isEqualTo(png);
    }

    @Test
    void converseStreamAndCountTokensFetchToo() {
        Exchange streamed = template.request("direct:stream", e -> {
            e.getMessage().setBody("Describe this");
            e.getMessage().setHeader(BedrockHeaders.IMAGES, base + "/images/fox.png");
        });
        assertThat(streamed.getException()).isNull();
        StringBuilder text = new StringBuilder();
        streamed.getMessage().getBody(ChatStream.class).forEachRemaining(d -> text.append(d == null ? "" : d));
        assertThat(text.toString()).startsWith("You said");
        assertThat(Base64.getDecoder().decode(lastRequest("ConverseStream").at("/messages/0/content/1/image/source/bytes").asText()))
                .isEqualTo(png);

        Exchange counted = ask("direct:count", BedrockHeaders.IMAGES, base + "/images/fox.png");
        assertThat(counted.getException()).isNull();
        assertThat(emulator.stats().count("CountTokens")).isEqualTo(1);
        assertThat(served).containsExactly("/images/fox.png", "/images/fox.png");
    }

    static Stream<Arguments> tricks() {
        int port = media.getAddress().getPort();
        return Stream.of(
                Arguments.of("host with the allowed host as a prefix", "http://127.0.0.1.evil.example:" + port + "/images/fox.png",
                        "under no prefix"),
                Arguments.of("allowed host as user info", "http://127.0.0.1:" + port + "@evil.example/images/fox.png", "user info"),
                Arguments.of("user info before the allowed host", "http://me@127.0.0.1:" + port + "/images/fox.png", "user info"),
                Arguments.of("dot-dot out of the prefix", base + "/images/../private/secret.png", "'..' segments"),
                Arguments.of("encoded dot-dot", base + "/images/%2e%2E/private/secret.png", "'..' segments"),
                Arguments.of("encoded slash", base + "/images/..%2Fprivate/secret.png", "encoded slash"),
                Arguments.of("path beside the prefix", base + "/images2/fox.png", "under no prefix"),
                Arguments.of("prefix without its slash", base + "/imagesfox.png", "under no prefix"),
                Arguments.of("document prefix at a segment boundary", base + "/docsx/fox.png", "under no prefix"),
                Arguments.of("another port", "http://127.0.0.1:1/images/fox.png", "under no prefix"),
                Arguments.of("another scheme", "https://127.0.0.1:" + port + "/images/fox.png", "under no prefix"),
                Arguments.of("localhost for 127.0.0.1", "http://localhost:" + port + "/images/fox.png", "under no prefix"),
                Arguments.of("a file URI", URI.create("file:///etc/passwd"), "not an http or https URL"),
                Arguments.of("an ftp URI", URI.create("ftp://127.0.0.1/images/fox.png"), "not an http or https URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tricks")
    void urlsOutsideTheAllowListAreRefusedUnfetched(String name, Object url, String expected) {
        Exchange out = ask("direct:allowed", BedrockHeaders.IMAGES, url);

        assertRefusedBeforeAnyCall(out, "converse: ", BedrockHeaders.IMAGES, expected);
        assertThat(served).as("requests that reached the media server").isEmpty();
    }

    static Stream<Arguments> fetchedAndRefused() {
        return Stream.of(
                Arguments.of("a redirect is not followed", "/images/redirect.png", List.of("HTTP 302", "redirects are not followed")),
                Arguments.of("an error status, the query not repeated", "/images/missing.png?token=SECRET123",
                        List.of("HTTP 404", "/images/missing.png?(query hidden)")),
                Arguments.of("an oversized answer", "/images/big.png", List.of("more than 3750000 bytes")),
                Arguments.of("an oversized answer without Content-Length", "/images/stream-big.png", List.of("more than 3750000 bytes")),
                Arguments.of("bytes that are no image, refused as bytes are", "/images/not-image.png",
                        List.of("converse: ", BedrockHeaders.IMAGES, "is not PNG, JPEG, GIF or WebP")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fetchedAndRefused")
    void anAllowedUrlWhoseAnswerIsUnfitIsRefused(String name, String pathAndQuery, List<String> expected) {
        Exchange out = ask("direct:allowed", BedrockHeaders.IMAGES, base + pathAndQuery);

        assertRefusedBeforeAnyCall(out, expected.toArray(String[]::new));
        assertThat(out.getException().getMessage()).doesNotContain("SECRET123");
        assertThat(served).as("fetched once, and nothing else").containsExactly(pathAndQuery.split("\\?")[0]);
    }

    @Test
    void aPromptLevelInvokeFetchesNothing() {
        Exchange out = ask("direct:invoke", BedrockHeaders.IMAGES, base + "/images/fox.png");

        assertRefusedBeforeAnyCall(out, "invokeModel: ", "fetches nothing");
        assertThat(served).isEmpty();
    }

    @Test
    void otherInputErrorsComeBeforeAnyFetch() {
        Exchange out = template.request("direct:allowed", e -> {
            e.getMessage().setBody("Describe this");
            e.getMessage().setHeader(BedrockHeaders.IMAGES, base + "/images/fox.png");
            e.getMessage().setHeader(BedrockHeaders.TEMPERATURE, 7f);
        });

        assertRefusedBeforeAnyCall(out, "0 to 1");
        assertThat(served).isEmpty();
    }

    // ---- S3 ----

    @Test
    void s3UrisGoToBedrockAsS3Locations() {
        Exchange out = template.request("direct:plain", e -> {
            e.getMessage().setBody("Describe this");
            e.getMessage().setHeader(BedrockHeaders.IMAGES, URI.create("s3://my-bucket/photos/cat.JPG"));
            e.getMessage().setHeader(BedrockHeaders.DOCUMENTS, Map.of("report.pdf", "s3://my-bucket/docs/report.pdf"));
        });

        assertThat(out.getException()).isNull();
        JsonNode content = lastRequest("Converse").at("/messages/0/content");
        assertThat(content.at("/1/image/format").asText()).isEqualTo("jpeg");
        assertThat(content.at("/1/image/source/s3Location/uri").asText()).isEqualTo("s3://my-bucket/photos/cat.JPG");
        assertThat(content.at("/2/document/source/s3Location/uri").asText()).isEqualTo("s3://my-bucket/docs/report.pdf");
        assertThat(served).isEmpty();
    }

    @Test
    void anS3ImageWithoutAnImageNameIsRefused() {
        Exchange out = ask("direct:plain", BedrockHeaders.IMAGES, "s3://my-bucket/photos/cat");

        assertRefusedBeforeAnyCall(out, "S3 URI", ".png, .jpg, .jpeg, .gif or .webp");
    }

    @Test
    void anAllowListEntryThatCannotBeComparedStopsTheEndpoint() {
        assertThatThrownBy(() -> context.getEndpoint("bedrock:converse?modelId=" + MODEL
                                                     + "&mediaUrlAllowList=RAW(ftp://files.example.com/)").start())
                .hasMessageContaining("mediaUrlAllowList entry 'ftp://files.example.com/'");
    }
}
