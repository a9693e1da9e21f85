package dev.camelbedrock.emulator.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.json.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.util.concurrent.EventExecutor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request and the means to answer it. All answering methods may be called from any thread; the work is
 * moved to the connection's event loop. Exactly one response is sent; later attempts are ignored.
 */
public final class Exchange {

    private final ChannelHandlerContext ctx;
    private final EmulatorContext context;
    private final String method;
    private final String rawPath;
    private final Map<String, List<String>> query;
    private final HttpHeaders headers;
    private final byte[] body;
    private final String requestId;
    private final long receivedNanos;
    private final HttpVersion version;
    private final boolean http2;
    private final Operation operation;
    private final Map<String, String> pathParams;
    private volatile Fault streamFault;
    private volatile boolean responded;
    private JsonNode json;
    private volatile QuotaRegistry.Admission admission;
    private final AtomicBoolean open = new AtomicBoolean();
    private ChannelFutureListener closeListener;

    Exchange(ChannelHandlerContext ctx, EmulatorContext context, String method, String rawPath,
             Map<String, List<String>> query, HttpHeaders headers, byte[] body, String requestId, long receivedNanos,
             HttpVersion version, boolean http2, Operation operation, Map<String, String> pathParams) {
        this.ctx = ctx;
        this.context = context;
        this.method = method;
        this.rawPath = rawPath;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
        this.receivedNanos = receivedNanos;
        this.version = version;
        this.http2 = http2;
        this.operation = operation;
        this.pathParams = pathParams == null ? Collections.emptyMap() : pathParams;
    }

    public EmulatorContext context() {
        return context;
    }

    public Operation operation() {
        return operation;
    }

    public String method() {
        return method;
    }

    /** The raw (still percent-encoded) path without the query string. */
    public String rawPath() {
        return rawPath;
    }

    /** A path parameter of the route template, percent-decoded. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Map<String, String> pathParams() {
        return pathParams;
    }

    /** The model id of the request (path parameter {@code modelId} or {@code modelIdentifier}), or null. */
    public String modelId() {
        String m = pathParams.get("modelId");
        return m != null ? m : pathParams.get("modelIdentifier");
    }

    /** First value of a query parameter (decoded), or null. */
    public String query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public Map<String, List<String>> queryParams() {
        return query;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as JSON; an empty body is an empty object. A body that is not JSON answers a
     * {@code ValidationException} (thrown).
     */
    public JsonNode json() {
        if (json == null) {
            if (body.length == 0) {
                json = Json.object();
            } else {
                try {
                    json = Json.parse(body);
                } catch (JsonProcessingException e) {
                    throw ServiceException.validation("The request body is not valid JSON: "
                            + e.getOriginalMessage());
                } catch (IOException e) {
                    throw ServiceException.validation("The request body could not be read: " + e.getMessage());
                }
            }
        }
        return json;
    }

    public String requestId() {
        return requestId;
    }

    /** Milliseconds since the request was received. */
    public long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - receivedNanos);
    }

    /** The region the client signed for (SigV4 credential scope), else the emulator's default region. */
    public String region() {
        String auth = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null) {
            int i = auth.indexOf("Credential=");
            if (i >= 0) {
                String[] parts = auth.substring(i + "Credential=".length()).split("[/,\\s]");
                if (parts.length > 2 && !parts[2].isEmpty()) {
                    return parts[2];
                }
            }
        }
        return context.defaultRegion();
    }

    public boolean isHttp2() {
        return http2;
    }

    /** The injected stream fault for this request, if any (streaming operations only). */
    public Fault streamFault() {
        return streamFault;
    }

    void streamFault(Fault fault) {
        this.streamFault = fault;
    }

    public EventExecutor executor() {
        return ctx.executor();
    }

    public boolean isOpen() {
        return ctx.channel().isActive();
    }

    /** Runs {@code task} on the event loop after {@code delayMs} (immediately, on the loop, if 0). */
    public void schedule(Runnable task, long delayMs) {
        Runnable safe = () -> {
            try {
                task.run();
            } catch (ServiceException e) {
                sendError(e);
            } catch (RuntimeException e) {
                sendError(new ServiceException("InternalServerException", 500,
                        "Emulator failure: " + e));
            }
        };
        if (delayMs > 0) {
            ctx.executor().schedule(safe, delayMs, TimeUnit.MILLISECONDS);
        } else if (ctx.executor().inEventLoop()) {
            safe.run();
        } else {
            ctx.executor().execute(safe);
        }
    }

    /** The quota admission of this request (null when no quota applies). */
    void admission(QuotaRegistry.Admission admission) {
        this.admission = admission;
    }

    /**
     * Reports the request's real token count (input plus output) so that its model's tokens-per-minute quota is
     * debited what was used rather than the estimate made on arrival. Without a quota this does nothing.
     */
    public void reportTokens(long tokens) {
        QuotaRegistry.Admission a = admission;
        if (a != null) {
            a.settle(tokens);
        }
    }

    /**
     * Counts this request as open in the stats until its response is complete or its channel closes. Called on
     * the event loop when the request arrives.
     */
    void trackInFlight() {
        if (open.compareAndSet(false, true)) {
            context.stats().requestOpened();
            closeListener = f -> requestDone();
            ctx.channel().closeFuture().addListener(closeListener);
        }
    }

    /** The response is complete (or can no longer be sent): no longer open. Runs on the event loop. */
    private void requestDone() {
        if (open.compareAndSet(true, false)) {
            context.stats().requestClosed();
            ctx.channel().closeFuture().removeListener(closeListener);
        }
    }

    public boolean responded() {
        return responded;
    }

    public void sendJson(int status, JsonNode node) {
        send(status, "application/json", Json.bytes(node), null);
    }

    public void sendError(ServiceException e) {
        send(e.status(), "application/json", Json.bytes(e.body()),
                Map.of("x-amzn-ErrorType", e.code() + ErrorCodes.ERROR_TYPE_SUFFIX));
    }

    /** Sends a complete response. {@code extraHeaders} may be null. */
    public void send(int status, String contentType, byte[] content, Map<String, String> extraHeaders) {
        onLoop(() -> {
            if (responded) {
                return;
            }
            responded = true;
            FullHttpResponse r = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(status),
                    Unpooled.wrappedBuffer(content));
            commonHeaders(r);
            if (contentType != null) {
                r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            }
            if (extraHeaders != null) {
                extraHeaders.forEach((k, v) -> r.headers().set(k, v));
            }
            HttpUtil.setContentLength(r, content.length);
            ctx.writeAndFlush(r);
            requestDone();
        });
    }

    /**
     * Starts a 200 {@code application/vnd.amazon.eventstream} response (chunked on HTTP/1.1, DATA frames on
     * HTTP/2) and returns a writer for its messages.
     */
    public EventStreamWriter openEventStream(Map<String, String> extraHeaders) {
        EventStreamWriter w = new EventStreamWriter();
        onLoop(() -> {
            if (responded) {
                w.closed = true;
                return;
            }
            responded = true;
            HttpResponse r = new DefaultHttpResponse(version, HttpResponseStatus.OK);
            commonHeaders(r);
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/vnd.amazon.eventstream");
            if (extraHeaders != null) {
                extraHeaders.forEach((k, v) -> r.headers().set(k, v));
            }
            if (!http2) {
                HttpUtil.setTransferEncodingChunked(r, true);
            }
            ctx.writeAndFlush(r);
        });
        return w;
    }

    /**
     * Ends the exchange without a (complete) answer, as a broken connection would: on HTTP/2 the request's stream
     * is reset (RST_STREAM {@code INTERNAL_ERROR}; the connection and its other streams live on) unless
     * {@code wholeConnection}, on HTTP/1.1 (and for a whole HTTP/2 connection) the connection is closed with a TCP
     * reset (SO_LINGER 0). Works before or in the middle of a response.
     */
    public void abort(boolean wholeConnection) {
        onLoop(() -> {
            responded = true;
            if (http2 && !wholeConnection) {
                ctx.channel().writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR))
                        .addListener(f -> ctx.channel().close());
            } else {
                Channel connection = http2 ? ctx.channel().parent() : ctx.channel();
                connection.config().setOption(ChannelOption.SO_LINGER, 0);
                connection.close();
            }
        });
    }

    private void commonHeaders(HttpResponse r) {
        r.headers().set("x-amzn-RequestId", requestId);
        r.headers().set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
    }

    private void onLoop(Runnable r) {
        if (ctx.executor().inEventLoop()) {
            r.run();
        } else {
            ctx.executor().execute(r);
        }
    }

    /** Writes event-stream messages of one response. Use from the event loop (or any thread: it hops). */
    public final class EventStreamWriter {
        private volatile boolean closed;

        /** Writes one framed message and flushes it. */
        public void write(byte[] frame) {
            onLoop(() -> {
                if (!closed) {
                    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(frame)));
                }
            });
        }

        /** Ends the response. */
        public void end() {
            onLoop(() -> {
                if (!closed) {
                    closed = true;
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                }
                requestDone();
            });
        }

        public boolean isOpen() {
            return !closed && ctx.channel().isActive();
        }
    }
}
