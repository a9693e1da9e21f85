package dev.camelbedrock.component.converse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Attachments given as http(s) URLs while a request is built: each is a placeholder block in the request (so that every
 * other check runs before any network call), with the fetch that replaces it. Nothing is fetched until
 * {@link #resolve} runs, after the whole request was built and checked.
 */
final class PendingMedia {

    private final Map<ContentBlock, Supplier<CompletableFuture<ContentBlock>>> fetches = new IdentityHashMap<>();

    /** Registers {@code fetch} (started later) for {@code placeholder}, a block of its own; returns the placeholder. */
    ContentBlock add(ContentBlock placeholder, Supplier<CompletableFuture<ContentBlock>> fetch) {
        fetches.put(placeholder, fetch);
        return placeholder;
    }

    boolean isEmpty() {
        return fetches.isEmpty();
    }

    /** Starts the fetches together; the input with every placeholder replaced once all succeeded. */
    CompletableFuture<ConverseInput> resolve(ConverseInput input) {
        if (fetches.isEmpty()) {
            return CompletableFuture.completedFuture(input);
        }
        Map<ContentBlock, CompletableFuture<ContentBlock>> started = new IdentityHashMap<>();
        fetches.forEach((placeholder, fetch) -> started.put(placeholder, fetch.get()));
        return CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<ContentBlock, ContentBlock> fetched = new IdentityHashMap<>();
            started.forEach((placeholder, block) -> fetched.put(placeholder, block.join()));
            ConverseRequest request = input.request().toBuilder().messages(replace(input.request().messages(), fetched)).build();
            List<Message> conversation = input.conversation() == null ? null : replace(input.conversation(), fetched);
            return new ConverseInput(request, input.modelId(), conversation, null);
        });
    }

    private static List<Message> replace(List<Message> messages, Map<ContentBlock, ContentBlock> fetched) {
        List<Message> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            if (m.hasContent() && m.content().stream().anyMatch(fetched::containsKey)) {
                out.add(m.toBuilder().content(m.content().stream().map(b -> fetched.getOrDefault(b, b)).toList()).build());
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
