package dev.camelbedrock.component.content;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.camelbedrock.catalog.BedrockModel;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.family.ModelLookup;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/** The checks made on Converse messages before any call, shared by converse, countTokens and prompt-level invoke. */
public final class Messages {

    private Messages() {
    }

    /** The checks Bedrock would make, made before the call: the first turn is the user's, roles alternate, tool results answer tool uses. */
    public static void validateMessages(String operation, String modelId, List<Message> messages) {
        if (messages.isEmpty()) {
            throw new BedrockInputException(operation, modelId, "there are no messages to send");
        }
        ConversationRole previous = null;
        Set<String> openToolUses = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            ConversationRole role = m.role();
            if (role != ConversationRole.USER && role != ConversationRole.ASSISTANT) {
                throw new BedrockInputException(operation, modelId, "message " + i + " has role " + m.roleAsString()
                        + "; accepted: user, assistant (put system text in the systemPrompt option)");
            }
            if (i == 0 && role != ConversationRole.USER) {
                throw new BedrockInputException(operation, modelId, "the first message must be from the user, not " + role);
            }
            if (role == previous) {
                throw new BedrockInputException(operation, modelId, "messages " + (i - 1) + " and " + i + " are both from " + role
                        + "; roles must alternate user, assistant, user ...");
            }
            if (!m.hasContent() || m.content().isEmpty()) {
                throw new BedrockInputException(operation, modelId, "message " + i + " has no content blocks");
            }
            Set<String> toolUsesHere = new HashSet<>();
            for (ContentBlock block : m.content()) {
                if (block.text() != null && block.text().isBlank() && block.type() == ContentBlock.Type.TEXT) {
                    throw new BedrockInputException(operation, modelId, "message " + i + " has a blank text block");
                }
                if (block.toolUse() != null) {
                    toolUsesHere.add(block.toolUse().toolUseId());
                }
                if (block.toolResult() != null && !openToolUses.contains(block.toolResult().toolUseId())) {
                    throw new BedrockInputException(operation, modelId, "message " + i + " has a toolResult for toolUseId '"
                            + block.toolResult().toolUseId() + "' but the assistant message before it has no toolUse with that id");
                }
            }
            openToolUses = toolUsesHere;
            previous = role;
        }
    }

    /**
     * What the model catalog knows the model cannot do, refused before the call: Converse itself, and image, document
     * or video content. Only for models the catalog lists; inferred models and ARNs that hide the model are left to Bedrock.
     */
    public static void checkModel(String operation, String modelId, List<Message> messages) {
        BedrockModel model = ModelLookup.known(modelId).orElse(null);
        if (model == null) {
            return;
        }
        if (!model.supportsConverse()) {
            String instead = model.isEmbeddingModel() ? "bedrock:embed" : model.isImageModel() ? "bedrock:image" : "bedrock:invokeModel";
            throw new BedrockInputException(operation, modelId, "model " + ModelLookup.label(model)
                    + " does not support the Converse API (per the model catalog); use " + instead + " for it");
        }
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            for (ContentBlock block : m.hasContent() ? m.content() : List.<ContentBlock>of()) {
                String kind = block.image() != null && !model.acceptsImageInput() ? "an image"
                        : block.document() != null && !model.acceptsDocumentInput() ? "a document"
                        : block.video() != null && !model.acceptsVideoInput() ? "a video" : null;
                if (kind != null) {
                    throw new BedrockInputException(operation, modelId, "message " + i + " carries " + kind + ", but model "
                            + ModelLookup.label(model) + " does not accept that input (the model catalog lists its input as "
                            + model.inputModalities() + "); send only what it accepts, or choose a model that takes it");
                }
            }
        }
    }
}
