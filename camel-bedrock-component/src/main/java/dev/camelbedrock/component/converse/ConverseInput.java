package dev.camelbedrock.component.converse;

import java.util.List;

import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * A Converse request built from an exchange, with what the result needs to remember.
 *
 * @param request      the request to send (for converseStream it is converted, field by field)
 * @param modelId      the resolved model
 * @param conversation the messages sent when the conversation header is in use (history plus the new turn), else null
 */
public record ConverseInput(ConverseRequest request, String modelId, List<Message> conversation) {
}
