package dev.camelbedrock.component.embed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.BedrockModel;
import dev.camelbedrock.catalog.ModelFamily;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockException;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.family.CodecInputException;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.invoke.InvokeResults;
import dev.camelbedrock.component.support.BoundedAsync;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

import static dev.camelbedrock.component.content.Attachments.detectImageFormat;
import static dev.camelbedrock.component.support.ExchangeOptions.typeName;

/**
 * {@code bedrock:embed}: embedding vectors through InvokeModel, with the embedding codec of the model's family.
 * <ul>
 * <li>Body in: a String; a List of Strings; or image bytes (byte[]: PNG, JPEG, GIF or WebP) for multimodal models.</li>
 * <li>Body out: a {@code List<Float>} for a String or an image; a {@code List<List<Float>>} for a List, in input order.</li>
 * <li>Headers out: CamelBedrockEmbeddingDimensions, CamelBedrockEmbeddingModel, CamelBedrockInputTokens (summed over
 * the calls, when Bedrock or the body reports them), CamelBedrockEmbeddingsByType (extra types), CamelBedrockRequestId
 * (comma-separated when several calls were made).</li>
 * </ul>
 * A List longer than the model's batch limit (96 texts for Cohere, 1 for Titan and Nova) is split into several calls
 * and joined back in order; the calls run concurrently, at most {@code embedConcurrency} at a time, and no thread
 * waits for them. With {@code embedCoalesceWindow}, the handler takes String bodies over ({@link #takeOver}) and hands
 * them to the endpoint's {@link EmbedCoalescer}, which checks them with {@link #target} and the same request and reply
 * methods.
 */
public class EmbedHandler implements BedrockOperationHandler {

    static final String ACCEPTED = "a String, a List of Strings, or image bytes (byte[]) for a multimodal model";

    private final EndpointContext endpoint;

    public EmbedHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    /** With a positive embedCoalesceWindow, a single text joins a batch of the endpoint's coalescer. */
    @Override
    public boolean takeOver(Exchange exchange, BedrockCall call, AsyncCallback callback) {
        long window = endpoint.getConfiguration().getEmbedCoalesceWindow();
        if (window <= 0 || !EmbedCoalescer.accepts(exchange)) {
            return false;
        }
        // one coalescer per endpoint, whichever producer of it comes first, so all its routes share the batches
        endpoint.shared(EmbedCoalescer.class, () -> new EmbedCoalescer(this, endpoint, window, endpoint::flowScheduler))
                .submit(exchange, call, callback);
        return true;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        EmbedTarget target = target(exchange, call);
        Object body = exchange.getMessage().getBody();
        boolean single = !(body instanceof Collection<?>);
        List<EmbedInput> inputs = inputs(operation, target.modelId(), body, target.codec(), target.batchLimit());
        List<InvokeModelRequest> requests = new ArrayList<>(inputs.size());
        for (EmbedInput input : inputs) {
            requests.add(request(operation, target, input));
        }
        return BoundedAsync.mapOrdered(requests, endpoint.getConfiguration().getEmbedConcurrency(), endpoint.runtimeClient()::invokeModel)
                .thenAccept(responses -> apply(exchange.getMessage(), operation, target, inputs, responses, single));
    }

    /**
     * The model, codec, options and batch limits of the exchange, checked: everything but the body that decides the
     * request. Exchanges with equal targets may share one call ({@link EmbedCoalescer}).
     */
    EmbedTarget target(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        EndpointOptions config = endpoint.getConfiguration();
        ModelLookup.Target target = ModelLookup.target(new ExchangeOptions(exchange, operation), config, call);
        String modelId = target.modelId();
        ModelFamily family = target.family();
        EmbeddingCodec codec = target.codec(operation, EmbeddingCodecs.CODECS.forFamily(family), "makes no embeddings",
                EmbeddingCodecs.CODECS.families(), "use converse or invokeModel for it");
        BedrockModel model = target.model().filter(m -> m.embedding().isPresent()).orElse(null);
        EmbedOptions options = EmbedOptions.read(config, operation, modelId);
        if (options.dimensions() != null && model != null) {
            try {
                model.validateEmbeddingDimensions(options.dimensions());
            } catch (IllegalArgumentException e) {
                throw new BedrockInputException(operation, modelId, e.getMessage(), e);
            }
            if (model.embeddingDimensions().size() == 1) {
                // a fixed-size model (Titan G1, Cohere v3): its one size was asked for, and its body has no field for it
                options = options.withDimensions(null);
            }
        }
        if (config.getEmbedConcurrency() < 1) {
            throw new BedrockInputException(operation, modelId, "option embedConcurrency is " + config.getEmbedConcurrency()
                    + "; accepted: 1 or more");
        }
        int limit = batchLimit(model, family);
        return new EmbedTarget(modelId, codec, options, limit, coalesceMaxBatch(operation, modelId, model, config, limit),
                maxTextChars(model, options));
    }

    /**
     * Characters per token above which no Bedrock tokenizer packs natural text: a text longer than the model's token
     * limit times this can only be refused by the service, so it is refused here, before any call.
     */
    static final int MAX_CHARS_PER_TOKEN = 10;

    private static int maxTextChars(BedrockModel model, EmbedOptions options) {
        boolean serviceTruncates = options.truncate() != null && !"NONE".equalsIgnoreCase(options.truncate());
        Integer tokens = model == null ? null : model.embedding().map(e -> e.maxInputTokens()).orElse(null);
        return tokens == null || serviceTruncates ? 0 : (int) Math.min(Integer.MAX_VALUE, (long) tokens * MAX_CHARS_PER_TOKEN);
    }

    /** The most texts one coalesced call carries, checked against the model's batch limit. */
    private static int coalesceMaxBatch(String operation, String modelId, BedrockModel model, EndpointOptions config, int limit) {
        long window = config.getEmbedCoalesceWindow();
        if (window < 0) {
            throw new BedrockInputException(operation, modelId, "option embedCoalesceWindow is " + window + " ms; accepted: 0"
                    + " (off) or a positive duration (a number of milliseconds, or 50ms, 1s ...)");
        }
        int max = config.getEmbedCoalesceMaxBatch();
        if (max < 0 || (window > 0 && max > limit)) {
            String whose = model != null ? "the batch limit of model " + ModelLookup.label(model) + " in the model catalog"
                    : "the batch limit of its family";
            throw new BedrockInputException(operation, modelId, "option embedCoalesceMaxBatch is " + max + "; accepted: 0 (the"
                    + " model's batch limit) or 1 to " + limit + " (" + whose + ")");
        }
        return max == 0 ? limit : Math.min(max, limit);
    }

    /** The native body of one request, checked by the family's codec. */
    static ObjectNode nativeBody(String operation, EmbedTarget target, EmbedInput input) {
        if (target.maxTextChars() > 0 && input.texts() != null) {
            for (int i = 0; i < input.texts().size(); i++) {
                int length = input.texts().get(i).length();
                if (length > target.maxTextChars()) {
                    throw new BedrockInputException(operation, target.modelId(), "text " + i + " is " + length + " characters long;"
                            + " the model takes at most " + target.maxTextChars() / MAX_CHARS_PER_TOKEN + " tokens (refused here above "
                            + target.maxTextChars() + " characters). Split the text into chunks, or set truncate where the model"
                            + " supports it");
                }
            }
        }
        try {
            return target.codec().request(input, target.options(), target.modelId());
        } catch (CodecInputException e) {
            throw new BedrockInputException(operation, target.modelId(), e.getMessage(), e);
        }
    }

    static InvokeModelRequest request(String operation, EmbedTarget target, EmbedInput input) {
        return InvokeModelRequest.builder().modelId(target.modelId()).contentType("application/json").accept("application/json")
                .body(SdkBytes.fromString(nativeBody(operation, target, input).toString(), StandardCharsets.UTF_8)).build();
    }

    private static int batchLimit(BedrockModel model, ModelFamily family) {
        if (model != null) {
            return Math.max(1, model.embeddingBatchLimit());
        }
        return family == ModelFamily.COHERE_EMBED ? 96 : 1;
    }

    static List<EmbedInput> inputs(String operation, String modelId, Object body, EmbeddingCodec codec, int batchLimit) {
        if (body instanceof String text) {
            if (text.isBlank()) {
                throw new BedrockInputException(operation, modelId, "the text is blank; send non-blank text to embed");
            }
            return List.of(EmbedInput.texts(List.of(text)));
        }
        if (body instanceof byte[] image) {
            return List.of(image(operation, modelId, image, codec));
        }
        if (body instanceof Collection<?> c) {
            if (c.isEmpty()) {
                throw new BedrockInputException(operation, modelId, "the body is an empty List; send at least one text");
            }
            List<String> texts = new ArrayList<>(c.size());
            for (Object o : c) {
                if (!(o instanceof String s)) {
                    throw new BedrockInputException(operation, modelId, "the body is a List holding a " + typeName(o)
                            + "; accepted: " + ACCEPTED);
                }
                if (s.isBlank()) {
                    throw new BedrockInputException(operation, modelId, "text " + texts.size() + " of the List is blank;"
                            + " every text to embed must have content");
                }
                texts.add(s);
            }
            List<EmbedInput> batches = new ArrayList<>();
            for (int from = 0; from < texts.size(); from += batchLimit) {
                batches.add(EmbedInput.texts(texts.subList(from, Math.min(texts.size(), from + batchLimit))));
            }
            return batches;
        }
        throw new BedrockInputException(operation, modelId, "the body is " + (body == null ? "empty" : "a " + typeName(body))
                + "; accepted: " + ACCEPTED);
    }

    private static EmbedInput image(String operation, String modelId, byte[] image, EmbeddingCodec codec) {
        if (!codec.acceptsImages()) {
            throw new BedrockInputException(operation, modelId, "the body is image bytes, but family " + codec.family()
                    + " embeds text only; use a multimodal embedding model (Titan Multimodal, Cohere Embed v4, Nova)");
        }
        ModelLookup.requireImageInput(operation, modelId, "the body is image bytes");
        ImageFormat format = detectImageFormat(image);
        if (format == null) {
            throw new BedrockInputException(operation, modelId, "the body is a byte[] that is not a PNG, JPEG, GIF or WebP image"
                    + " (checked from its first bytes); accepted: " + ACCEPTED);
        }
        return EmbedInput.image(image, format.toString().toLowerCase(Locale.ROOT));
    }

    private static void apply(Message message, String operation, EmbedTarget target, List<EmbedInput> inputs,
                              List<InvokeModelResponse> responses, boolean single) {
        List<List<Float>> vectors = new ArrayList<>();
        Map<String, List<List<Number>>> byType = new LinkedHashMap<>();
        Integer tokens = null;
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            CallReply call = read(operation, target, inputs.get(i).size(), responses.get(i));
            vectors.addAll(call.reply().vectors());
            call.reply().byType().forEach((type, v) -> byType.computeIfAbsent(type, t -> new ArrayList<>()).addAll(v));
            if (call.inputTokens() != null) {
                tokens = tokens == null ? call.inputTokens() : tokens + call.inputTokens();
            }
            requestIds.add(call.requestId());
        }
        Map<String, Object> shaped = new LinkedHashMap<>();
        byType.forEach((type, v) -> shaped.put(type, single ? v.get(0) : v));
        setResult(message, single ? vectors.get(0) : vectors, vectors.get(0).size(), target.modelId(), tokens,
                String.join(",", requestIds), shaped);
    }

    /**
     * What one call answered, checked against the number of inputs it was sent for.
     *
     * @param reply       the vectors (and extra types) in input order
     * @param inputTokens Bedrock's X-Amzn-Bedrock-Input-Token-Count, else the body's own count, else null
     * @param requestId   the AWS request id of the call
     */
    record CallReply(EmbeddingReply reply, Integer inputTokens, String requestId) {
    }

    static CallReply read(String operation, EmbedTarget target, int inputs, InvokeModelResponse response) {
        String modelId = target.modelId();
        EmbeddingReply reply = target.codec().reply(InvokeResults.parse(response.body().asUtf8String(), operation, modelId));
        if (reply.vectors().size() != inputs) {
            throw new BedrockException(operation + " on model " + modelId + ": the reply holds " + reply.vectors().size()
                    + " vectors for " + inputs + " inputs", operation, modelId, null);
        }
        Integer n = InvokeResults.header(response.sdkHttpResponse(), "X-Amzn-Bedrock-Input-Token-Count");
        return new CallReply(reply, n != null ? n : reply.inputTokens(), response.responseMetadata().requestId());
    }

    /** The body and the result headers of an embed exchange; {@code byType} is left out when empty. */
    static void setResult(Message message, Object body, int dimensions, String modelId, Integer inputTokens, String requestIds,
                          Map<String, Object> byType) {
        message.setBody(body);
        message.setHeader(BedrockHeaders.EMBEDDING_DIMENSIONS, dimensions);
        message.setHeader(BedrockHeaders.EMBEDDING_MODEL, modelId);
        message.setHeader(BedrockHeaders.INPUT_TOKENS, inputTokens);
        message.setHeader(BedrockHeaders.REQUEST_ID, requestIds);
        if (!byType.isEmpty()) {
            message.setHeader(BedrockHeaders.EMBEDDINGS_BY_TYPE, byType);
        }
    }
}
