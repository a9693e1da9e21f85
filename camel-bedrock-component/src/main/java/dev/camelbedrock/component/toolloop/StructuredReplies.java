package dev.camelbedrock.component.toolloop;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.catalog.Capability;
import dev.camelbedrock.component.converse.ConverseResults;
import dev.camelbedrock.component.error.BedrockOutputValidationException;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.structured.OutputContract;
import dev.camelbedrock.component.support.JsonDocuments;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormat;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatStructure;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Structured output for one exchange. Where the catalog says the model has native structured output, the request asks
 * for it (outputConfig json_schema) and the reply text is the JSON; elsewhere a tool whose input schema is the output
 * schema is forced, and its input is the JSON. Either way the reply is checked against the schema before the route
 * sees it; a wrong one is sent back with what is wrong, up to outputRepairAttempts times.
 */
final class StructuredReplies implements ToolLoopRun.FinalReply {

    private final OutputContract contract;
    private final String operation;
    private final String modelId;
    private final boolean nativeOutput;
    private int repairs;

    StructuredReplies(OutputContract contract, String operation, String modelId) {
        this.contract = contract;
        this.operation = operation;
        this.modelId = modelId;
        this.nativeOutput = ModelLookup.known(modelId).map(m -> m.supports(Capability.STRUCTURED_OUTPUT)).orElse(false);
    }

    boolean isNative() {
        return nativeOutput;
    }

    /** The request asking for the schema: outputConfig, or the answer tool (forced when it is the only tool). */
    ConverseRequest prepare(ConverseRequest request) {
        if (nativeOutput) {
            return request.toBuilder().outputConfig(OutputConfig.builder().textFormat(OutputFormat.builder()
                    .type(OutputFormatType.JSON_SCHEMA).structure(OutputFormatStructure.fromJsonSchema(JsonSchemaDefinition.builder()
                            .name("output").schema(contract.schema().toString()).build())).build()).build()).build();
        }
        List<Tool> tools = new ArrayList<>();
        ToolConfiguration base = request.toolConfig();
        if (base != null && base.hasTools()) {
            tools.addAll(base.tools());
        }
        Tool answer = Tool.fromToolSpec(ToolSpecification.builder().name(OutputContract.TOOL_NAME)
                .description("Give your final answer by calling this tool: its input is the answer, in the required structure.")
                .inputSchema(ToolInputSchema.fromJson(JsonDocuments.toDocument(contract.schema()))).build());
        int at = !tools.isEmpty() && tools.get(tools.size() - 1).cachePoint() != null ? tools.size() - 1 : tools.size();
        tools.add(at, answer); // a tools cache point stays last
        // the only tool: call it; with other tools: call some tool every turn, so that the turn ends with the answer tool
        boolean only = tools.stream().filter(t -> t.toolSpec() != null).count() == 1;
        ToolChoice choice = only ? ToolChoice.fromTool(t -> t.name(OutputContract.TOOL_NAME)) : ToolChoice.fromAny(a -> { });
        ToolConfiguration.Builder b = base != null ? base.toBuilder() : ToolConfiguration.builder();
        return request.toBuilder().toolConfig(b.tools(tools).toolChoice(choice).build()).build();
    }

    @Override
    public boolean answersWith(List<ToolUseBlock> uses) {
        return !nativeOutput && uses.stream().anyMatch(u -> OutputContract.TOOL_NAME.equals(u.name()));
    }

    @Override
    public ToolLoopRun.Verdict accept(ConverseResponse response, Message output) {
        ToolUseBlock answer = null;
        List<ToolUseBlock> uses = new ArrayList<>();
        if (output != null && output.hasContent()) {
            for (ContentBlock b : output.content()) {
                if (b.toolUse() != null) {
                    uses.add(b.toolUse());
                    if (OutputContract.TOOL_NAME.equals(b.toolUse().name())) {
                        answer = b.toolUse();
                    }
                }
            }
        }
        JsonNode reply;
        String replyText;
        if (answer != null) {
            reply = JsonDocuments.fromDocument(answer.input());
            replyText = reply.toString();
        } else {
            replyText = ConverseResults.text(output);
            reply = OutputContract.parse(replyText);
        }
        List<String> violations = reply == null
                ? List.of(nativeOutput ? "the reply is not JSON" : "the reply neither calls " + OutputContract.TOOL_NAME
                        + " nor is JSON")
                : contract.violations(reply);
        if (violations.isEmpty()) {
            return ToolLoopRun.Verdict.body(contract.body(reply));
        }
        if (repairs >= contract.repairAttempts()) {
            throw new BedrockOutputValidationException(operation, modelId, replyText, violations, repairs);
        }
        repairs++;
        String fix = "Your answer does not match the required JSON schema: " + String.join("; ", violations) + ". "
                     + (answer != null || !nativeOutput ? "Call " + OutputContract.TOOL_NAME + " again with a corrected answer."
                             : "Reply again with only the corrected JSON.");
        List<ContentBlock> content = new ArrayList<>();
        for (ToolUseBlock use : uses) {
            content.add(ToolResults.error(use.toolUseId(), use == answer ? fix
                    : "Not run: give your answer with " + OutputContract.TOOL_NAME + "."));
        }
        if (content.isEmpty()) {
            content.add(ContentBlock.fromText(fix));
        }
        return ToolLoopRun.Verdict.retry(List.of(Message.builder().role(ConversationRole.USER).content(content).build()));
    }
}
