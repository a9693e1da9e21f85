package dev.camelbedrock.component.invoke;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.options.InvokeBodyFormat;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.family.CodecInputException;
import dev.camelbedrock.component.family.ModelFamilyCodec;
import dev.camelbedrock.component.family.ModelFamilyCodecs;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.family.Prompt;
import dev.camelbedrock.component.family.PromptTurn;
import dev.camelbedrock.component.family.PromptTurn.PromptImage;
import dev.camelbedrock.component.support.AdditionalFields;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.InferenceOptions;
import dev.camelbedrock.component.support.JsonDocuments;
import dev.camelbedrock.component.support.RawBodies;
import org.apache.camel.Exchange;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import static dev.camelbedrock.component.guardrail.GuardrailRef.converseConfig;
import static dev.camelbedrock.component.content.Attachments.imageBlocks;
import static dev.camelbedrock.component.family.ModelLookup.modelId;
import static dev.camelbedrock.component.support.ExchangeOptions.typeName;
import static dev.camelbedrock.component.content.Messages.validateMessages;

/**
 * Builds InvokeModel requests from exchanges, for invokeModel and invokeModelStream. The body is either the model's
 * native request (raw, sent as it is) or a prompt that the model family's codec turns into one (see the
 * invokeBodyFormat option); a whole InvokeModelRequest is sent as given. Every problem is reported here, before any
 * network call.
 */
public final class InvokeRequestFactory {

    static final String ACCEPTED_PROMPTS = "a String prompt, a software.amazon.awssdk.services.bedrockruntime.model.Message"
                                           + " or a List of Message";

    private final EndpointContext endpoint;
    private final AdditionalFields additionalFields = new AdditionalFields();

    public InvokeRequestFactory(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    public InvokeInput create(Exchange exchange, String operation) {
        EndpointOptions config = endpoint.getConfiguration();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        Object body = exchange.getMessage().getBody();

        if (body instanceof InvokeModelRequest given) {
            String modelId = modelId(opts, config, operation, given.modelId());
            return new InvokeInput(modelId.equals(given.modelId()) ? given : given.toBuilder().modelId(modelId).build(), modelId, null);
        }
        String modelId = modelId(opts, config, operation, null);
        InvokeBodyFormat format = config.getInvokeBodyFormat();
        boolean raw = format == InvokeBodyFormat.RAW || format == InvokeBodyFormat.AUTO && RawBodies.looksRaw(body);

        SdkBytes bytes;
        ModelFamilyCodec codec = null;
        if (raw) {
            if (opts.raw(BedrockHeaders.IMAGES) != null || opts.raw(BedrockHeaders.DOCUMENTS) != null) {
                throw new BedrockInputException(operation, modelId, "headers " + BedrockHeaders.IMAGES + "/" + BedrockHeaders.DOCUMENTS
                        + " attach to a prompt; with a native (raw) body put images into the body in the model's own form");
            }
            bytes = RawBodies.toBytes(body, operation, modelId);
        } else {
            codec = codec(operation, modelId, ModelLookup.requireFamily(operation, modelId,
                    ModelLookup.explicitFamily(opts, config, operation, modelId)));
            Prompt prompt = new Prompt(modelId, turns(opts, operation, modelId, body, codec),
                    InferenceOptions.read(opts, config, operation, modelId));
            ObjectNode nativeBody;
            try {
                nativeBody = codec.request(prompt);
            } catch (CodecInputException e) {
                throw new BedrockInputException(operation, modelId, e.getMessage(), e);
            }
            ObjectNode extra = additionalFields.read(opts, config, operation, modelId);
            if (extra != null) {
                nativeBody.setAll(extra);
            }
            bytes = SdkBytes.fromString(nativeBody.toString(), StandardCharsets.UTF_8);
        }

        InvokeModelRequest.Builder b = InvokeModelRequest.builder().modelId(modelId).body(bytes)
                .contentType(config.getContentType()).accept(config.getAccept());
        GuardrailConfiguration guardrail = converseConfig(opts, config, operation, modelId);
        if (guardrail != null) {
            b.guardrailIdentifier(guardrail.guardrailIdentifier()).guardrailVersion(guardrail.guardrailVersion());
            if (guardrail.traceAsString() != null) {
                b.trace(guardrail.traceAsString().toUpperCase(Locale.ROOT));
            }
        }
        if (config.getPerformanceLatency() != null) {
            b.performanceConfigLatency(config.getPerformanceLatency().toString());
        }
        if (config.getServiceTier() != null) {
            b.serviceTier(config.getServiceTier().toString());
        }
        Map<String, String> metadata = opts.stringMap(BedrockHeaders.REQUEST_METADATA, config.getRequestMetadata(), "requestMetadata");
        if (!metadata.isEmpty()) {
            try {
                b.requestMetadata(JsonDocuments.MAPPER.writeValueAsString(metadata));
            } catch (JsonProcessingException e) {
                throw new BedrockInputException(operation, modelId, "request metadata cannot be written as JSON: " + e.getMessage(), e);
            }
        }
        return new InvokeInput(b.build(), modelId, codec);
    }

    private static ModelFamilyCodec codec(String operation, String modelId, ModelFamily family) {
        return ModelFamilyCodecs.CODECS.forFamily(family).orElseThrow(() -> {
            String instead = switch (family.kind()) {
                case EMBEDDING -> "use bedrock:embed for it, or ";
                case IMAGE -> "use bedrock:image for it, or ";
                default -> "";
            };
            return new BedrockInputException(operation, modelId, "model family " + family + " has no prompt-level codec (those"
                    + " with one: " + ModelFamilyCodecs.CODECS.families() + "); " + instead + "send the model's native request as"
                    + " the body with invokeBodyFormat=raw");
        });
    }

    // ---- the prompt ----

    private static List<PromptTurn> turns(ExchangeOptions opts, String operation, String modelId, Object body, ModelFamilyCodec codec) {
        if (opts.raw(BedrockHeaders.DOCUMENTS) != null) {
            throw new BedrockInputException(operation, modelId, "header " + BedrockHeaders.DOCUMENTS
                    + " is not read by a prompt-level invoke; send documents through converse");
        }
        List<PromptTurn> turns = new ArrayList<>();
        Object images = opts.raw(BedrockHeaders.IMAGES);
        if (body instanceof String text) {
            if (text.isBlank()) {
                throw new BedrockInputException(operation, modelId, "the prompt is blank; send non-blank text as the body");
            }
            List<PromptImage> attached = new ArrayList<>();
            if (images != null) {
                for (ContentBlock block : imageBlocks(operation, modelId, images)) {
                    attached.add(promptImage(operation, modelId, block.image(), "header " + BedrockHeaders.IMAGES));
                }
            }
            turns.add(new PromptTurn(true, text, attached));
        } else {
            if (images != null) {
                throw new BedrockInputException(operation, modelId, "header " + BedrockHeaders.IMAGES + " attaches to a String"
                        + " prompt only; with a " + typeName(body) + " body put image blocks into the messages");
            }
            List<Message> messages = messages(operation, modelId, body);
            validateMessages(operation, modelId, messages);
            for (int i = 0; i < messages.size(); i++) {
                turns.add(turn(operation, modelId, messages.get(i), i));
            }
        }
        if (!turns.get(turns.size() - 1).user()) {
            throw new BedrockInputException(operation, modelId, "the last message is the assistant's; a prompt-level invoke"
                    + " asks the model to answer a user turn, so end with one");
        }
        boolean hasImages = turns.stream().anyMatch(t -> !t.images().isEmpty());
        if (hasImages) {
            if (!codec.acceptsImages()) {
                throw new BedrockInputException(operation, modelId, "the prompt carries images, but the native body of family "
                        + codec.family() + " takes none from the component; send text only, use converse, or a raw body");
            }
            ModelLookup.requireImageInput(operation, modelId, "the prompt carries images");
        }
        return turns;
    }

    private static List<Message> messages(String operation, String modelId, Object body) {
        if (body instanceof Message m) {
            return List.of(m);
        }
        if (body instanceof Collection<?> c && !c.isEmpty()) {
            List<Message> out = new ArrayList<>(c.size());
            for (Object o : c) {
                if (!(o instanceof Message m)) {
                    throw new BedrockInputException(operation, modelId, "the body is a List holding a " + typeName(o)
                            + "; accepted for a prompt: " + ACCEPTED_PROMPTS);
                }
                out.add(m);
            }
            return out;
        }
        String got = body == null ? "empty" : body instanceof Collection<?> ? "an empty List" : "a " + typeName(body);
        throw new BedrockInputException(operation, modelId, "the body is " + got + "; accepted: " + ACCEPTED_PROMPTS
                + " (a prompt), or " + RawBodies.ACCEPTED + " (a native body)");
    }

    private static PromptTurn turn(String operation, String modelId, Message m, int index) {
        StringBuilder text = new StringBuilder();
        List<PromptImage> images = new ArrayList<>();
        for (ContentBlock block : m.content()) {
            if (block.text() != null) {
                text.append(text.isEmpty() ? "" : "\n").append(block.text());
            } else if (block.image() != null) {
                images.add(promptImage(operation, modelId, block.image(), "message " + index));
            } else {
                throw new BedrockInputException(operation, modelId, "message " + index + " has a " + block.type()
                        + " block; a prompt-level invoke takes text and image blocks only (use converse for tools and documents)");
            }
        }
        return new PromptTurn(m.role() == ConversationRole.USER, text.toString(), images);
    }

    private static PromptImage promptImage(String operation, String modelId, ImageBlock image, String where) {
        if (image.source() == null || image.source().bytes() == null) {
            throw new BedrockInputException(operation, modelId, where + " has an image without inline bytes (an S3 location?);"
                    + " a prompt-level invoke sends images inline only");
        }
        return new PromptImage(image.formatAsString(), image.source().bytes().asByteArray());
    }
}
