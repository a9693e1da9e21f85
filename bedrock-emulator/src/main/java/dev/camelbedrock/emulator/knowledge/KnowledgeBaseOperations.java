package dev.camelbedrock.emulator.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.ErrorCodes;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.guardrails.Guardrail;
import dev.camelbedrock.emulator.guardrails.GuardrailEngine;
import dev.camelbedrock.emulator.guardrails.GuardrailResult;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.core.Op;
import dev.camelbedrock.emulator.core.Violations;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * bedrock-agent-runtime (Retrieve, RetrieveAndGenerate, RetrieveAndGenerateStream) and bedrock-agent
 * (StartIngestionJob, GetIngestionJob, ListIngestionJobs, ListDataSources) on the emulator's knowledge bases.
 */
public final class KnowledgeBaseOperations {

    static final Pattern KB_IDENTIFIER = Pattern.compile(
            "^[0-9a-zA-Z]{10}$|^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:knowledge-base/[0-9a-zA-Z]{10}$");
    static final Pattern MODEL_ARN = Pattern.compile("^(arn:aws(-[^:]+)?:(bedrock|sagemaker):[a-z0-9-]{1,20}:"
            + "([0-9]{12})?:([a-z-]+/)?)?([a-z0-9.-]{1,63}){0,2}(([:][a-z0-9-]{1,63}){0,2})?(/[a-z0-9]{1,12})?$");
    static final Pattern SESSION = Pattern.compile("^[0-9a-zA-Z._:-]+$");
    static final Pattern GUARDRAIL_ID = Pattern.compile("^[a-z0-9]+$");
    static final Pattern GUARDRAIL_VERSION = Pattern.compile("^(([1-9][0-9]{0,7})|(DRAFT))$");
    static final String NO_ANSWER = "Sorry, I am unable to assist you with this request.";
    static final String SESSION_HEADER = "x-amzn-bedrock-knowledge-base-session-id";
    static final int DEFAULT_RESULTS = 5;
    static final Service AR = Service.AGENT_RUNTIME;

    private KnowledgeBaseOperations() {
    }

    public static List<Operation> operations(Supplier<KnowledgeBases> kbs) {
        return List.of(
                Op.of("Retrieve", "POST", "/knowledgebases/{knowledgeBaseId}/retrieve", AR,
                        ex -> Retrieval.retrieve(ex, kbs.get())),
                Op.of("RetrieveAndGenerate", "POST", "/retrieveAndGenerate", AR, ex -> {
                    RetrieveAndGenerate.Rag rag = RetrieveAndGenerate.rag(ex, kbs.get());
                    ex.sendJson(200, rag.toJson());
                }),
                Op.streaming("RetrieveAndGenerateStream", "POST", "/retrieveAndGenerateStream", AR,
                        ex -> RetrieveAndGenerate.stream(ex, RetrieveAndGenerate.rag(ex, kbs.get()))),
                Op.of("StartIngestionJob", "PUT",
                        "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs", Service.AGENT,
                        ex -> IngestionOperations.startIngestion(ex, kbs.get())),
                Op.of("GetIngestionJob", "GET",
                        "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs/{ingestionJobId}",
                        Service.AGENT, ex -> IngestionOperations.getIngestion(ex, kbs.get())),
                Op.of("ListIngestionJobs", "POST",
                        "/knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}/ingestionjobs", Service.AGENT,
                        ex -> IngestionOperations.listIngestion(ex, kbs.get())),
                Op.of("ListDataSources", "POST", "/knowledgebases/{knowledgeBaseId}/datasources", Service.AGENT,
                        ex -> IngestionOperations.listDataSources(ex, kbs.get())));
    }

    static ServiceException agentRuntime(String code, String message) {
        return new ServiceException(code, ErrorCodes.status(AR, code), message);
    }

    static KnowledgeBases.KnowledgeBase knowledgeBase(KnowledgeBases kbs, String idOrArn, Service service) {
        String id = idOrArn.startsWith("arn:") ? idOrArn.substring(idOrArn.lastIndexOf('/') + 1) : idOrArn;
        KnowledgeBases.KnowledgeBase kb = kbs.get(id);
        if (kb == null) {
            throw new ServiceException("ResourceNotFoundException", 404, "Knowledge base with id " + id
                    + " does not exist.");
        }
        return kb;
    }

    /** A KnowledgeBaseRetrievalResult (with score) or a RetrievedReference (without). */
    static ObjectNode result(Corpus.Hit hit, boolean withScore) {
        Corpus.Chunk c = hit.chunk;
        ObjectNode r = Json.object();
        ObjectNode content = r.putObject("content");
        content.put("text", c.text);
        content.put("type", "TEXT");
        r.set("location", location(c.document.uri));
        r.set("metadata", c.metadata.deepCopy());
        if (withScore) {
            r.put("score", hit.score);
            r.put("documentId", c.document.id);
        }
        return r;
    }

    static ObjectNode location(String uri) {
        ObjectNode l = Json.object();
        if (uri.startsWith("s3://")) {
            l.put("type", "S3");
            l.putObject("s3Location").put("uri", uri);
        } else {
            l.put("type", "CUSTOM");
            l.putObject("customDocumentLocation").put("id", uri);
        }
        return l;
    }

    // ---- guardrails in knowledge-base requests ----

    static void guardrailViolations(JsonNode gc, String path, Violations v) {
        if (!Json.isPresent(gc)) {
            return;
        }
        v.required(gc, "guardrailId", path + ".guardrailId").required(gc, "guardrailVersion",
                path + ".guardrailVersion");
        v.pattern(Json.text(gc, "guardrailId"), path + ".guardrailId", GUARDRAIL_ID);
        v.pattern(Json.text(gc, "guardrailVersion"), path + ".guardrailVersion", GUARDRAIL_VERSION);
    }

    static GuardrailResult guardrail(EmulatorContext ctx, JsonNode gc, Guardrail.Source source,
                                             List<String> texts) {
        GuardrailEngine engine = GuardrailEngine.of(ctx);
        if (engine == null) {
            throw agentRuntime("ValidationException", GuardrailEngine.UNKNOWN);
        }
        try {
            return engine.apply(gc.get("guardrailId").asText(), gc.get("guardrailVersion").asText(), source, texts);
        } catch (ServiceException e) {
            throw agentRuntime(e.code(), e.getMessage());
        }
    }
}
