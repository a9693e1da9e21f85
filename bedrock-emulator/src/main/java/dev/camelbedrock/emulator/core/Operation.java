package dev.camelbedrock.emulator.core;

/**
 * One API operation of the emulator: a route (method + path template) and its handler. Add a feature by
 * writing one class implementing this interface and returning it from its feature's {@link OperationProvider}.
 *
 * <p>Path templates are literal segments and {@code {name}} placeholders, each matching exactly one raw
 * path segment, which is percent-decoded before it is compared or bound (so {@code %2F} inside an ARN never
 * splits a segment). Handlers run on the connection's Netty event loop: they must not block; use
 * {@link Exchange#schedule(Runnable, long)} for any delay.
 */
public interface Operation {

    /** The AWS operation name, e.g. {@code Converse}. Used for stats, the request log and faults. */
    String name();

    /** HTTP method, upper case. */
    String method();

    /** Path template, e.g. {@code /model/{modelId}/converse}. */
    String path();

    /** Which service the operation belongs to; decides error statuses. */
    Service service();

    /** Whether the response is an event stream (then stream faults and the stream gate apply). */
    default boolean streaming() {
        return false;
    }

    /**
     * Whether the request counts as a Bedrock API call: counted in stats, kept in the request log, subject to
     * injected faults and to the per-request latency. False for the {@code /_emulator} admin API.
     */
    default boolean modelled() {
        return service() != Service.ADMIN;
    }

    /**
     * Whether the request draws on its model's quota ({@code dev.camelbedrock.emulator.Quota}): model invocations
     * do; by default every bedrock-runtime operation with a model id. Operations that report their real token
     * count call {@link Exchange#reportTokens(long)}.
     */
    default boolean consumesQuota() {
        return modelled() && service() == Service.RUNTIME;
    }

    /**
     * Answers the request. Throwing {@link ServiceException} (synchronously) answers the error in the
     * service's shape; any other exception becomes a 500 {@code InternalServerException}.
     */
    void handle(Exchange exchange) throws Exception;
}
