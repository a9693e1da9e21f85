package dev.camelbedrock.component.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.camelbedrock.component.error.BedrockInputException;

/**
 * Images and documents given as URLs, without server-side request forgery. An {@code s3://} URI is not fetched here
 * (Bedrock reads the object with the caller's permissions). An http(s) URL is fetched only when the mediaUrlAllowList
 * option has a prefix for it: same scheme, host and port (the default port when none is written), and a path under the
 * prefix's path at a segment boundary. URLs with user info, {@code .}/{@code ..} segments (also percent-encoded) or
 * encoded slashes are refused whatever the list says, so that what is compared is what is fetched. The fetch is
 * asynchronous (the JDK HttpClient's sendAsync), follows no redirect, stops reading past the size cap and gives up after
 * mediaUrlTimeout. URLs in messages are shown without their query (pre-signed URLs carry credentials there) and
 * without user info.
 */
public final class MediaUrls {

    private final List<Prefix> allowed;
    private final Duration timeout;
    private volatile HttpClient client;

    private record Prefix(String scheme, String host, int port, String path) {
    }

    /**
     * @param allowList comma-separated URL prefixes (the mediaUrlAllowList option); null or blank allows nothing
     * @throws IllegalArgumentException when an entry is not an http(s) URL prefix this class can compare safely
     */
    public MediaUrls(String allowList, long timeoutMillis) {
        List<Prefix> prefixes = new ArrayList<>();
        for (String entry : ExchangeOptions.splitCommas(allowList)) {
            prefixes.add(prefix(entry));
        }
        this.allowed = List.copyOf(prefixes);
        this.timeout = Duration.ofMillis(timeoutMillis > 0 ? timeoutMillis : 30_000);
    }

    /** Whether any http(s) URL may be fetched at all. */
    public boolean enabled() {
        return !allowed.isEmpty();
    }

    /**
     * The URL text of a value given where bytes are expected: a {@link URI}, a {@link URL} (never compared or hashed,
     * which would resolve its host), or a String starting with {@code http://}, {@code https://} or {@code s3://}
     * (any case); null for anything else.
     */
    public static String urlText(Object value) {
        if (value instanceof URI u) {
            return u.toString();
        }
        if (value instanceof URL u) {
            return u.toExternalForm();
        }
        if (value instanceof String s) {
            String lower = s.trim().toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("s3://")) {
                return s.trim();
            }
        }
        return null;
    }

    public static boolean isS3(String url) {
        return url.regionMatches(true, 0, "s3://", 0, 5);
    }

    /**
     * The URI to fetch for {@code url}, after checking it against the allow-list; a BedrockInputException otherwise,
     * naming {@code where} the URL was found and {@code accepted}. Makes no network call.
     */
    public URI check(String operation, String modelId, String where, String url, String accepted) {
        String shown = mask(url);
        if (allowed.isEmpty()) {
            throw new BedrockInputException(operation, modelId, where + " holds the URL " + shown + ", and no URL is fetched"
                    + " unless the mediaUrlAllowList option allows it; accepted: " + accepted);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused(operation, modelId, where, shown, "is not a valid URL", accepted);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(operation, modelId, where, shown, "is not an http or https URL", accepted);
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(operation, modelId, where, shown, "has user info before the host", accepted);
        }
        if (uri.getHost() == null) {
            throw refused(operation, modelId, where, shown, "has no host this component can compare", accepted);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (unsafePath(path)) {
            throw refused(operation, modelId, where, shown, "has '.' or '..' segments or an encoded slash in its path", accepted);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = port(scheme, uri.getPort());
        for (Prefix p : allowed) {
            if (p.scheme().equals(scheme) && p.host().equals(host) && p.port() == port && under(path, p.path())) {
                return uri.getRawFragment() == null ? uri : URI.create(url.substring(0, url.indexOf('#')));
            }
        }
        throw refused(operation, modelId, where, shown, "is under no prefix of the mediaUrlAllowList option (scheme, host,"
                + " port and path are compared)", accepted);
    }

    /**
     * Fetches {@code uri} (checked by {@link #check}) without blocking: at most {@code maxBytes}, no redirects, within
     * the timeout. Fails with a BedrockInputException that names {@code where} and the URL without its query.
     */
    public CompletableFuture<byte[]> fetch(String operation, String modelId, String where, URI uri, int maxBytes) {
        String shown = mask(uri.toString());
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).build();
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = client().sendAsync(request, info -> new CappedBody(info, maxBytes));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new BedrockInputException(operation, modelId, where + ": " + shown
                    + " cannot be fetched (" + e.getClass().getSimpleName() + ")"));
        }
        return sent.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((response, failure) -> {
            if (failure != null) {
                throw fetchFailed(operation, modelId, where, shown, uri, maxBytes, failure);
            }
            int status = response.statusCode();
            if (status / 100 == 3) {
                throw new BedrockInputException(operation, modelId, where + ": " + shown + " answered HTTP " + status
                        + " (a redirect); redirects are not followed, so give the final URL, under a prefix of mediaUrlAllowList");
            }
            if (status / 100 != 2) {
                throw new BedrockInputException(operation, modelId, where + ": " + shown + " answered HTTP " + status
                        + "; only a 2xx answer with the bytes is used");
            }
            return response.body();
        });
    }

    private BedrockInputException fetchFailed(String operation, String modelId, String where, String shown, URI uri,
                                              int maxBytes, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return new BedrockInputException(operation, modelId, where + ": " + shown + " answered more than " + maxBytes
                        + " bytes; Converse accepts at most " + maxBytes + " bytes for it");
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return new BedrockInputException(operation, modelId, where + ": fetching " + shown + " took longer than the"
                        + " mediaUrlTimeout of " + timeout.toMillis() + " ms");
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root != root.getCause()) {
            root = root.getCause();
        }
        // the JDK's messages name hosts, not queries; still, never repeat the URL as given
        String detail = root.getMessage() == null ? "" : ": " + root.getMessage().replace(uri.toString(), shown);
        return new BedrockInputException(operation, modelId, where + ": fetching " + shown + " failed ("
                + root.getClass().getSimpleName() + detail + ")");
    }

    private static BedrockInputException refused(String operation, String modelId, String where, String shown, String why,
                                                 String accepted) {
        return new BedrockInputException(operation, modelId, where + " holds the URL " + shown + ", which " + why
                + "; it is not fetched. Accepted: " + accepted);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                            .proxy(HttpClient.Builder.NO_PROXY).build();
                    client = c;
                }
            }
        }
        return c;
    }

    // ---- comparing ----

    private static Prefix prefix(String entry) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("mediaUrlAllowList entry '" + mask(entry) + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null
            || uri.getRawQuery() != null || uri.getRawFragment() != null || unsafePath(path)) {
            throw new IllegalArgumentException("mediaUrlAllowList entry '" + mask(entry) + "' is not an http(s) URL prefix of"
                    + " the form https://host[:port]/path/ (no user info, query, fragment or dot segments)");
        }
        return new Prefix(scheme, uri.getHost().toLowerCase(Locale.ROOT), port(scheme, uri.getPort()), path);
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
    }

    /** Whether {@code path} is {@code prefix} or below it: "/images" allows "/images" and "/images/a", not "/images2". */
    private static boolean under(String path, String prefix) {
        if (prefix.endsWith("/")) {
            return path.startsWith(prefix);
        }
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static boolean unsafePath(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return true;
        }
        for (String segment : lower.split("/", -1)) {
            String s = segment.replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The URL as it may appear in a message or log: no user info, and the query and fragment replaced. */
    public static String mask(String url) {
        int cut = -1;
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) == '?' || url.charAt(i) == '#') {
                cut = i;
                break;
            }
        }
        String base = cut < 0 ? url : url.substring(0, cut);
        String rest = cut < 0 ? "" : url.charAt(cut) == '?' ? "?(query hidden)" : "";
        int start = base.indexOf("://");
        if (start >= 0) {
            start += 3;
            int slash = base.indexOf('/', start);
            int end = slash < 0 ? base.length() : slash;
            int at = base.lastIndexOf('@', end - 1);
            if (at >= start) {
                base = base.substring(0, start) + "(user info hidden)@" + base.substring(at + 1);
            }
        }
        if (base.length() > 300) {
            base = base.substring(0, 300) + "...";
        }
        return base + rest;
    }

    // ---- reading at most maxBytes ----

    /** Thrown inside the body subscriber when the answer is larger than the cap: the rest is not read. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("the answer is larger than the size cap", null);
        }
    }

    /**
     * Collects the body of a 2xx answer up to {@code max} bytes; cancels and fails as soon as it is (or is declared)
     * larger. The body of any other answer is not read at all.
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long declared;
        private final int max;
        private final boolean unused;
        private Flow.Subscription subscription;

        CappedBody(HttpResponse.ResponseInfo info, int max) {
            this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            this.max = max;
            this.unused = info.statusCode() / 100 != 2;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (unused) {
                s.cancel();
                result.complete(new byte[0]);
                return;
            }
            if (declared > max) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                if (bytes.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
