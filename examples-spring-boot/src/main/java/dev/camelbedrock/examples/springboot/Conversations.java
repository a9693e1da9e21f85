package dev.camelbedrock.examples.springboot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.camelbedrock.component.BedrockHeaders;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * The chat histories, by conversation id, in memory: the routes put the stored history into the
 * {@code CamelBedrockConversation} header before calling Bedrock (the component sends it with the new turn and puts
 * back history + turn + reply) and store the header afterwards. Bounded: at most {@code chat.max-conversations}
 * (least recently used dropped first) of at most {@code chat.max-messages} messages each (oldest turns dropped in
 * user/assistant pairs so that a history still starts with a user turn). Lost on restart; two turns of the same
 * conversation at once: the last to finish wins.
 */
@Component("conversations")
public class Conversations {

    /** The request header (the query parameter {@code conversation}) that names the conversation. */
    public static final String ID = "conversation";

    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<String, List<Message>> histories;
    private final int maxMessages;

    public Conversations(@Value("${chat.max-conversations:1000}") int maxConversations,
                         @Value("${chat.max-messages:40}") int maxMessages) {
        this.maxMessages = maxMessages;
        this.histories = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Message>> eldest) {
                return size() > maxConversations;
            }
        });
    }

    /** Sets the {@code CamelBedrockConversation} header to a copy of the stored history (empty for a new id). */
    public void restore(Exchange exchange) {
        List<Message> history = histories.get(id(exchange));
        exchange.getMessage().setHeader(BedrockHeaders.CONVERSATION, history == null ? new ArrayList<>() : new ArrayList<>(history));
    }

    /** Stores the {@code CamelBedrockConversation} header the component put back. */
    @SuppressWarnings("unchecked")
    public void remember(Exchange exchange) {
        List<Message> history = new ArrayList<>(exchange.getMessage().getHeader(BedrockHeaders.CONVERSATION, List.class));
        while (history.size() > maxMessages && history.size() >= 2) {
            history.subList(0, 2).clear();
        }
        histories.put(id(exchange), List.copyOf(history));
    }

    /** The stored history of a conversation; empty when unknown. */
    public List<Message> history(String id) {
        return histories.getOrDefault(id, List.of());
    }

    private static String id(Exchange exchange) {
        String id = exchange.getMessage().getHeader(ID, String.class);
        if (id == null || !VALID_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("The query parameter 'conversation' must be 1 to 64 letters, digits, - or _");
        }
        return id;
    }
}
