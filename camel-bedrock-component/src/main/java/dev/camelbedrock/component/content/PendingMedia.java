package dev.camelbedrock.component.content;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Attachments given as http(s) URLs while a request is built: each is a placeholder block in the request (so that every
 * other check runs before any network call), with the fetch that replaces it. Nothing is fetched until
 * {@link #resolve} runs, after the whole request was built and checked.
 */
public final class PendingMedia {

    private final Map<ContentBlock, Supplier<CompletableFuture<ContentBlock>>> fetches = new IdentityHashMap<>();

    /** Registers {@code fetch} (started later) for {@code placeholder}, a block of its own; returns the placeholder. */
    public ContentBlock add(ContentBlock placeholder, Supplier<CompletableFuture<ContentBlock>> fetch) {
        fetches.put(placeholder, fetch);
        return placeholder;
    }

    public boolean isEmpty() {
        return fetches.isEmpty();
    }

    /**
     * Starts the fetches together; once all succeeded, {@code rebuild} gets a function that replaces every placeholder
     * in a list of messages by its fetched block.
     */
    public <T> CompletableFuture<T> resolve(Function<UnaryOperator<List<Message>>, T> rebuild) {
        Map<ContentBlock, CompletableFuture<ContentBlock>> started = new IdentityHashMap<>();
        fetches.forEach((placeholder, fetch) -> started.put(placeholder, fetch.get()));
        return CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<ContentBlock, ContentBlock> fetched = new IdentityHashMap<>();
            started.forEach((placeholder, block) -> fetched.put(placeholder, block.join()));
            return rebuild.apply(messages -> messages == null ? null : replace(messages, fetched));
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
