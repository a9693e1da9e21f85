package dev.camelbedrock.component.knowledge;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.Waiting;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.bedrockagent.model.IngestionJob;

/**
 * What startIngestionJob and getIngestionJob share: the ids they need, waiting for the job to end, and the result (the
 * SDK IngestionJob as the body; id, status and statistics as headers).
 */
final class IngestionJobs {

    private static final Logger LOG = LoggerFactory.getLogger(IngestionJobs.class);

    private final EndpointContext endpoint;
    private final KnowledgeOptions options;

    IngestionJobs(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.options = new KnowledgeOptions(endpoint);
    }

    /** The knowledge base and data source of an ingestion job, both bare ids. */
    record Source(String knowledgeBaseId, String dataSourceId) {
    }

    Source source(ExchangeOptions opts, String operation) {
        String kb = options.knowledgeBaseId(opts, operation);
        String ds = opts.required(BedrockHeaders.DATA_SOURCE_ID, options.config().getDataSourceId(), "dataSourceId", "data source");
        KnowledgeOptions.checkId(ds, "data source id", operation);
        return new Source(kb, ds);
    }

    /**
     * Completes an exchange from a start or get call: with waitForCompletion (read before the call, so bad options fail
     * before any request) it first waits for the job to end; then the result goes onto the message.
     */
    CompletableFuture<Void> complete(Exchange exchange, CompletableFuture<Answer> call, Waiting.Settings wait, String operation) {
        return call.thenCompose(answer -> awaitIfAsked(answer.job(), wait, operation)
                .thenAccept(job -> apply(exchange, job, answer.requestId())));
    }

    /** The job a start or get call answered with, and that call's request id. */
    record Answer(IngestionJob job, String requestId) {
    }

    /** The job as given, or (with waitForCompletion) the job once it has ended, checked again every pollInterval. */
    private CompletableFuture<IngestionJob> awaitIfAsked(IngestionJob job, Waiting.Settings wait, String operation) {
        if (wait == null || status(job).done()) {
            return CompletableFuture.completedFuture(job);
        }
        String what = "ingestion job " + job.ingestionJobId() + " of knowledge base " + job.knowledgeBaseId() + " data source "
                      + job.dataSourceId();
        return Waiting.until(() -> get(job.knowledgeBaseId(), job.dataSourceId(), job.ingestionJobId()).thenApply(Answer::job),
                IngestionJobs::status, what, operation, wait, LOG);
    }

    /** One getIngestionJob call. */
    CompletableFuture<Answer> get(String knowledgeBaseId, String dataSourceId, String jobId) {
        return endpoint.agentClient().getIngestionJob(r -> r.knowledgeBaseId(knowledgeBaseId).dataSourceId(dataSourceId)
                .ingestionJobId(jobId)).thenApply(r -> new Answer(r.ingestionJob(), r.responseMetadata().requestId()));
    }

    /** The pollInterval and waitTimeout when waitForCompletion is on, else null. */
    Waiting.Settings waitSettings(String operation) {
        return options.config().isWaitForCompletion() ? Waiting.settings(options.config(), operation) : null;
    }

    static Waiting.Status status(IngestionJob job) {
        String s = job.statusAsString();
        return switch (s) {
            case "COMPLETE" -> Waiting.Status.succeeded(s);
            case "FAILED", "STOPPED" -> Waiting.Status.failed(s, job.hasFailureReasons() ? String.join("; ", job.failureReasons()) : null);
            default -> Waiting.Status.pending(s, progress(job));
        };
    }

    private static String progress(IngestionJob job) {
        var st = job.statistics();
        return st == null ? null : st.numberOfDocumentsScanned() + " documents scanned, " + st.numberOfNewDocumentsIndexed()
                                   + " new indexed, " + st.numberOfDocumentsFailed() + " failed";
    }

    private static void apply(Exchange exchange, IngestionJob job, String requestId) {
        var message = exchange.getMessage();
        message.setBody(job);
        message.setHeader(BedrockHeaders.INGESTION_JOB_ID, job.ingestionJobId());
        message.setHeader(BedrockHeaders.INGESTION_JOB_STATUS, job.statusAsString());
        message.setHeader(BedrockHeaders.INGESTION_JOB_STATISTICS, job.statistics());
        message.setHeader(BedrockHeaders.REQUEST_ID, requestId);
    }
}
