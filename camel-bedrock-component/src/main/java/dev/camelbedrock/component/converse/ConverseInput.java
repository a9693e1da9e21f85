package dev.camelbedrock.component.converse;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.content.PendingMedia;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * A Converse request built from an exchange, with what the result needs to remember.
 *
 * @param request      the request to send (for converseStream it is converted, field by field)
 * @param modelId      the resolved model
 * @param conversation the messages sent when the conversation header is in use (history plus the new turn), else null
 * @param media        attachments given as URLs still to fetch (placeholders in the request), or null when none
 */
public record ConverseInput(ConverseRequest request, String modelId, List<Message> conversation, PendingMedia media) {

    public ConverseInput(ConverseRequest request, String modelId, List<Message> conversation) {
        this(request, modelId, conversation, null);
    }

    /**
     * This input once its URL attachments are fetched and checked like bytes: complete at once when there are none.
     * Starts the fetches; call it only when the request is ready to send.
     */
    public CompletableFuture<ConverseInput> fetchMedia() {
        if (media == null || media.isEmpty()) {
            return CompletableFuture.completedFuture(this);
        }
        return media.resolve(replaced -> new ConverseInput(request.toBuilder().messages(replaced.apply(request.messages())).build(),
                modelId, replaced.apply(conversation), null));
    }
}
