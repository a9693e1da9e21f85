package dev.camelbedrock.component.flow;

import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Shows every HTTP attempt of the SDK, retries included, to the rate limiter of the exchange that made the call: a
 * 429 is a throttle, a 2xx a success, and each retry takes a send slot. Installed on every client the component
 * builds. The call is tied to its exchange's {@link FlowControl.Ticket} through a thread-local that the producer sets
 * while the handler starts the SDK call: the SDK runs {@code beforeExecution} synchronously on that thread, and the
 * ticket then travels with the call in its execution attributes to whatever thread sees the attempts.
 */
public final class AttemptObserver implements ExecutionInterceptor {

    public static final AttemptObserver INSTANCE = new AttemptObserver();

    static final ThreadLocal<FlowControl.Ticket> CURRENT = new ThreadLocal<>();
    private static final ExecutionAttribute<FlowControl.Ticket> TICKET = new ExecutionAttribute<>("CamelBedrockFlowTicket");
    private static final ExecutionAttribute<Integer> ATTEMPT = new ExecutionAttribute<>("CamelBedrockAttempt");
    private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("CamelBedrockAttemptSentAt");
    private static final ExecutionAttribute<Long> FIRST_SENT_AT = new ExecutionAttribute<>("CamelBedrockFirstAttemptSentAt");
    private static final ExecutionAttribute<Integer> STATUS = new ExecutionAttribute<>("CamelBedrockAttemptStatus");

    private AttemptObserver() {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        FlowControl.Ticket ticket = CURRENT.get();
        if (ticket != null && ticket.limiter() != null) {
            ticket.observed();
            attributes.putAttribute(TICKET, ticket);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        FlowControl.Ticket ticket = attributes.getAttribute(TICKET);
        if (ticket != null) {
            Integer previous = attributes.getAttribute(ATTEMPT);
            int attempt = previous == null ? 1 : previous + 1;
            attributes.putAttribute(ATTEMPT, attempt);
            long sentAt = ticket.limiter().onAttempt(attempt > 1);
            attributes.putAttribute(SENT_AT, sentAt);
            if (attempt == 1) {
                attributes.putAttribute(FIRST_SENT_AT, sentAt);
            }
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        FlowControl.Ticket ticket = attributes.getAttribute(TICKET);
        if (ticket != null) {
            int status = context.httpResponse().statusCode();
            attributes.putAttribute(STATUS, status);
            if (status == 429) {
                ticket.limiter().onThrottle(attributes.getAttribute(FIRST_SENT_AT), attributes.getAttribute(SENT_AT));
            } else if (status / 100 == 2) {
                ticket.limiter().onSuccess();
            }
        }
    }

    /** A throttle that arrived inside a 200 event stream (a throttlingException event) has no 429 status to see. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        FlowControl.Ticket ticket = attributes.getAttribute(TICKET);
        Integer status = attributes.getAttribute(STATUS);
        if (ticket != null && status != null && status != 429 && isThrottle(context.exception())) {
            ticket.limiter().onThrottle(attributes.getAttribute(FIRST_SENT_AT), attributes.getAttribute(SENT_AT));
        }
    }

    static boolean isThrottle(Throwable t) {
        return t instanceof SdkServiceException e && e.isThrottlingException();
    }
}
