package dev.camelbedrock.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * One small route per bedrock: operation in Java DSL, the twins of routes/operations.camel.yaml. The ids of the
 * knowledge base, data source and guardrail come from properties (see that file), so AWS mode can use real ones.
 */
public class OperationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:java-invokeModel").routeId("java-invokeModel")
                .to("bedrock:invokeModel?modelId=meta.llama3-8b-instruct-v1:0&invokeBodyFormat=prompt&maxTokens=200");

        from("direct:java-invokeModelStream").routeId("java-invokeModelStream")
                .to("bedrock:invokeModelStream?modelId={{bedrock.chat-model}}&invokeBodyFormat=prompt&maxTokens=200"
                    + "&streamTo=log:dev.camelbedrock.examples.stream?level=DEBUG");

        from("direct:java-countTokens").routeId("java-countTokens")
                .to("bedrock:countTokens?modelId={{bedrock.chat-model}}");

        from("direct:java-embed").routeId("java-embed")
                .to("bedrock:embed?modelId=amazon.titan-embed-text-v2:0&dimensions=256");

        from("direct:java-image").routeId("java-image")
                .to("bedrock:image?modelId=amazon.nova-canvas-v1:0&width=512&height=512&seed=42")
                .to("file:{{bedrock.examples.output-dir}}?fileName=java-image.png");

        from("direct:java-retrieve").routeId("java-retrieve")
                .to("bedrock:retrieve?knowledgeBaseId={{bedrock.knowledge-base-id}}&numberOfResults=3");

        // retrieve a wide net, then let a reranker keep the best two
        from("direct:java-rerank").routeId("java-rerank")
                .setHeader("CamelBedrockRerankQuery", body())
                .to("bedrock:retrieve?knowledgeBaseId={{bedrock.knowledge-base-id}}&numberOfResults=5")
                .to("bedrock:rerank?rerankingModelId=amazon.rerank-v1:0&numberOfRerankedResults=2");

        from("direct:java-retrieveAndGenerate").routeId("java-retrieveAndGenerate")
                .to("bedrock:retrieveAndGenerate?knowledgeBaseId={{bedrock.knowledge-base-id}}&modelId={{bedrock.chat-model}}");

        from("direct:java-startIngestionJob").routeId("java-startIngestionJob")
                .to("bedrock:startIngestionJob?knowledgeBaseId={{bedrock.knowledge-base-id}}"
                    + "&dataSourceId={{bedrock.data-source-id}}&waitForCompletion=true&pollInterval={{bedrock.poll-interval}}");

        from("direct:java-getIngestionJob").routeId("java-getIngestionJob")
                .setHeader("CamelBedrockIngestionJobId", body())
                .to("bedrock:getIngestionJob?knowledgeBaseId={{bedrock.knowledge-base-id}}&dataSourceId={{bedrock.data-source-id}}");

        from("direct:java-applyGuardrail").routeId("java-applyGuardrail")
                .to("bedrock:applyGuardrail?guardrailIdentifier={{bedrock.guardrail-id}}&guardrailVersion={{bedrock.guardrail-version}}");

        // provisioned throughput: the body is the throughput's name
        from("direct:java-createProvisionedThroughput").routeId("java-createProvisionedThroughput")
                .setHeader("CamelBedrockProvisionedModelName", body())
                .to("bedrock:createProvisionedThroughput?modelId={{bedrock.pt-model}}&modelUnits=1"
                    + "&waitForCompletion=true&pollInterval={{bedrock.poll-interval}}");

        from("direct:java-getProvisionedThroughput").routeId("java-getProvisionedThroughput")
                .setHeader("CamelBedrockProvisionedModelId", body())
                .to("bedrock:getProvisionedThroughput");

        from("direct:java-listProvisionedThroughputs").routeId("java-listProvisionedThroughputs")
                .to("bedrock:listProvisionedThroughputs?sortOrder=Ascending");

        from("direct:java-updateProvisionedThroughput").routeId("java-updateProvisionedThroughput")
                .setHeader("CamelBedrockProvisionedModelId", body())
                .setHeader("CamelBedrockProvisionedModelName", simple("${body}-renamed"))
                .to("bedrock:updateProvisionedThroughput")
                .setBody(header("CamelBedrockProvisionedModelId"));

        from("direct:java-deleteProvisionedThroughput").routeId("java-deleteProvisionedThroughput")
                .setHeader("CamelBedrockProvisionedModelId", body())
                .to("bedrock:deleteProvisionedThroughput");

        from("direct:java-listFoundationModels").routeId("java-listFoundationModels")
                .to("bedrock:listFoundationModels?byOutputModality=TEXT");

        from("direct:java-getFoundationModel").routeId("java-getFoundationModel")
                .to("bedrock:getFoundationModel?modelId=amazon.titan-embed-text-v2:0");
    }
}
