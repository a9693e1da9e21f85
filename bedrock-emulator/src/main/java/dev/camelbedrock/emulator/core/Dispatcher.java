package dev.camelbedrock.emulator.core;

import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.RecordedRequest;
import dev.camelbedrock.emulator.auth.SigV4Verifier;
import dev.camelbedrock.emulator.auth.StrictAuth;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.ResolvedModel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http2.Http2StreamChannel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The one request handler behind both HTTP/1.1 and HTTP/2 (each h2 stream is a child channel whose frames
 * are converted to HTTP objects). Routes, checks the signature in strict mode, records, applies faults and latency,
 * holds the request to its shape in the service model, then calls the operation.
 */
@ChannelHandler.Sharable
final class Dispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** The service's message for a request over its quota. */
    static final String THROTTLED_MESSAGE = "Too many requests, please wait before trying again.";

    private final Router router;
    private final EmulatorContext context;

    Dispatcher(Router router, EmulatorContext context) {
        this.router = router;
        this.context = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        long received = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String uri = req.uri();
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            int slash = uri.indexOf('/', uri.indexOf("//") + 2);
            uri = slash < 0 ? "/" : uri.substring(slash);
        }
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        Map<String, List<String>> query = q < 0 ? Collections.emptyMap()
                : new QueryStringDecoder(uri.substring(q), StandardCharsets.UTF_8, true).parameters();
        String method = req.method().name();
        HttpHeaders headers = new DefaultHttpHeaders().set(req.headers());
        byte[] body = ByteBufUtil.getBytes(req.content());
        boolean http2 = ctx.channel() instanceof Http2StreamChannel;

        Router.Match match = router.match(method, rawPath);
        Operation op = match == null ? null : match.operation();
        Exchange ex = new Exchange(ctx, context, method, rawPath, query, headers, body, requestId, received,
                req.protocolVersion(), http2, op, match == null ? null : match.params());
        if (refusedByStrictAuth(ex, op, q < 0 ? null : uri.substring(q + 1))) {
            return;
        }
        if (op == null) {
            ex.sendError(new ServiceException("UnknownOperationException", 404,
                    "No Bedrock operation matches " + method + " " + rawPath));
            return;
        }
        Fault answerFault = null;
        long delay = 0;
        if (op.modelled()) {
            String modelId = ex.modelId();
            context.stats().record(op.name(), modelId);
            context.requestLog().record(new RecordedRequest(Instant.now(), requestId, op.name(), modelId, method,
                    rawPath, http2 ? "HTTP/2" : req.protocolVersion().text(), lowerCaseHeaders(headers), new String(body, StandardCharsets.UTF_8)));
            ex.trackInFlight();
            if (op.consumesQuota() && !admitted(ex, modelId, body.length)) {
                return;
            }
            delay = context.sampleLatencyMs();
            Fault f = context.faults().take(op.name(), op.streaming(), modelId, () -> baseId(modelId));
            if (f != null) {
                context.stats().recordFault(f.label());
                if (f.kind() == Fault.Kind.DELAY) {
                    delay += f.delayMs();
                } else if (f.isStreamFault() || (f.kind() == Fault.Kind.MALFORMED && op.streaming())) {
                    ex.streamFault(f);
                } else {
                    answerFault = f;
                }
            }
        }
        Fault fault = answerFault;
        ex.schedule(() -> {
            if (fault != null) {
                answer(fault, op, ex);
                return;
            }
            invoke(op, ex);
        }, delay);
    }

    /**
     * Applies the model's quota, if one matches: a request over it is answered at once (no latency) with 429
     * ThrottlingException, the service's message, and counted as throttled. Estimated tokens: body bytes / 4.
     */
    private boolean admitted(Exchange ex, String modelId, int bodyBytes) {
        QuotaRegistry.Admission admission = context.quotas().admit(modelId, () -> baseId(modelId), (bodyBytes + 3) / 4);
        if (admission == null) {
            return true;
        }
        if (!admission.admitted()) {
            context.stats().recordThrottled(modelId);
            ex.sendError(ServiceException.of(ex.operation().service(), "ThrottlingException", THROTTLED_MESSAGE));
            return false;
        }
        ex.admission(admission);
        return true;
    }

    /** Strict mode: a request that is not for the admin API must be correctly signed (or carry an accepted API key). */
    private boolean refusedByStrictAuth(Exchange ex, Operation op, String rawQuery) {
        StrictAuth auth = context.feature(StrictAuth.class);
        if (auth == null || !auth.enabled() || (op != null && op.service() == Service.ADMIN)) {
            return false;
        }
        SigV4Verifier.Failure failure = auth.verify(ex.method(), ex.rawPath(), rawQuery, ex.headers(), ex.body());
        if (failure == null) {
            return false;
        }
        context.stats().recordAuthFailure(failure.code());
        ex.send(failure.status(), "application/json", Json.bytes(Json.object().put("message", failure.message())),
                Map.of("x-amzn-ErrorType", StrictAuth.errorType(failure)));
        return true;
    }

    /** A fault that replaces the answer: no answer at all, a body that is not JSON, or an error. */
    private static void answer(Fault fault, Operation op, Exchange ex) {
        if (fault.kind() == Fault.Kind.RESET) {
            ex.abort(fault.closeConnection());
        } else if (fault.kind() == Fault.Kind.MALFORMED) {
            ex.send(200, "application/json", Fault.MALFORMED_BODY, null);
        } else {
            int status = fault.status() != null ? fault.status() : ErrorCodes.status(op.service(), fault.errorCode());
            ObjectNode extra = null;
            if (fault.originalStatusCode() != null) {
                extra = Json.object().put("originalStatusCode", fault.originalStatusCode());
            }
            ex.sendError(new ServiceException(fault.errorCode(), status, fault.effectiveMessage(), extra));
        }
    }

    private static void invoke(Operation op, Exchange ex) {
        try {
            RequestShapes.check(op, ex);
            op.handle(ex);
        } catch (ServiceException e) {
            ex.sendError(e);
        } catch (IOException | RuntimeException e) {
            ex.sendError(new ServiceException("InternalServerException", 500, "Emulator failure in " + op.name()
                    + ": " + e));
        } catch (Exception e) {
            ex.sendError(new ServiceException("InternalServerException", 500, "Emulator failure in " + op.name()
                    + ": " + e));
        }
    }

    /** The base id a model id resolves to, or null (unknown, no model, or an ARN resolver that refuses). */
    private String baseId(String modelId) {
        if (modelId == null) {
            return null;
        }
        try {
            return context.catalog().resolve(modelId).map(ResolvedModel::baseId).orElse(null);
        } catch (RuntimeException e) { // e.g. a provisioned model that is not ready
            return null;
        }
    }

    private static Map<String, String> lowerCaseHeaders(HttpHeaders headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : headers) {
            out.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        return out;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
