package dev.camelbedrock.component.converse;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.catalog.BedrockModel;
import dev.camelbedrock.component.BedrockConfiguration;
import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.family.ModelLookup;
import dev.camelbedrock.component.support.AdditionalFields;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.InferenceOptions;
import dev.camelbedrock.component.support.JsonDocuments;
import dev.camelbedrock.component.support.MediaUrls;
import org.apache.camel.Exchange;
import org.apache.camel.support.ResourceHelper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.DocumentFormat;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * Builds Converse requests from exchanges: the body (a String turn, Message, List of Message or a whole
 * ConverseRequest), the conversation header, attachments, and every option with its header override. Shared by
 * converse, converseStream and countTokens, so all three read a message the same way. Every problem is reported here,
 * before any network call.
 */
public final class ConverseRequestFactory {

    static final String ACCEPTED_BODIES = "a String (one user turn), a software.amazon.awssdk.services.bedrockruntime.model.Message,"
                                          + " a List of Message, or a ConverseRequest";
    /** Converse's documented limits for inline attachments. */
    static final int MAX_IMAGE_BYTES = 3_750_000;
    static final int MAX_DOCUMENT_BYTES = 4_500_000;

    private final BedrockEndpoint endpoint;
    private final AdditionalFields additionalFields = new AdditionalFields();
    private volatile ToolConfiguration toolsFromOption;

    public ConverseRequestFactory(BedrockEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public ConverseInput create(Exchange exchange, String operation) {
        BedrockConfiguration config = endpoint.getConfiguration();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        Object body = exchange.getMessage().getBody();
        Object history = opts.raw(BedrockHeaders.CONVERSATION);

        if (body instanceof ConverseRequest given) {
            if (history != null) {
                throw new BedrockInputException(operation, given.modelId(), "the body is a whole ConverseRequest and the "
                        + BedrockHeaders.CONVERSATION + " header is set too; put the history into the request's messages, or send"
                        + " a String/Message body with the header");
            }
            String modelId = modelId(opts, config, operation, given.modelId());
            ConverseRequest request = given.modelId() == null || !given.modelId().equals(modelId)
                    ? given.toBuilder().modelId(modelId).build() : given;
            if (request.hasMessages()) {
                validateMessages(operation, modelId, request.messages());
            }
            checkModel(operation, modelId, request.hasMessages() ? request.messages() : List.of());
            return new ConverseInput(request, modelId, null);
        }

        String modelId = modelId(opts, config, operation, null);
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
        validateMessages(operation, modelId, messages);
        checkModel(operation, modelId, messages);

        ConverseRequest.Builder b = ConverseRequest.builder().modelId(modelId);
        List<String> cachePoints = ExchangeOptions.splitCommas(config.getPromptCachePoints());
        for (String p : cachePoints) {
            if (!p.equals("system") && !p.equals("tools") && !p.equals("messages")) {
                throw new BedrockInputException(operation, modelId,
                        "option promptCachePoints has '" + p + "'; accepted: system, tools, messages (comma-separated)");
            }
        }
        if (cachePoints.contains("messages")) {
            messages = withCachePointOnLastUserTurn(messages);
        }
        b.messages(messages);

        InferenceOptions inference = InferenceOptions.read(opts, config, operation, modelId);
        String system = inference.systemPrompt();
        if (system != null) {
            List<SystemContentBlock> sys = new ArrayList<>();
            sys.add(SystemContentBlock.fromText(system));
            if (cachePoints.contains("system")) {
                sys.add(SystemContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
            }
            b.system(sys);
        } else if (cachePoints.contains("system")) {
            throw new BedrockInputException(operation, modelId, "promptCachePoints names 'system' but there is no system prompt");
        }

        if (inference.hasSampling()) {
            b.inferenceConfig(inferenceConfig(inference));
        }

        ToolConfiguration tools = toolConfiguration(exchange, opts, config, operation, modelId, cachePoints.contains("tools"));
        if (tools != null) {
            b.toolConfig(tools);
        }

        GuardrailConfiguration guardrail = guardrail(opts, config, operation, modelId);
        if (guardrail != null) {
            b.guardrailConfig(guardrail);
        }

        ObjectNode additional = additionalFields.read(opts, config, operation, modelId);
        if (additional != null) {
            b.additionalModelRequestFields(JsonDocuments.toDocument(additional));
        }
        List<String> responsePaths = ExchangeOptions.splitCommas(config.getAdditionalModelResponseFieldPaths());
        if (!responsePaths.isEmpty()) {
            b.additionalModelResponseFieldPaths(responsePaths);
        }
        Map<String, String> metadata = opts.stringMap(BedrockHeaders.REQUEST_METADATA, config.getRequestMetadata(), "requestMetadata");
        if (!metadata.isEmpty()) {
            b.requestMetadata(metadata);
        }
        if (config.getPerformanceLatency() != null) {
            String latency = requireOneOf(operation, modelId, "performanceLatency", config.getPerformanceLatency(), "standard", "optimized");
            b.performanceConfig(p -> p.latency(latency));
        }
        if (config.getServiceTier() != null) {
            String tier = requireOneOf(operation, modelId, "serviceTier", config.getServiceTier(), "priority", "default", "flex", "reserved");
            b.serviceTier(t -> t.type(tier));
        }
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
                content.addAll(imageBlocks(operation, modelId, images, new Fetching(endpoint.mediaUrls(), pending)));
            }
            if (documents != null) {
                content.addAll(documentBlocks(operation, modelId, documents, new Fetching(endpoint.mediaUrls(), pending)));
            }
            return List.of(Message.builder().role(ConversationRole.USER).content(content).build());
        }
        if (images != null || documents != null) {
            throw new BedrockInputException(operation, modelId, "headers " + BedrockHeaders.IMAGES + "/" + BedrockHeaders.DOCUMENTS
                    + " attach to a String body only; with a " + typeName(body) + " body put image and document blocks into the message content");
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
                    throw new BedrockInputException(operation, modelId, what + " is a List holding a " + typeName(o)
                            + "; accepted: a List of software.amazon.awssdk.services.bedrockruntime.model.Message");
                }
                out.add(m);
            }
            return out;
        }
        if (what.equals("the body")) {
            throw new BedrockInputException(operation, modelId, "the body is a " + typeName(value) + "; accepted: " + ACCEPTED_BODIES);
        }
        throw new BedrockInputException(operation, modelId, what + " is a " + typeName(value)
                + "; accepted: a List of software.amazon.awssdk.services.bedrockruntime.model.Message");
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
    static void checkModel(String operation, String modelId, List<Message> messages) {
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

    // ---- attachments ----

    /** What images and documents given as URLs need: the allow-list and fetcher, and where placeholders are kept. */
    private record Fetching(MediaUrls urls, PendingMedia pending) {
    }

    static final String ACCEPTED_IMAGES = "byte[], an s3:// URI, an http(s) URL (java.net.URI, java.net.URL or a String)"
                                          + " under a prefix of the mediaUrlAllowList option, ImageBlock, or a List of those";
    static final String ACCEPTED_DOCUMENTS = "a Map of file name to byte[], to an s3:// URI or to an http(s) URL (java.net.URI,"
                                             + " java.net.URL or a String) under a prefix of the mediaUrlAllowList option;"
                                             + " or DocumentBlock(s)";

    /**
     * The images of the CamelBedrockImages header as content blocks, for a prompt-level invoke: format detected, size
     * checked; URLs are refused (invoke sends images inline, and fetches nothing).
     */
    public static List<ContentBlock> imageBlocks(String operation, String modelId, Object images) {
        return imageBlocks(operation, modelId, images, null);
    }

    /** The images of the CamelBedrockImages header as content blocks: bytes checked, URLs as {@code fetching} allows. */
    private static List<ContentBlock> imageBlocks(String operation, String modelId, Object images, Fetching fetching) {
        List<ContentBlock> out = new ArrayList<>();
        String where = "header " + BedrockHeaders.IMAGES;
        for (Object item : images instanceof Collection<?> c ? c : List.of(images)) {
            String url = MediaUrls.urlText(item);
            if (item instanceof ImageBlock ib) {
                out.add(ContentBlock.fromImage(ib));
            } else if (item instanceof byte[] bytes) {
                out.add(imageBlock(operation, modelId, bytes, "an image in " + where));
            } else if (url != null && fetching == null) {
                throw new BedrockInputException(operation, modelId, where + " holds the URL " + MediaUrls.mask(url) + "; "
                        + operation + " sends images inline and fetches nothing; accepted: byte[], a List of byte[], or ImageBlock(s)"
                        + " with bytes (URLs are taken by converse, converseStream and countTokens)");
            } else if (url != null && MediaUrls.isS3(url)) {
                ImageFormat format = imageFormatOfName(url);
                if (format == null) {
                    throw new BedrockInputException(operation, modelId, where + " holds the S3 URI " + MediaUrls.mask(url)
                            + ", whose name does not end in .png, .jpg, .jpeg, .gif or .webp; Bedrock reads S3 objects itself,"
                            + " so the format comes from the name");
                }
                out.add(ContentBlock.fromImage(b -> b.format(format).source(s -> s.s3Location(l -> l.uri(url)))));
            } else if (url != null) {
                URI uri = fetching.urls().check(operation, modelId, where, url, ACCEPTED_IMAGES);
                String fetched = "the image at " + MediaUrls.mask(url) + " (" + where + ")";
                out.add(fetching.pending().add(placeholderImage(), () -> fetching.urls()
                        .fetch(operation, modelId, where, uri, MAX_IMAGE_BYTES)
                        .thenApply(bytes -> imageBlock(operation, modelId, bytes, fetched))));
            } else {
                throw new BedrockInputException(operation, modelId, where + " holds a " + typeName(item) + "; accepted: "
                        + (fetching == null ? "byte[], a List of byte[], or ImageBlock(s)" : ACCEPTED_IMAGES));
            }
        }
        return out;
    }

    /** One image given as bytes (in the header, or fetched from a URL): size and format checked. */
    private static ContentBlock imageBlock(String operation, String modelId, byte[] bytes, String what) {
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new BedrockInputException(operation, modelId, what + " has " + bytes.length + " bytes; Converse accepts at most "
                    + MAX_IMAGE_BYTES + " bytes per image");
        }
        ImageFormat format = detectImageFormat(bytes);
        if (format == null) {
            throw new BedrockInputException(operation, modelId, what
                    + " is not PNG, JPEG, GIF or WebP (checked from its first bytes); accepted: those four formats");
        }
        return ContentBlock.fromImage(b -> b.format(format).source(s -> s.bytes(SdkBytes.fromByteArray(bytes))));
    }

    /** A block that stands for an image still to fetch: a new object each time, replaced by identity. */
    private static ContentBlock placeholderImage() {
        return ContentBlock.fromImage(b -> b.format(ImageFormat.PNG).source(s -> s.bytes(SdkBytes.fromByteArray(new byte[0]))));
    }

    /** The image format an S3 object's name says, or null. */
    private static ImageFormat imageFormatOfName(String uri) {
        String ext = extension(uri);
        return switch (ext) {
            case "png" -> ImageFormat.PNG;
            case "jpg", "jpeg" -> ImageFormat.JPEG;
            case "gif" -> ImageFormat.GIF;
            case "webp" -> ImageFormat.WEBP;
            default -> null;
        };
    }

    private static String extension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot <= slash ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The image format from the first bytes: PNG, JPEG, GIF or WebP; null when it is none of them. */
    public static ImageFormat detectImageFormat(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return ImageFormat.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return ImageFormat.JPEG;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return ImageFormat.GIF;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
            && b[10] == 'B' && b[11] == 'P') {
            return ImageFormat.WEBP;
        }
        return null;
    }

    private static List<ContentBlock> documentBlocks(String operation, String modelId, Object documents, Fetching fetching) {
        List<ContentBlock> out = new ArrayList<>();
        String where = "header " + BedrockHeaders.DOCUMENTS;
        if (documents instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String fileName = String.valueOf(e.getKey());
                String url = MediaUrls.urlText(e.getValue());
                if (!(e.getValue() instanceof byte[]) && url == null) {
                    throw new BedrockInputException(operation, modelId, where + " maps '" + fileName + "' to a "
                            + typeName(e.getValue()) + "; accepted: " + ACCEPTED_DOCUMENTS);
                }
                DocumentFormat format = documentFormat(operation, modelId, fileName);
                String name = documentName(fileName.lastIndexOf('.') < 0 ? fileName : fileName.substring(0, fileName.lastIndexOf('.')));
                if (e.getValue() instanceof byte[] bytes) {
                    out.add(documentBlock(operation, modelId, "document '" + fileName + "'", format, name, bytes));
                } else if (MediaUrls.isS3(url)) {
                    out.add(ContentBlock.fromDocument(DocumentBlock.builder().format(format).name(name)
                            .source(s -> s.s3Location(l -> l.uri(url))).build()));
                } else {
                    String docWhere = "document '" + fileName + "' in " + where;
                    URI uri = fetching.urls().check(operation, modelId, docWhere, url, ACCEPTED_DOCUMENTS);
                    String fetched = "document '" + fileName + "' fetched from " + MediaUrls.mask(url);
                    out.add(fetching.pending().add(placeholderDocument(format, name), () -> fetching.urls()
                            .fetch(operation, modelId, docWhere, uri, MAX_DOCUMENT_BYTES)
                            .thenApply(bytes -> documentBlock(operation, modelId, fetched, format, name, bytes))));
                }
            }
            return out;
        }
        for (Object item : documents instanceof Collection<?> c ? c : List.of(documents)) {
            if (!(item instanceof DocumentBlock db)) {
                throw new BedrockInputException(operation, modelId, where + " holds a " + typeName(item) + "; accepted: "
                        + ACCEPTED_DOCUMENTS);
            }
            out.add(ContentBlock.fromDocument(db));
        }
        return out;
    }

    /** The format a document's file name says; an input error when it says none Converse takes. */
    private static DocumentFormat documentFormat(String operation, String modelId, String fileName) {
        DocumentFormat format = DocumentFormat.fromValue(extension(fileName));
        if (format == null || format == DocumentFormat.UNKNOWN_TO_SDK_VERSION) {
            throw new BedrockInputException(operation, modelId, "document '" + fileName + "' has no known extension;"
                    + " accepted: pdf, csv, doc, docx, xls, xlsx, html, txt, md");
        }
        return format;
    }

    /** One document given as bytes (in the header, or fetched from a URL): size checked. */
    private static ContentBlock documentBlock(String operation, String modelId, String what, DocumentFormat format, String name,
                                              byte[] bytes) {
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new BedrockInputException(operation, modelId, what + " has " + bytes.length + " bytes; Converse accepts at most "
                    + MAX_DOCUMENT_BYTES + " bytes per document");
        }
        return ContentBlock.fromDocument(DocumentBlock.builder().format(format).name(name)
                .source(s -> s.bytes(SdkBytes.fromByteArray(bytes))).build());
    }

    private static ContentBlock placeholderDocument(DocumentFormat format, String name) {
        return ContentBlock.fromDocument(DocumentBlock.builder().format(format).name(name)
                .source(s -> s.bytes(SdkBytes.fromByteArray(new byte[0]))).build());
    }

    /** Bedrock document names allow letters, digits, single spaces, hyphens, parentheses and square brackets. */
    static String documentName(String base) {
        String cleaned = base.replaceAll("[^A-Za-z0-9\\-()\\[\\] ]", "-").replaceAll("\\s+", " ").trim();
        return cleaned.isEmpty() ? "document" : cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }

    // ---- options ----

    private static InferenceConfiguration inferenceConfig(InferenceOptions o) {
        InferenceConfiguration.Builder b = InferenceConfiguration.builder().maxTokens(o.maxTokens()).temperature(o.temperature())
                .topP(o.topP());
        if (!o.stopSequences().isEmpty()) {
            b.stopSequences(o.stopSequences());
        }
        return b.build();
    }

    private ToolConfiguration toolConfiguration(Exchange exchange, ExchangeOptions opts, BedrockConfiguration config,
                                                String operation, String modelId, boolean cachePoint) {
        ToolConfiguration base = config.getToolConfiguration();
        if (base == null && config.getTools() != null) {
            base = toolsFromOption;
            if (base == null) {
                base = parseTools(exchange, config.getTools(), operation, modelId);
                toolsFromOption = base;
            }
        }
        String choice = opts.string(BedrockHeaders.TOOL_CHOICE, config.getToolChoice());
        if (base == null) {
            if (choice != null) {
                throw new BedrockInputException(operation, modelId, "toolChoice is '" + choice + "' but no tools are configured;"
                        + " set the tools option (JSON) or the toolConfiguration bean");
            }
            if (cachePoint) {
                throw new BedrockInputException(operation, modelId, "promptCachePoints names 'tools' but no tools are configured");
            }
            return null;
        }
        ToolConfiguration.Builder b = base.toBuilder();
        if (cachePoint) {
            List<Tool> tools = new ArrayList<>(base.tools());
            tools.add(Tool.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
            b.tools(tools);
        }
        if (choice != null) {
            b.toolChoice(toolChoice(choice, base, operation, modelId));
        }
        return b.build();
    }

    private static ToolChoice toolChoice(String choice, ToolConfiguration tools, String operation, String modelId) {
        if (choice.equals("auto")) {
            return ToolChoice.fromAuto(a -> { });
        }
        if (choice.equals("any")) {
            return ToolChoice.fromAny(a -> { });
        }
        if (choice.startsWith("tool:")) {
            String name = choice.substring(5);
            boolean known = tools.tools().stream().anyMatch(t -> t.toolSpec() != null && name.equals(t.toolSpec().name()));
            if (!known) {
                throw new BedrockInputException(operation, modelId, "toolChoice names tool '" + name + "' which is not among the configured tools");
            }
            return ToolChoice.fromTool(t -> t.name(name));
        }
        throw new BedrockInputException(operation, modelId, "toolChoice is '" + choice + "'; accepted: auto, any, tool:<name>");
    }

    /** Parses the tools option: a JSON array inline, or a resource (classpath:, file:, http: is refused) holding one. */
    private ToolConfiguration parseTools(Exchange exchange, String value, String operation, String modelId) {
        String json = value.trim();
        if (!json.startsWith("[")) {
            if (json.startsWith("http:") || json.startsWith("https:")) {
                throw new BedrockInputException(operation, modelId, "option tools names a remote URL; tool definitions are read only"
                        + " from classpath: or file: resources, or given inline as JSON");
            }
            try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(exchange.getContext(), json)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new BedrockInputException(operation, modelId, "option tools names resource '" + value
                        + "' which cannot be read (" + e.getMessage() + "); accepted: a JSON array, classpath:... or file:...", e);
            }
        }
        JsonNode array;
        try {
            array = JsonDocuments.parse(json);
        } catch (Exception e) {
            throw new BedrockInputException(operation, modelId, "option tools is not valid JSON: " + e.getMessage(), e);
        }
        if (!array.isArray() || array.isEmpty()) {
            throw new BedrockInputException(operation, modelId, "option tools must be a non-empty JSON array of tool definitions");
        }
        List<Tool> tools = new ArrayList<>();
        for (JsonNode t : array) {
            JsonNode spec = t.has("toolSpec") ? t.get("toolSpec") : t;
            String name = spec.path("name").asText(null);
            JsonNode schema = spec.has("inputSchema") ? spec.get("inputSchema") : spec.has("input_schema") ? spec.get("input_schema")
                    : spec.get("parameters");
            if (schema != null && schema.has("json") && schema.size() == 1) {
                schema = schema.get("json");
            }
            if (name == null || name.isBlank() || schema == null || !schema.isObject()) {
                throw new BedrockInputException(operation, modelId, "a tool in option tools lacks a name or an input schema object: " + t
                        + "; accepted: {\"name\",\"description\",\"inputSchema\":{JSON Schema}} or {\"toolSpec\":{...}}");
            }
            ToolSpecification.Builder sb = ToolSpecification.builder().name(name)
                    .inputSchema(ToolInputSchema.fromJson(JsonDocuments.toDocument(schema)));
            if (spec.hasNonNull("description")) {
                sb.description(spec.get("description").asText());
            }
            tools.add(Tool.fromToolSpec(sb.build()));
        }
        return ToolConfiguration.builder().tools(tools).build();
    }

    /** The guardrail the options and headers name, or null; both identifier and version, or neither. */
    public static GuardrailConfiguration guardrail(ExchangeOptions opts, BedrockConfiguration config, String operation, String modelId) {
        String id = opts.string(BedrockHeaders.GUARDRAIL_IDENTIFIER, config.getGuardrailIdentifier());
        String version = opts.string(BedrockHeaders.GUARDRAIL_VERSION, config.getGuardrailVersion());
        if (id == null && version == null) {
            if (config.getGuardrailTrace() != null) {
                throw new BedrockInputException(operation, modelId, "guardrailTrace is set but no guardrailIdentifier/guardrailVersion");
            }
            return null;
        }
        if (id == null || version == null) {
            throw new BedrockInputException(operation, modelId, "a guardrail needs both guardrailIdentifier and guardrailVersion; only "
                    + (id == null ? "guardrailVersion" : "guardrailIdentifier") + " is set");
        }
        GuardrailConfiguration.Builder b = GuardrailConfiguration.builder().guardrailIdentifier(id).guardrailVersion(version);
        if (config.getGuardrailTrace() != null) {
            b.trace(requireOneOf(operation, modelId, "guardrailTrace", config.getGuardrailTrace(), "enabled", "disabled", "enabled_full"));
        }
        return b.build();
    }

    // ---- small helpers ----

    public static String requireOneOf(String operation, String modelId, String option, String value, String... accepted) {
        for (String a : accepted) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new BedrockInputException(operation, modelId, "option " + option + " is '" + value + "'; accepted: " + String.join(", ", accepted));
    }

    /**
     * The model of a message: the CamelBedrockModelId header, else the model of a whole SDK request given as the body
     * (may be null), else the modelId option; an input error when there is none.
     */
    public static String modelId(ExchangeOptions opts, BedrockConfiguration config, String operation, String fromRequest) {
        String modelId = firstNonNull(opts.string(BedrockHeaders.MODEL_ID, null), fromRequest, config.getModelId());
        requireModel(operation, modelId);
        return modelId;
    }

    private static void requireModel(String operation, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new BedrockInputException(operation, null, "no model: set the modelId option or the " + BedrockHeaders.MODEL_ID + " header");
        }
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }
}
