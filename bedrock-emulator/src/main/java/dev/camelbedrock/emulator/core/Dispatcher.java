package dev.camelbedrock.emulator.core;

import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.RecordedRequest;
import dev.camelbedrock.emulator.models.ResolvedModel;
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
import java.util.function.Predicate;

/**
 * The one request handler behind both HTTP/1.1 and HTTP/2 (each h2 stream is a child channel whose frames
 * are converted to HTTP objects). Routes, records, applies faults and latency, then calls the operation.
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
        if (op == null) {
            ex.sendError(new ServiceException("UnknownOperationException", 404,
                    "No Bedrock operation matches " + method + " " + rawPath));
            return;
        }
        Fault errorFault = null;
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
            Fault f = context.faults().take(op.name(), op.streaming(), faultModelMatcher(modelId));
            if (f != null && f.isStreamFault()) {
                ex.streamFault(f);
            } else {
                errorFault = f;
            }
            delay = context.sampleLatencyMs();
        }
        Fault fault = errorFault;
        ex.schedule(() -> {
            if (fault != null) {
                int status = fault.status() != null ? fault.status() : ErrorCodes.status(op.service(), fault.errorCode());
                ex.sendError(new ServiceException(fault.errorCode(), status, fault.effectiveMessage()));
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

    private String baseId(String modelId) {
        try {
            return modelId == null ? null : context.catalog().resolve(modelId).map(ResolvedModel::baseId).orElse(null);
        } catch (RuntimeException e) { // an ARN resolver may refuse (e.g. a provisioned model not ready)
            return null;
        }
    }

    private static void invoke(Operation op, Exchange ex) {
        try {
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

    private Predicate<String> faultModelMatcher(String modelId) {
        return faultModel -> {
            if (modelId == null) {
                return false;
            }
            if (faultModel.equals(modelId)) {
                return true;
            }
            return faultModel.equals(baseId(modelId));
        };
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
