package dev.camelbedrock.component.toolloop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.converse.ConverseInput;
import dev.camelbedrock.component.converse.ConverseResults;
import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.error.BedrockToolRoundsExceededException;
import dev.camelbedrock.component.flow.FlowControl;
import dev.camelbedrock.component.support.JsonDocuments;
import dev.camelbedrock.component.tool.RouteTool;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * One exchange's tool loop: call the model, run the tools it asks for (each as an exchange on its route, all calls of a
 * turn at once), send the results, and repeat until the model ends its turn. Every step continues on the thread that
 * completed the step before; nothing waits. Each model call is admitted by the endpoint's flow control on its own.
 */
final class ToolLoopRun {

    static final String OPERATION = "converse";

    private final EndpointContext endpoint;
    private final Exchange exchange;
    private final String modelId;
    private final ConverseRequest request;
    private final Map<String, RouteTool> tools;
    private final Set<String> staticTools;
    private final int maxRounds;
    private final Executor toolExecutor;
    private final FinalReply finalReply;
    private final List<Message> transcript;
    private final List<BedrockToolExecution> executions = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private long inputTokens;
    private long outputTokens;
    private Long cacheRead;
    private Long cacheWrite;
    private long latencyMs;
    private int rounds;

    /**
     * What the model's final turn becomes. By default its text is the body; structured output checks the reply against
     * the schema instead, and may ask the model again.
     */
    interface FinalReply {
        FinalReply TEXT = new FinalReply() {
        };

        /** Whether these tool calls are the answer rather than tools to run (structured output's own tool). */
        default boolean answersWith(List<ToolUseBlock> uses) {
            return false;
        }

        default Verdict accept(ConverseResponse response, Message output) {
            return Verdict.body(ConverseResults.text(output));
        }
    }

    /** The body of the result, or the messages that ask the model again. */
    record Verdict(Object body, List<Message> retry) {
        static Verdict body(Object body) {
            return new Verdict(body, null);
        }

        static Verdict retry(List<Message> messages) {
            return new Verdict(null, messages);
        }
    }

    ToolLoopRun(EndpointContext endpoint, Exchange exchange, String modelId, ConverseRequest request,
                Map<String, RouteTool> tools, Set<String> staticTools, int maxRounds, Executor toolExecutor,
                FinalReply finalReply) {
        this.endpoint = endpoint;
        this.exchange = exchange;
        this.modelId = modelId;
        this.request = request;
        this.tools = tools;
        this.staticTools = staticTools;
        this.maxRounds = maxRounds;
        this.toolExecutor = toolExecutor;
        this.finalReply = finalReply;
        this.transcript = new ArrayList<>(request.messages());
    }

    CompletableFuture<Void> start() {
        turn();
        return done;
    }

    private void turn() {
        ConverseRequest next = request.toBuilder().messages(transcript).build();
        admitted(next).whenComplete((response, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            try {
                onReply(response);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
    }

    /** One model call, admitted by the endpoint's flow control (maxInFlight, rate control) like any other. */
    private CompletableFuture<ConverseResponse> admitted(ConverseRequest next) {
        FlowControl.Ticket ticket;
        try {
            ticket = endpoint.flowControl().enter(modelId);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> ready = ticket.ready() != null ? ticket.ready() : CompletableFuture.completedFuture(null);
        return ready.thenCompose(v -> {
            CompletableFuture<ConverseResponse> call;
            try {
                call = ticket.start(() -> endpoint.runtimeClient().converse(next));
            } catch (RuntimeException e) {
                ticket.finish(e);
                return CompletableFuture.failedFuture(e);
            }
            return call.whenComplete((r, f) -> ticket.finish(f));
        });
    }

    private void onReply(ConverseResponse response) {
        count(response);
        Message output = response.output() != null ? response.output().message() : null;
        if (output != null) {
            transcript.add(output);
        }
        List<ToolUseBlock> uses = new ArrayList<>();
        if (output != null && output.hasContent()) {
            output.content().stream().filter(b -> b.toolUse() != null).forEach(b -> uses.add(b.toolUse()));
        }
        boolean wantsTools = "tool_use".equals(response.stopReasonAsString()) && !uses.isEmpty();
        if (!wantsTools || finalReply.answersWith(uses)) {
            Verdict verdict = finalReply.accept(response, output);
            if (verdict.retry() == null) {
                finish(response, output, verdict.body());
            } else {
                transcript.addAll(verdict.retry());
                turn();
            }
            return;
        }
        if (uses.stream().anyMatch(u -> staticTools.contains(u.name()))) {
            // a tool the route answers itself (the tools option): the route takes over, as with plain converse
            finish(response, output, ConverseResults.text(output));
            return;
        }
        if (rounds >= maxRounds) {
            throw new BedrockToolRoundsExceededException(OPERATION, modelId, rounds, transcript);
        }
        int round = ++rounds;
        List<CompletableFuture<Call>> calls = new ArrayList<>(uses.size());
        for (ToolUseBlock use : uses) {
            calls.add(call(round, use));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((v, never) -> {
            try {
                afterTools(response, output, calls.stream().map(CompletableFuture::join).toList());
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
    }

    private void afterTools(ConverseResponse response, Message output, List<Call> calls) {
        List<ContentBlock> results = new ArrayList<>(calls.size());
        Call direct = null;
        for (Call c : calls) {
            results.add(c.block);
            executions.add(c.execution);
            if (direct == null && c.direct) {
                direct = c;
            }
        }
        transcript.add(Message.builder().role(ConversationRole.USER).content(results).build());
        if (direct == null) {
            turn();
            return;
        }
        // a returnDirect tool answered: its result is the answer. The transcript gets it as the assistant's turn, so
        // that the conversation stays valid (user, assistant, ...) for the next exchange
        transcript.add(Message.builder().role(ConversationRole.ASSISTANT)
                .content(ContentBlock.fromText(ToolResults.text(direct.execution.result()))).build());
        finish(response, output, direct.execution.result());
    }

    /** A tool call and its result block: never fails, an error is a result the model reads. */
    private CompletableFuture<Call> call(int round, ToolUseBlock use) {
        long start = System.nanoTime();
        Map<String, Object> input = use.input() == null ? Map.of() : JsonDocuments.toMap(use.input());
        RouteTool tool = tools.get(use.name());
        if (tool == null) {
            List<String> names = new ArrayList<>(tools.keySet());
            names.addAll(staticTools);
            Collections.sort(names);
            String text = "There is no tool named '" + use.name() + "'. The tools you may call are: " + String.join(", ", names) + ".";
            return CompletableFuture.completedFuture(refused(round, use, input, BedrockToolExecution.Outcome.UNKNOWN_TOOL, text));
        }
        List<String> violations = tool.violations(JsonDocuments.fromDocument(use.input()));
        if (!violations.isEmpty()) {
            String text = "The arguments for " + tool.name() + " do not match its input schema: " + String.join("; ", violations)
                          + ". Call it again with arguments that do.";
            return CompletableFuture.completedFuture(refused(round, use, input, BedrockToolExecution.Outcome.INVALID_ARGUMENTS, text));
        }
        // on the loop's executor, so that the calls of one turn run at once even when their routes are synchronous
        return CompletableFuture.supplyAsync(() -> tool.runner().run(use.toolUseId(), input), toolExecutor)
                .thenCompose(Function.identity())
                .handle((body, failure) -> {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (failure != null) {
                        Throwable cause = BedrockErrors.unwrap(failure);
                        String text = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
                        return new Call(ToolResults.error(use.toolUseId(), text), false, new BedrockToolExecution(round,
                                use.toolUseId(), use.name(), input, BedrockToolExecution.Outcome.ERROR, text, ms));
                    }
                    return new Call(ToolResults.success(use.toolUseId(), body), tool.returnDirect(), new BedrockToolExecution(
                            round, use.toolUseId(), use.name(), input, BedrockToolExecution.Outcome.SUCCESS, body, ms));
                });
    }

    private static Call refused(int round, ToolUseBlock use, Map<String, Object> input, BedrockToolExecution.Outcome outcome,
                                String text) {
        return new Call(ToolResults.error(use.toolUseId(), text), false,
                new BedrockToolExecution(round, use.toolUseId(), use.name(), input, outcome, text, 0));
    }

    private record Call(ContentBlock block, boolean direct, BedrockToolExecution execution) {
    }

    private void count(ConverseResponse response) {
        TokenUsage u = response.usage();
        if (u != null) {
            inputTokens += u.inputTokens() == null ? 0 : u.inputTokens();
            outputTokens += u.outputTokens() == null ? 0 : u.outputTokens();
            cacheRead = plus(cacheRead, u.cacheReadInputTokens());
            cacheWrite = plus(cacheWrite, u.cacheWriteInputTokens());
        }
        if (response.metrics() != null && response.metrics().latencyMs() != null) {
            latencyMs += response.metrics().latencyMs();
        }
    }

    /** A sum that stays null while every term is null (the model reported no cache use). */
    private static Long plus(Long sum, Integer term) {
        if (term == null) {
            return sum;
        }
        return (sum == null ? 0L : sum) + term;
    }

    /** The result: the final reply's headers with the loop's sums, the transcript and the executions. */
    private void finish(ConverseResponse last, Message output, Object body) {
        var message = exchange.getMessage();
        TokenUsage usage = TokenUsage.builder().inputTokens((int) inputTokens).outputTokens((int) outputTokens)
                .totalTokens((int) (inputTokens + outputTokens + (cacheRead == null ? 0 : cacheRead) + (cacheWrite == null ? 0 : cacheWrite)))
                .cacheReadInputTokens(cacheRead == null ? null : cacheRead.intValue())
                .cacheWriteInputTokens(cacheWrite == null ? null : cacheWrite.intValue()).build();
        ConverseResults.apply(message, new ConverseInput(request, modelId, null), output, last.stopReasonAsString(), usage,
                latencyMs, last.trace() != null ? last.trace().guardrail() : null, last.responseMetadata().requestId());
        message.setBody(body);
        message.setHeader(BedrockHeaders.CONVERSATION, List.copyOf(transcript));
        message.setHeader(BedrockHeaders.TOOL_EXECUTIONS, List.copyOf(executions));
        message.setHeader(BedrockHeaders.TOOL_ROUNDS, rounds);
        done.complete(null);
    }
}
