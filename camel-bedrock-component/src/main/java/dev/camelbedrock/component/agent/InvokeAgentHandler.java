package dev.camelbedrock.component.agent;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.toolloop.ToolPool;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;

/**
 * {@code bedrock:invokeAgent}: sends the body (the user's text) to a Bedrock agent and gathers its answer into the body.
 * When the agent returns control, each function it asks for runs on the {@code bedrock-tool:} route of that name, and
 * the results go back to the agent until it answers. The session id goes in and out in CamelBedrockSessionId (a new
 * session when absent); with enableTrace the agent's trace events are in CamelBedrockAgentTrace.
 */
public class InvokeAgentHandler implements BedrockOperationHandler, AutoCloseable {

    static final Pattern AGENT_ID = Pattern.compile("[0-9a-zA-Z]{10}");
    static final Pattern ALIAS_ID = Pattern.compile("[0-9a-zA-Z]{10}");
    static final Pattern SESSION_ID = Pattern.compile("[0-9a-zA-Z._:-]{2,100}");
    static final int MAX_INPUT = 25_000_000;

    private final EndpointContext endpoint;
    private final ToolPool tools = new ToolPool(this);

    public InvokeAgentHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        InvokeAgentRequest request = request(exchange, operation);
        return new AgentRun(endpoint, exchange, request, endpoint.getConfiguration().getMaxToolRounds(), tools.get(exchange.getContext()))
                .start();
    }

    InvokeAgentRequest request(Exchange exchange, String operation) {
        EndpointOptions config = endpoint.getConfiguration();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        Object body = exchange.getMessage().getBody();
        if (body instanceof InvokeAgentRequest given) {
            return given;
        }
        if (!(body instanceof String input) || input.isBlank()) {
            throw new BedrockInputException(operation, null, (body == null ? "the body is empty"
                    : body instanceof String ? "the body is blank" : "the body is a " + body.getClass().getName())
                    + "; accepted: a String (the user's text to the agent) or a"
                    + " software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest");
        }
        if (input.length() > MAX_INPUT) {
            throw new BedrockInputException(operation, null, "the input text has " + input.length() + " characters; accepted: at most "
                    + MAX_INPUT);
        }
        String agentId = opts.required(BedrockHeaders.AGENT_ID, config.getAgentId(), "agentId", "agent id");
        check(agentId, AGENT_ID, "agentId (or header " + BedrockHeaders.AGENT_ID + ")", "10 letters or digits", operation);
        String aliasId = opts.string(BedrockHeaders.AGENT_ALIAS_ID, config.getAgentAliasId());
        check(aliasId, ALIAS_ID, "agentAliasId (or header " + BedrockHeaders.AGENT_ALIAS_ID + ")",
                "10 letters or digits, TSTALIASID for the draft", operation);
        String sessionId = opts.string(BedrockHeaders.SESSION_ID, null);
        if (sessionId == null) {
            sessionId = UUID.randomUUID().toString();
        } else {
            check(sessionId, SESSION_ID, "header " + BedrockHeaders.SESSION_ID, "2-100 characters of letters, digits, . _ : -",
                    operation);
        }
        Map<String, String> sessionAttributes = opts.stringMap(BedrockHeaders.SESSION_ATTRIBUTES, null, "sessionAttributes");
        Map<String, String> promptAttributes = opts.stringMap(BedrockHeaders.PROMPT_SESSION_ATTRIBUTES, null,
                "promptSessionAttributes");
        Object trace = opts.raw(BedrockHeaders.ENABLE_TRACE);
        Object end = opts.raw(BedrockHeaders.END_SESSION);
        boolean enableTrace = trace == null ? config.isEnableTrace() : flag(opts, BedrockHeaders.ENABLE_TRACE, trace);
        boolean endSession = end != null && flag(opts, BedrockHeaders.END_SESSION, end);
        String session = sessionId;
        return InvokeAgentRequest.builder().agentId(agentId).agentAliasId(aliasId).sessionId(session).inputText(input)
                .enableTrace(enableTrace).endSession(endSession)
                .sessionState(s -> s.sessionAttributes(sessionAttributes.isEmpty() ? null : sessionAttributes)
                        .promptSessionAttributes(promptAttributes.isEmpty() ? null : promptAttributes))
                .build();
    }

    private static boolean flag(ExchangeOptions opts, String header, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString())) {
            return Boolean.parseBoolean(value.toString());
        }
        throw opts.wrongType(header, value, "a Boolean, or the String true or false");
    }

    private static void check(String value, Pattern pattern, String what, String accepted, String operation) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new BedrockInputException(operation, null, what + " is '" + value + "'; accepted: " + accepted);
        }
    }

    @Override
    public void close() {
        tools.close(endpoint.getCamelContext());
    }
}
