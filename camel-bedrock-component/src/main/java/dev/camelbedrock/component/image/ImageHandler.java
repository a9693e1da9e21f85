package dev.camelbedrock.component.image;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.catalog.BedrockModel;
import dev.camelbedrock.catalog.ImageSizeRules;
import dev.camelbedrock.catalog.ImageSizeViolation;
import dev.camelbedrock.catalog.ImageSpec;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockContentFilteredException;
import dev.camelbedrock.component.error.BedrockErrors;
import dev.camelbedrock.component.error.BedrockException;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.family.CodecInputException;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.image.ImageCodec.ImageAsk;
import dev.camelbedrock.component.invoke.InvokeResults;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

import static dev.camelbedrock.component.support.ExchangeOptions.typeName;

/**
 * {@code bedrock:image}: text-to-image through InvokeModel, with the image codec of the model's family (Titan Image
 * Generator and Nova Canvas, Stability SD3/Core/Ultra, SDXL).
 * <ul>
 * <li>Body in: a prompt String (the image options apply), or a Map that is the model's native request (sent as it is).</li>
 * <li>Body out: the image bytes (PNG unless outputFormat says otherwise) as {@code byte[]}; a {@code List<byte[]>} when
 * more than one image was asked for.</li>
 * <li>Headers out: CamelBedrockImageSeeds, CamelBedrockRequestId.</li>
 * </ul>
 * The catalog's size rules (allowed sizes, side range and multiple, aspect ratio range, pixel count, allowed ratios),
 * the number of images and the prompt length are checked before the call, on the request as it will be sent. A result
 * the model's content filter withheld fails with {@link BedrockContentFilteredException}.
 */
public class ImageHandler implements BedrockOperationHandler {

    static final String ACCEPTED = "a prompt String, or a Map holding the model's native request";

    private final EndpointContext endpoint;

    public ImageHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        EndpointOptions config = endpoint.getConfiguration();
        ModelLookup.Target target = ModelLookup.target(new ExchangeOptions(exchange, operation), config, call);
        String modelId = target.modelId();
        ImageCodec codec = target.codec(operation, ImageCodecs.CODECS.forFamily(target.family()), "generates no images",
                ImageCodecs.CODECS.families(), "use converse, invokeModel or embed for it");

        JsonNode request = request(exchange.getMessage().getBody(), config, codec, operation, modelId);
        ImageAsk ask = codec.ask(request);
        target.model().filter(m -> m.imageSpec().isPresent()).ifPresent(m -> check(m, ask, operation, modelId));

        InvokeModelRequest invoke = InvokeModelRequest.builder().modelId(modelId).contentType("application/json")
                .accept("application/json").body(SdkBytes.fromString(request.toString(), StandardCharsets.UTF_8)).build();
        return endpoint.runtimeClient().invokeModel(invoke)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw filteredOrAsItIs(failure, operation, modelId);
                    }
                    apply(exchange.getMessage(), operation, modelId, codec, ask, response);
                    return null;
                });
    }

    /** A prompt blocked by the content filter comes back as a ValidationException saying so: the same typed error. */
    private static CompletionException filteredOrAsItIs(Throwable failure, String operation, String modelId) {
        Throwable t = BedrockErrors.unwrap(failure);
        if (t instanceof AwsServiceException e && e.awsErrorDetails() != null
            && "ValidationException".equals(e.awsErrorDetails().errorCode())
            && ImageCodecBase.speaksOfFiltering(e.awsErrorDetails().errorMessage())) {
            t = new BedrockContentFilteredException(operation, modelId, e.awsErrorDetails().errorMessage(), e.requestId(), e);
        }
        return t instanceof CompletionException ce ? ce : new CompletionException(t);
    }

    private static JsonNode request(Object body, EndpointOptions config, ImageCodec codec, String operation, String modelId) {
        if (body instanceof String prompt) {
            if (prompt.isBlank()) {
                throw new BedrockInputException(operation, modelId, "the prompt is blank; send non-blank text as the body");
            }
            try {
                return codec.request(prompt, ImageOptions.read(config, operation, modelId), modelId);
            } catch (CodecInputException e) {
                throw new BedrockInputException(operation, modelId, e.getMessage(), e);
            }
        }
        if (body instanceof Map<?, ?> map) {
            return JsonDocuments.MAPPER.valueToTree(map);
        }
        throw new BedrockInputException(operation, modelId, "the body is " + (body == null ? "empty" : "a " + typeName(body))
                + "; accepted: " + ACCEPTED);
    }

    /** The catalog's rules, on the request as it will be sent. */
    private static void check(BedrockModel model, ImageAsk ask, String operation, String modelId) {
        if (ask.width() != null && ask.height() != null) {
            ImageSizeRules.check(model, ask.width(), ask.height()).ifPresent(v -> refuse(v, operation, modelId));
        }
        if (ask.aspectRatio() != null) {
            ImageSizeRules.checkAspectRatio(model, ask.aspectRatio()).ifPresent(v -> refuse(v, operation, modelId));
        }
        ImageSpec spec = model.imageSpec().orElseThrow();
        if (spec.maxImages() != null && ask.images() > spec.maxImages()) {
            throw new BedrockInputException(operation, modelId, ask.images() + " images asked for, but model " + ModelLookup.label(model)
                    + " makes at most " + spec.maxImages() + " per request; ask for fewer (numberOfImages, or the count in the native"
                    + " request)");
        }
        if (spec.maxPromptChars() != null && ask.prompt() != null && ask.prompt().length() > spec.maxPromptChars()) {
            throw new BedrockInputException(operation, modelId, "the prompt has " + ask.prompt().length() + " characters, but model "
                    + ModelLookup.label(model) + " takes at most " + spec.maxPromptChars() + "; shorten the prompt");
        }
    }

    private static void refuse(ImageSizeViolation v, String operation, String modelId) {
        throw new BedrockInputException(operation, modelId, "size rule " + v.rule() + ": " + v.message());
    }

    private static void apply(Message message, String operation, String modelId, ImageCodec codec, ImageAsk ask,
                              InvokeModelResponse response) {
        String requestId = response.responseMetadata().requestId();
        ImageReply reply = codec.reply(InvokeResults.parse(response.body().asUtf8String(), operation, modelId));
        if (reply.filtered() != null) {
            throw new BedrockContentFilteredException(operation, modelId, reply.filtered(), requestId);
        }
        if (reply.error() != null || reply.images().isEmpty()) {
            throw new BedrockException(operation + " on model " + modelId + ": the model generated no image ("
                    + (reply.error() != null ? reply.error() : "the reply holds none") + ", request id " + requestId + ")",
                    operation, modelId, null);
        }
        message.setBody(ask.images() > 1 ? reply.images() : reply.images().get(0));
        List<Long> seeds = !reply.seeds().isEmpty() ? reply.seeds() : ask.seed() != null ? List.of(ask.seed()) : null;
        message.setHeader(BedrockHeaders.IMAGE_SEEDS, seeds);
        message.setHeader(BedrockHeaders.REQUEST_ID, requestId);
    }
}
