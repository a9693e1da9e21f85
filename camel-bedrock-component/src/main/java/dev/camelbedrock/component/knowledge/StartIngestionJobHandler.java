package dev.camelbedrock.component.knowledge;

import java.util.concurrent.CompletableFuture;

import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.support.ClientTokens;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.Waiting;
import org.apache.camel.Exchange;

/**
 * {@code bedrock:startIngestionJob}: starts syncing a data source into its knowledge base (knowledgeBaseId,
 * dataSourceId). The body is not read. The body out is the SDK IngestionJob; its id, status and statistics are headers.
 * With waitForCompletion the exchange continues once the job is COMPLETE (FAILED or STOPPED fail it). The client token
 * comes from the CamelBedrockClientRequestToken header or the exchange id, so a redelivered exchange starts one job.
 */
public class StartIngestionJobHandler implements BedrockOperationHandler {

    private final EndpointContext endpoint;
    private final IngestionJobs jobs;

    public StartIngestionJobHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
        this.jobs = new IngestionJobs(endpoint);
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        IngestionJobs.Source source = jobs.source(opts, operation);
        Waiting.Settings wait = jobs.waitSettings(operation);
        String token = ClientTokens.of(exchange, opts, operation, source.knowledgeBaseId() + "/" + source.dataSourceId());
        return jobs.complete(exchange, endpoint.agentClient().startIngestionJob(r -> r.knowledgeBaseId(source.knowledgeBaseId())
                        .dataSourceId(source.dataSourceId()).clientToken(token))
                .thenApply(r -> new IngestionJobs.Answer(r.ingestionJob(), r.responseMetadata().requestId())), wait, operation);
    }
}
