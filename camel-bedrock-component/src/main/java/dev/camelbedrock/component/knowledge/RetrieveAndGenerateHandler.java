package dev.camelbedrock.component.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.guardrail.GuardrailRef;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.InferenceOptions;
import dev.camelbedrock.component.support.ModelArns;
import org.apache.camel.Exchange;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockagentruntime.model.ExternalSource;
import software.amazon.awssdk.services.bedrockagentruntime.model.ExternalSourceType;
import software.amazon.awssdk.services.bedrockagentruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockagentruntime.model.InferenceConfig;
import software.amazon.awssdk.services.bedrockagentruntime.model.PromptTemplate;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateConfiguration;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateRequest;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateResponse;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateType;
import software.amazon.awssdk.services.bedrockagentruntime.model.TextInferenceConfig;

/**
 * {@code bedrock:retrieveAndGenerate}: answers a question from a knowledge base (knowledgeBaseId) or from external
 * sources (externalSourceUri, or documents in the CamelBedrockDocuments header). Body in: the question (a String) or a
 * whole RetrieveAndGenerateRequest. Body out: the answer text; the citations, the session id and the guardrail action
 * go into headers. Send the CamelBedrockSessionId header back in with the next question to continue the session.
 */
public class RetrieveAndGenerateHandler implements BedrockOperationHandler {

    static final int MAX_QUESTION = 1000;
    static final int MAX_TEMPLATE = 4000;
    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-zA-Z._:-]{2,100}");
    static final String ACCEPTED = "a String (the question) or a"
                                   + " software.amazon.awssdk.services.bedrockagentruntime.model.RetrieveAndGenerateRequest";
    static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "txt", "text/plain", "md", "text/markdown",
            "html", "text/html", "csv", "text/csv", "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xls", "application/vnd.ms-excel",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final EndpointContext endpoint;
    private final KnowledgeOptions options;

    public RetrieveAndGenerateHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.options = new KnowledgeOptions(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        RetrieveAndGenerateRequest request = request(exchange, call.operation());
        call.modelId(modelArn(request));
        return endpoint.agentRuntimeClient().retrieveAndGenerate(request).thenAccept(response -> apply(exchange, response));
    }

    static void apply(Exchange exchange, RetrieveAndGenerateResponse response) {
        var message = exchange.getMessage();
        message.setBody(response.output() != null ? response.output().text() : null);
        message.setHeader(BedrockHeaders.CITATIONS,
                response.hasCitations() ? response.citations().stream().map(BedrockCitation::of).toList() : List.of());
        message.setHeader(BedrockHeaders.SESSION_ID, response.sessionId());
        message.setHeader(BedrockHeaders.GUARDRAIL_ACTION, response.guardrailActionAsString());
        message.setHeader(BedrockHeaders.REQUEST_ID, response.responseMetadata().requestId());
    }

    RetrieveAndGenerateRequest request(Exchange exchange, String operation) {
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        Object body = exchange.getMessage().getBody();
        String sessionId = sessionId(opts, operation);
        if (body instanceof RetrieveAndGenerateRequest given) {
            return given.sessionId() != null || sessionId == null ? given : given.toBuilder().sessionId(sessionId).build();
        }
        if (!(body instanceof String question)) {
            throw new BedrockInputException(operation, null, (body == null ? "the body is empty" : "the body is a " + body.getClass().getName())
                    + "; accepted: " + ACCEPTED);
        }
        RetrieveHandler.checkText(question, MAX_QUESTION, "question", operation);
        EndpointOptions config = options.config();
        String model = opts.required(BedrockHeaders.MODEL_ID, config.getModelId(), "modelId", "model");
        String modelArn = ModelArns.forInvocation(model, options.region(), config.getAccountId(), operation);
        Generation generation = generation(opts, config, operation, model);

        String knowledgeBase = opts.string(BedrockHeaders.KNOWLEDGE_BASE_ID, config.getKnowledgeBaseId());
        List<ExternalSource> sources = externalSources(opts, config, operation);
        RetrieveAndGenerateConfiguration configuration;
        if (!sources.isEmpty()) {
            if (knowledgeBase != null) {
                throw new BedrockInputException(operation, model, "it answers from a knowledge base or from external sources, not both:"
                        + " knowledgeBaseId is '" + knowledgeBase + "' and externalSourceUri or the " + BedrockHeaders.DOCUMENTS
                        + " header is set too");
            }
            if (opts.raw(BedrockHeaders.RETRIEVAL_FILTER) != null || config.getRetrievalFilter() != null) {
                throw new BedrockInputException(operation, model, "a retrievalFilter applies to a knowledge base, not to external sources;"
                        + " unset the retrievalFilter option and the " + BedrockHeaders.RETRIEVAL_FILTER + " header, or answer from a"
                        + " knowledge base");
            }
            configuration = RetrieveAndGenerateConfiguration.builder().type(RetrieveAndGenerateType.EXTERNAL_SOURCES)
                    .externalSourcesConfiguration(e -> e.modelArn(modelArn).sources(sources)
                            .generationConfiguration(g -> g.promptTemplate(generation.template).inferenceConfig(generation.inference)
                                    .guardrailConfiguration(generation.guardrail)))
                    .build();
        } else {
            if (knowledgeBase == null) {
                throw new BedrockInputException(operation, model, "nothing to answer from: set the knowledgeBaseId option (or the "
                        + BedrockHeaders.KNOWLEDGE_BASE_ID + " header), or give external sources (the externalSourceUri option, the "
                        + BedrockHeaders.EXTERNAL_SOURCE_URI + " header or documents in the " + BedrockHeaders.DOCUMENTS + " header)");
            }
            String kbId = options.knowledgeBaseId(opts, operation);
            var retrieval = options.retrievalConfiguration(opts, operation);
            configuration = RetrieveAndGenerateConfiguration.builder().type(RetrieveAndGenerateType.KNOWLEDGE_BASE)
                    .knowledgeBaseConfiguration(k -> k.knowledgeBaseId(kbId).modelArn(modelArn).retrievalConfiguration(retrieval)
                            .generationConfiguration(g -> g.promptTemplate(generation.template).inferenceConfig(generation.inference)
                                    .guardrailConfiguration(generation.guardrail)))
                    .build();
        }
        return RetrieveAndGenerateRequest.builder().input(i -> i.text(question)).sessionId(sessionId)
                .retrieveAndGenerateConfiguration(configuration).build();
    }

    private record Generation(PromptTemplate template, InferenceConfig inference, GuardrailConfiguration guardrail) {
    }

    private static Generation generation(ExchangeOptions opts, EndpointOptions config, String operation, String model) {
        String template = opts.string(BedrockHeaders.PROMPT_TEMPLATE, config.getPromptTemplate());
        if (template != null) {
            if (!template.contains("$search_results$")) {
                throw new BedrockInputException(operation, model, "the prompt template has no $search_results$ placeholder, where Bedrock"
                        + " puts what it retrieved; accepted: a template containing $search_results$ (and optionally $query$,"
                        + " $output_format_instructions$)");
            }
            if (template.length() > MAX_TEMPLATE) {
                throw new BedrockInputException(operation, model, "the prompt template has " + template.length()
                        + " characters; accepted: at most " + MAX_TEMPLATE);
            }
        }
        InferenceOptions inference = InferenceOptions.read(opts, config, operation, model);
        GuardrailRef guardrail = GuardrailRef.resolve(opts, config, operation);
        return new Generation(template == null ? null : PromptTemplate.builder().textPromptTemplate(template).build(),
                !inference.hasSampling() ? null : InferenceConfig.builder().textInferenceConfig(TextInferenceConfig.builder()
                        .maxTokens(inference.maxTokens()).temperature(inference.temperature()).topP(inference.topP())
                        .stopSequences(inference.stopSequences().isEmpty() ? null : inference.stopSequences()).build()).build(),
                guardrail == null ? null : GuardrailConfiguration.builder().guardrailId(guardrail.identifier())
                        .guardrailVersion(guardrail.version()).build());
    }

    private static String sessionId(ExchangeOptions opts, String operation) {
        String id = opts.string(BedrockHeaders.SESSION_ID, null);
        if (id != null && !SESSION_ID.matcher(id).matches()) {
            throw new BedrockInputException(operation, null, "header " + BedrockHeaders.SESSION_ID + " is '" + id
                    + "'; accepted: a session id Bedrock returned (2-100 characters of letters, digits, . _ : -)");
        }
        return id;
    }

    private static List<ExternalSource> externalSources(ExchangeOptions opts, EndpointOptions config, String operation) {
        List<ExternalSource> sources = new ArrayList<>();
        String uri = opts.string(BedrockHeaders.EXTERNAL_SOURCE_URI, config.getExternalSourceUri());
        if (uri != null) {
            if (!uri.startsWith("s3://") || uri.length() <= 5) {
                throw new BedrockInputException(operation, null, "externalSourceUri is '" + uri + "'; accepted: an S3 URI, s3://bucket/key");
            }
            sources.add(ExternalSource.builder().sourceType(ExternalSourceType.S3).s3Location(s -> s.uri(uri)).build());
        }
        Object documents = opts.raw(BedrockHeaders.DOCUMENTS);
        if (documents != null) {
            if (!(documents instanceof Map<?, ?> map) || map.isEmpty()) {
                throw opts.wrongType(BedrockHeaders.DOCUMENTS, documents, "a non-empty Map of file name (with extension: "
                        + String.join(", ", CONTENT_TYPES.keySet()) + ") to byte[] or String content");
            }
            map.forEach((name, content) -> sources.add(document(String.valueOf(name), content, operation)));
        }
        return sources;
    }

    private static ExternalSource document(String name, Object content, String operation) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new BedrockInputException(operation, null, "document '" + name + "' in header " + BedrockHeaders.DOCUMENTS
                    + " has no known extension; accepted: " + String.join(", ", CONTENT_TYPES.keySet()));
        }
        byte[] bytes = content instanceof byte[] b ? b : content instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        if (bytes == null) {
            throw new BedrockInputException(operation, null, "document '" + name + "' in header " + BedrockHeaders.DOCUMENTS + " is a "
                    + (content == null ? "null" : content.getClass().getName()) + "; accepted: byte[] or String");
        }
        if (bytes.length == 0 || bytes.length > MAX_DOCUMENT_BYTES) {
            throw new BedrockInputException(operation, null, "document '" + name + "' has " + bytes.length + " bytes; accepted: 1 to "
                    + MAX_DOCUMENT_BYTES);
        }
        return ExternalSource.builder().sourceType(ExternalSourceType.BYTE_CONTENT)
                .byteContent(d -> d.identifier(name).contentType(type).data(SdkBytes.fromByteArray(bytes))).build();
    }

    static String modelArn(RetrieveAndGenerateRequest request) {
        RetrieveAndGenerateConfiguration c = request.retrieveAndGenerateConfiguration();
        if (c == null) {
            return null;
        }
        return c.knowledgeBaseConfiguration() != null ? c.knowledgeBaseConfiguration().modelArn()
                : c.externalSourcesConfiguration() != null ? c.externalSourcesConfiguration().modelArn() : null;
    }
}
