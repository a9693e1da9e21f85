package dev.camelbedrock.component.guardrail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.camelbedrock.component.error.BedrockGuardrailFinding;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.options.GuardrailInterventionAction;
import dev.camelbedrock.component.options.GuardrailSource;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockGuardrailInterventionException;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailOutputContent;

/**
 * {@code bedrock:applyGuardrail}: checks content with a guardrail (guardrailIdentifier, guardrailVersion) without
 * calling a model. Body in: a String, a List of Strings, SDK GuardrailContentBlock(s), or a whole ApplyGuardrailRequest.
 * Body out: what the route should carry on with: unchanged when the guardrail did not intervene; otherwise its output
 * (the masked text when it anonymized, the blocked message when it blocked): a String for a String body, a List of
 * Strings for any other. The action, the findings, the assessments and the usage go into headers. With
 * guardrailInterventionAction=fail an intervention fails the exchange with BedrockGuardrailInterventionException.
 */
public class ApplyGuardrailHandler implements BedrockOperationHandler {

    static final String ACCEPTED = "a String, a List of Strings, a"
                                   + " software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock, a List of them,"
                                   + " or an ApplyGuardrailRequest";

    private final EndpointContext endpoint;

    public ApplyGuardrailHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        EndpointOptions config = endpoint.getConfiguration();
        boolean fail = config.getGuardrailInterventionAction() == GuardrailInterventionAction.FAIL;
        Object body = exchange.getMessage().getBody();
        ApplyGuardrailRequest request = request(body, opts, config, operation);
        return endpoint.runtimeClient().applyGuardrail(request)
                .thenAccept(response -> apply(exchange, body instanceof String, request, response, fail, operation));
    }

    static ApplyGuardrailRequest request(Object body, ExchangeOptions opts, EndpointOptions config, String operation) {
        GuardrailRef guardrail = GuardrailRef.resolve(opts, config, operation);
        String source = opts.option(BedrockHeaders.GUARDRAIL_SOURCE, config.getGuardrailSource(), GuardrailSource.class,
                "guardrailSource").toString();
        if (body instanceof ApplyGuardrailRequest given) {
            if (given.guardrailIdentifier() != null && given.guardrailVersion() != null && given.source() != null) {
                return given;
            }
            requireGuardrail(guardrail, operation);
            ApplyGuardrailRequest.Builder b = given.toBuilder();
            if (given.guardrailIdentifier() == null || given.guardrailVersion() == null) {
                b.guardrailIdentifier(guardrail.identifier()).guardrailVersion(guardrail.version());
            }
            if (given.source() == null) {
                b.source(source);
            }
            return b.build();
        }
        List<GuardrailContentBlock> content = content(body, operation);
        requireGuardrail(guardrail, operation);
        return ApplyGuardrailRequest.builder().guardrailIdentifier(guardrail.identifier()).guardrailVersion(guardrail.version())
                .source(source).content(content).build();
    }

    private static void requireGuardrail(GuardrailRef guardrail, String operation) {
        if (guardrail == null) {
            throw new BedrockInputException(operation, null, "no guardrail: set the guardrailIdentifier and guardrailVersion options"
                    + " (or the " + BedrockHeaders.GUARDRAIL_IDENTIFIER + " and " + BedrockHeaders.GUARDRAIL_VERSION + " headers)");
        }
    }

    private static List<GuardrailContentBlock> content(Object body, String operation) {
        if (body instanceof String text) {
            return List.of(text(text, operation));
        }
        if (body instanceof GuardrailContentBlock block) {
            return List.of(block);
        }
        if (body instanceof Collection<?> items && !items.isEmpty()) {
            List<GuardrailContentBlock> blocks = new ArrayList<>(items.size());
            boolean strings = items.iterator().next() instanceof String;
            for (Object item : items) {
                if (strings && item instanceof String s) {
                    blocks.add(text(s, operation));
                } else if (!strings && item instanceof GuardrailContentBlock b) {
                    blocks.add(b);
                } else {
                    throw new BedrockInputException(operation, null, "the body is a List holding a "
                            + (item == null ? "null" : item.getClass().getName()) + (strings ? " among Strings" : "")
                            + "; accepted: a List of Strings or a List of GuardrailContentBlock, not mixed");
                }
            }
            return blocks;
        }
        String what = body == null ? "the body is empty" : body instanceof Collection<?> ? "the body is an empty List"
                : "the body is a " + body.getClass().getName();
        throw new BedrockInputException(operation, null, what + "; accepted: " + ACCEPTED);
    }

    private static GuardrailContentBlock text(String text, String operation) {
        if (text.isBlank()) {
            throw new BedrockInputException(operation, null, "the content is blank; send non-blank text to check");
        }
        return GuardrailContentBlock.fromText(t -> t.text(text));
    }

    static void apply(Exchange exchange, boolean stringBody, ApplyGuardrailRequest request, ApplyGuardrailResponse response,
                      boolean fail, String operation) {
        var message = exchange.getMessage();
        List<BedrockGuardrailFinding> findings = response.hasAssessments() ? BedrockGuardrailFinding.of(response.assessments()) : List.of();
        message.setHeader(BedrockHeaders.GUARDRAIL_ACTION, response.actionAsString());
        message.setHeader(BedrockHeaders.GUARDRAIL_ACTION_REASON, response.actionReason());
        message.setHeader(BedrockHeaders.GUARDRAIL_FINDINGS, findings);
        message.setHeader(BedrockHeaders.GUARDRAIL_ASSESSMENTS, response.hasAssessments() ? response.assessments() : List.of());
        message.setHeader(BedrockHeaders.GUARDRAIL_USAGE, response.usage());
        message.setHeader(BedrockHeaders.REQUEST_ID, response.responseMetadata().requestId());
        if (response.action() != GuardrailAction.GUARDRAIL_INTERVENED) {
            return;
        }
        List<String> outputs = response.hasOutputs()
                ? response.outputs().stream().map(GuardrailOutputContent::text).filter(t -> t != null).toList() : List.of();
        if (fail) {
            String what = findings.stream().filter(f -> !Boolean.FALSE.equals(f.detected())).map(BedrockGuardrailFinding::summary)
                    .collect(Collectors.joining(", "));
            throw new BedrockGuardrailInterventionException(operation + ": guardrail " + request.guardrailIdentifier() + " version "
                    + request.guardrailVersion() + " intervened on " + request.sourceAsString()
                    + (what.isEmpty() ? "" : ": " + what) + (response.actionReason() != null ? " (" + response.actionReason() + ")" : ""),
                    operation, response.actionAsString(), response.actionReason(), findings,
                    response.hasAssessments() ? response.assessments() : List.of(), outputs);
        }
        message.setBody(stringBody ? String.join("\n", outputs) : outputs);
    }
}
