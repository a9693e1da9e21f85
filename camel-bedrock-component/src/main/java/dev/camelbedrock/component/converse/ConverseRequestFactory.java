package dev.camelbedrock.component.converse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.content.Attachments;
import dev.camelbedrock.component.content.Messages;
import dev.camelbedrock.component.content.PendingMedia;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * Builds Converse requests from exchanges: the body (a String turn, Message, List of Message or a whole
 * ConverseRequest), the conversation header, attachments, and every option with its header override. Shared by
 * converse, converseStream and countTokens, so all three read a message the same way. Every problem is reported here,
 * before any network call.
 */
public final class ConverseRequestFactory {

    static final String ACCEPTED_BODIES = "a String (one user turn), a software.amazon.awssdk.services.bedrockruntime.model.Message,"
                                          + " a List of Message, or a ConverseRequest";

    private final EndpointContext endpoint;
    private final ConverseOptions options = new ConverseOptions();

    public ConverseRequestFactory(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    public ConverseInput create(Exchange exchange, String operation) {
        EndpointOptions config = endpoint.getConfiguration();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        Object body = exchange.getMessage().getBody();
        Object history = opts.raw(BedrockHeaders.CONVERSATION);

        if (body instanceof ConverseRequest given) {
            if (history != null) {
                throw new BedrockInputException(operation, given.modelId(), "the body is a whole ConverseRequest and the "
                        + BedrockHeaders.CONVERSATION + " header is set too; put the history into the request's messages, or send"
                        + " a String/Message body with the header");
            }
            String modelId = ModelLookup.modelId(opts, config, operation, given.modelId());
            ConverseRequest request = given.modelId() == null || !given.modelId().equals(modelId)
                    ? given.toBuilder().modelId(modelId).build() : given;
            if (request.hasMessages()) {
                Messages.validateMessages(operation, modelId, request.messages());
            }
            Messages.checkModel(operation, modelId, request.hasMessages() ? request.messages() : List.of());
            return new ConverseInput(request, modelId, null);
        }

        String modelId = ModelLookup.modelId(opts, config, operation, null);
        PendingMedia pending = new PendingMedia();
        List<Message> turn = newTurn(operation, modelId, body, opts, pending);
        List<Message> messages;
        List<Message> conversation = null;
        if (history != null) {
            messages = new ArrayList<>(asMessages(operation, modelId, history, "header " + BedrockHeaders.CONVERSATION));
            messages.addAll(turn);
            conversation = messages;
        } else {
            messages = turn;
        }
        Messages.validateMessages(operation, modelId, messages);
        Messages.checkModel(operation, modelId, messages);

        ConverseRequest.Builder b = ConverseRequest.builder().modelId(modelId);
        List<String> cachePoints = ConverseOptions.cachePoints(config, operation, modelId);
        if (cachePoints.contains("messages")) {
            messages = withCachePointOnLastUserTurn(messages);
        }
        b.messages(messages);
        options.apply(b, exchange, opts, config, operation, modelId, cachePoints);

        return new ConverseInput(b.build(), modelId, conversation, pending.isEmpty() ? null : pending);
    }

    // ---- body ----

    private List<Message> newTurn(String operation, String modelId, Object body, ExchangeOptions opts, PendingMedia pending) {
        Object images = opts.raw(BedrockHeaders.IMAGES);
        Object documents = opts.raw(BedrockHeaders.DOCUMENTS);
        if (body instanceof String text) {
            if (text.isBlank()) {
                throw new BedrockInputException(operation, modelId, "the prompt is blank; send non-blank text as the body");
            }
            List<ContentBlock> content = new ArrayList<>();
            content.add(ContentBlock.fromText(text));
            if (images != null) {
                content.addAll(Attachments.imageBlocks(operation, modelId, images, new Attachments.Fetching(endpoint.mediaUrls(), pending)));
            }
            if (documents != null) {
                content.addAll(Attachments.documentBlocks(operation, modelId, documents, new Attachments.Fetching(endpoint.mediaUrls(), pending)));
            }
            return List.of(Message.builder().role(ConversationRole.USER).content(content).build());
        }
        if (images != null || documents != null) {
            throw new BedrockInputException(operation, modelId, "headers " + BedrockHeaders.IMAGES + "/" + BedrockHeaders.DOCUMENTS
                    + " attach to a String body only; with a " + ExchangeOptions.typeName(body) + " body put image and document blocks into the message content");
        }
        if (body == null) {
            throw new BedrockInputException(operation, modelId, "the body is empty; accepted: " + ACCEPTED_BODIES);
        }
        return asMessages(operation, modelId, body, "the body");
    }

    private static List<Message> asMessages(String operation, String modelId, Object value, String what) {
        if (value instanceof Message m) {
            return List.of(m);
        }
        if (value instanceof Collection<?> c) {
            if (c.isEmpty() && what.equals("the body")) {
                throw new BedrockInputException(operation, modelId, "the body is an empty List; send at least one Message");
            }
            List<Message> out = new ArrayList<>(c.size());
            for (Object o : c) {
                if (!(o instanceof Message m)) {
                    throw new BedrockInputException(operation, modelId, what + " is a List holding a " + ExchangeOptions.typeName(o)
                            + "; accepted: a List of software.amazon.awssdk.services.bedrockruntime.model.Message");
                }
                out.add(m);
            }
            return out;
        }
        if (what.equals("the body")) {
            throw new BedrockInputException(operation, modelId, "the body is a " + ExchangeOptions.typeName(value) + "; accepted: " + ACCEPTED_BODIES);
        }
        throw new BedrockInputException(operation, modelId, what + " is a " + ExchangeOptions.typeName(value)
                + "; accepted: a List of software.amazon.awssdk.services.bedrockruntime.model.Message");
    }

    private static List<Message> withCachePointOnLastUserTurn(List<Message> messages) {
        List<Message> out = new ArrayList<>(messages);
        for (int i = out.size() - 1; i >= 0; i--) {
            Message m = out.get(i);
            if (m.role() == ConversationRole.USER) {
                List<ContentBlock> content = new ArrayList<>(m.content());
                content.add(ContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
                out.set(i, m.toBuilder().content(content).build());
                break;
            }
        }
        return out;
    }


}
