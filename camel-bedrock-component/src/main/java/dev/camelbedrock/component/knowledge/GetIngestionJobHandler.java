package dev.camelbedrock.component.knowledge;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.Waiting;
import org.apache.camel.Exchange;

/**
 * {@code bedrock:getIngestionJob}: reads the job named by the CamelBedrockIngestionJobId header (set by
 * startIngestionJob) of knowledgeBaseId/dataSourceId. The body is not read; the body out is the SDK IngestionJob, with
 * id, status and statistics as headers. With waitForCompletion it answers once the job has ended.
 */
public class GetIngestionJobHandler implements BedrockOperationHandler {

    private final IngestionJobs jobs;

    public GetIngestionJobHandler(EndpointContext endpoint) {
        this.jobs = new IngestionJobs(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        IngestionJobs.Source source = jobs.source(opts, operation);
        String jobId = opts.string(BedrockHeaders.INGESTION_JOB_ID, null);
        if (jobId == null || jobId.isBlank()) {
            throw new BedrockInputException(operation, null, "no ingestion job id: set the " + BedrockHeaders.INGESTION_JOB_ID
                    + " header (startIngestionJob sets it)");
        }
        KnowledgeOptions.checkId(jobId, "ingestion job id", operation);
        Waiting.Settings wait = jobs.waitSettings(operation);
        return jobs.complete(exchange, jobs.get(source.knowledgeBaseId(), source.dataSourceId(), jobId), wait, operation);
    }
}
