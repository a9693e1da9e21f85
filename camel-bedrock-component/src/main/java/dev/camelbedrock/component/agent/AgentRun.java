package dev.camelbedrock.component.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.error.BedrockToolRoundsExceededException;
import dev.camelbedrock.component.support.JsonDocuments;
import dev.camelbedrock.component.tool.BedrockToolRegistry;
import dev.camelbedrock.component.tool.RouteTool;
import dev.camelbedrock.component.toolloop.BedrockToolExecution;
import dev.camelbedrock.component.toolloop.ToolResults;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockagentruntime.model.ApiInvocationInput;
import software.amazon.awssdk.services.bedrockagentruntime.model.ApiResult;
import software.amazon.awssdk.services.bedrockagentruntime.model.ContentBody;
import software.amazon.awssdk.services.bedrockagentruntime.model.FunctionInvocationInput;
import software.amazon.awssdk.services.bedrockagentruntime.model.FunctionResult;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvocationInputMember;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvocationResultMember;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.InvokeAgentResponseHandler;
import software.amazon.awssdk.services.bedrockagentruntime.model.ResponseState;
import software.amazon.awssdk.services.bedrockagentruntime.model.ReturnControlPayload;
import software.amazon.awssdk.services.bedrockagentruntime.model.TracePart;

/**
 * One exchange's conversation with an agent: invoke, gather the answer's chunks and traces, and while the agent returns
 * control, run the functions it asks for on their tool routes (all at once, on the handler's executor) and invoke again
 * with their results. A route's failure and arguments that do not fit the tool's schema go back to the agent as a
 * failed result, as in the tool loop; a function with no tool route fails the exchange.
 */
final class AgentRun {

    static final String OPERATION = "invokeAgent";

    private final EndpointContext endpoint;
    private final Exchange exchange;
    private final InvokeAgentRequest first;
    private final int maxRounds;
    private final Executor toolExecutor;
    private final StringBuilder answer = new StringBuilder();
    private final List<TracePart> traces = Collections.synchronizedList(new ArrayList<>());
    private final List<BedrockToolExecution> executions = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile String sessionId;
    private volatile String requestId;
    private int rounds;

    AgentRun(EndpointContext endpoint, Exchange exchange, InvokeAgentRequest first, int maxRounds, Executor toolExecutor) {
        this.endpoint = endpoint;
        this.exchange = exchange;
        this.first = first;
        this.maxRounds = maxRounds;
        this.toolExecutor = toolExecutor;
        this.sessionId = first.sessionId();
    }

    CompletableFuture<Void> start() {
        invoke(first);
        return done;
    }

    private void invoke(InvokeAgentRequest request) {
        ReturnControlPayload[] control = new ReturnControlPayload[1];
        InvokeAgentResponseHandler handler = InvokeAgentResponseHandler.builder()
                .onResponse(r -> {
                    sessionId = r.sessionId() != null ? r.sessionId() : sessionId;
                    requestId = r.responseMetadata().requestId();
                })
                .subscriber(InvokeAgentResponseHandler.Visitor.builder()
                        .onChunk(c -> {
                            if (c.bytes() != null) {
                                synchronized (answer) {
                                    answer.append(c.bytes().asUtf8String());
                                }
                            }
                        })
                        .onTrace(traces::add)
                        .onReturnControl(rc -> control[0] = rc)
                        .build())
                .build();
        CompletableFuture<Void> call;
        try {
            call = endpoint.agentRuntimeClient().invokeAgent(request, handler);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        call.whenComplete((v, failure) -> {
            try {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else if (control[0] != null) {
                    returnControl(control[0]);
                } else {
                    finish();
                }
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
    }

    private void returnControl(ReturnControlPayload control) {
        if (rounds >= maxRounds) {
            throw new BedrockToolRoundsExceededException(OPERATION, null, rounds, List.of());
        }
        int round = ++rounds;
        List<CompletableFuture<InvocationResultMember>> results = new ArrayList<>();
        for (InvocationInputMember input : control.invocationInputs()) {
            results.add(run(round, control.invocationId(), input));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).whenComplete((v, failure) -> {
            if (failure != null) {
                done.completeExceptionally(BedrockErrors.unwrap(failure));
                return;
            }
            invoke(first.toBuilder().inputText(null).sessionId(sessionId)
                    .sessionState(s -> s.invocationId(control.invocationId())
                            .returnControlInvocationResults(results.stream().map(CompletableFuture::join).toList()))
                    .build());
        });
    }

    /** One requested call on the tool route of its name; the result the agent gets, never a failed future but for no route. */
    private CompletableFuture<InvocationResultMember> run(int round, String invocationId, InvocationInputMember input) {
        FunctionInvocationInput function = input.functionInvocationInput();
        ApiInvocationInput api = input.apiInvocationInput();
        String name = function != null ? function.function() : toolName(api.apiPath());
        String group = function != null ? function.actionGroup() : api.actionGroup();
        Map<String, Object> arguments = function != null ? AgentArguments.of(function) : AgentArguments.of(api);
        BedrockToolRegistry registry = BedrockToolRegistry.of(exchange.getContext());
        RouteTool tool = registry.find(name);
        if (tool == null) {
            return CompletableFuture.failedFuture(new BedrockInputException(OPERATION, null, "agent " + first.agentId()
                    + " asks for the function '" + name + "' of action group '" + group + "', and no bedrock-tool:" + name
                    + " route runs it; tool routes in this CamelContext: " + registry.names()));
        }
        long start = System.nanoTime();
        JsonNode json = JsonDocuments.MAPPER.valueToTree(arguments);
        List<String> violations = tool.violations(json);
        if (!violations.isEmpty()) {
            String text = "The arguments for " + name + " do not match its input schema: " + String.join("; ", violations) + ".";
            executions.add(new BedrockToolExecution(round, invocationId, name, arguments,
                    BedrockToolExecution.Outcome.INVALID_ARGUMENTS, text, 0));
            return CompletableFuture.completedFuture(result(function, api, text, ResponseState.REPROMPT));
        }
        return CompletableFuture.supplyAsync(() -> tool.runner().run(invocationId, arguments), toolExecutor)
                .thenCompose(Function.identity())
                .handle((body, failure) -> {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (failure != null) {
                        Throwable cause = BedrockErrors.unwrap(failure);
                        String text = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
                        executions.add(new BedrockToolExecution(round, invocationId, name, arguments,
                                BedrockToolExecution.Outcome.ERROR, text, ms));
                        return result(function, api, text, ResponseState.FAILURE);
                    }
                    executions.add(new BedrockToolExecution(round, invocationId, name, arguments,
                            BedrockToolExecution.Outcome.SUCCESS, body, ms));
                    return result(function, api, ToolResults.text(body), null);
                });
    }

    /** An API-schema call runs on the route named after the last segment of its path ("/orders/get_status": get_status). */
    static String toolName(String apiPath) {
        String path = apiPath == null ? "" : apiPath.replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static InvocationResultMember result(FunctionInvocationInput function, ApiInvocationInput api, String text,
                                                 ResponseState state) {
        if (function != null) {
            return InvocationResultMember.fromFunctionResult(FunctionResult.builder().actionGroup(function.actionGroup())
                    .function(function.function()).responseState(state)
                    .responseBody(Map.of("TEXT", ContentBody.builder().body(text).build())).build());
        }
        return InvocationResultMember.fromApiResult(ApiResult.builder().actionGroup(api.actionGroup()).apiPath(api.apiPath())
                .httpMethod(api.httpMethod()).httpStatusCode(state == null ? 200 : state == ResponseState.REPROMPT ? 400 : 500)
                .responseState(state).responseBody(Map.of("application/json", ContentBody.builder().body(text).build())).build());
    }

    private void finish() {
        var message = exchange.getMessage();
        synchronized (answer) {
            message.setBody(answer.toString());
        }
        message.setHeader(BedrockHeaders.SESSION_ID, sessionId);
        message.setHeader(BedrockHeaders.AGENT_TRACE, List.copyOf(traces));
        message.setHeader(BedrockHeaders.TOOL_EXECUTIONS, List.copyOf(executions));
        message.setHeader(BedrockHeaders.TOOL_ROUNDS, rounds);
        message.setHeader(BedrockHeaders.REQUEST_ID, requestId);
        done.complete(null);
    }

}
