package dev.camelbedrock.examples;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.io.PrintStream;
import java.util.List;

/**
 * Calls every operation's YAML route and its Java twin once and prints one line each. On AWS the knowledge-base
 * and guardrail examples run only when {@code -Dbedrock.knowledge-base-id} / {@code -Dbedrock.data-source-id} /
 * {@code -Dbedrock.guardrail-id} are given, and provisioned throughput (billed by the hour) only with
 * {@code -Dbedrock.examples.provisioned-throughput=true}.
 */
public final class OperationExamples {

    private OperationExamples() {
    }

    public static void run(ProducerTemplate template, boolean aws, PrintStream out) {
        boolean kb = !aws || System.getProperty("bedrock.knowledge-base-id") != null;
        boolean sync = !aws || System.getProperty("bedrock.data-source-id") != null;
        boolean guardrail = !aws || System.getProperty("bedrock.guardrail-id") != null;
        boolean throughput = !aws || Boolean.getBoolean("bedrock.examples.provisioned-throughput");
        for (String dsl : List.of("yaml", "java")) {
            String p = "direct:" + dsl + "-";
            out.println("[" + dsl + "-invokeModel] " + template.requestBody(p + "invokeModel",
                    "In one sentence: what does Apache Camel do?", String.class));
            out.println("[" + dsl + "-invokeModelStream] " + template.requestBody(p + "invokeModelStream",
                    "Write three short lines about message routing.", String.class).replace('\n', ' '));
            out.println("[" + dsl + "-countTokens] " + template.requestBody(p + "countTokens",
                    "How many tokens does this sentence take?", Integer.class) + " input tokens");
            out.println("[" + dsl + "-embed] a vector of " + template.requestBody(p + "embed",
                    "Camel routes messages", List.class).size() + " floats");
            Exchange image = template.request(p + "image", e -> e.getMessage().setBody("A camel in the desert at sunset"));
            out.println("[" + dsl + "-image] " + result(image, e -> e.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED)));
            if (kb) {
                out.println("[" + dsl + "-retrieve] " + template.requestBody(p + "retrieve",
                        "How long does shipping take?", List.class).size() + " chunks");
                out.println("[" + dsl + "-rerank] best of 5 chunks: " + template.requestBody(p + "rerank",
                        "How long does shipping take?", List.class));
                Exchange rag = template.request(p + "retrieveAndGenerate",
                        e -> e.getMessage().setBody("How many days do I have to return an item?"));
                out.println("[" + dsl + "-retrieveAndGenerate] " + result(rag, e -> {
                    List<?> citations = e.getMessage().getHeader("CamelBedrockCitations", List.class);
                    String source = citations.isEmpty() ? "-" : firstSource(citations.get(0));
                    return e.getMessage().getBody(String.class) + " (" + citations.size() + " citations, first: " + source + ")";
                }));
            }
            if (sync) {
                Exchange job = template.request(p + "startIngestionJob", e -> { });
                out.println("[" + dsl + "-startIngestionJob] " + result(job, e -> e.getMessage().getHeader("CamelBedrockIngestionJobId")
                        + " " + e.getMessage().getHeader("CamelBedrockIngestionJobStatus")));
                Exchange read = template.request(p + "getIngestionJob",
                        e -> e.getMessage().setBody(job.getMessage().getHeader("CamelBedrockIngestionJobId")));
                out.println("[" + dsl + "-getIngestionJob] " + result(read, e -> e.getMessage().getHeader("CamelBedrockIngestionJobStatus")));
            }
            if (guardrail) {
                Exchange masked = template.request(p + "applyGuardrail",
                        e -> e.getMessage().setBody("Mail jane.doe@example.com or call 555-123-4567"));
                out.println("[" + dsl + "-applyGuardrail] " + result(masked, e -> e.getMessage().getHeader("CamelBedrockGuardrailAction")
                        + ": " + e.getMessage().getBody(String.class)));
            }
            if (throughput) {
                String name = dsl + "-example-pt";
                Exchange pt = template.request(p + "createProvisionedThroughput", e -> e.getMessage().setBody(name));
                out.println("[" + dsl + "-createProvisionedThroughput] " + result(pt, e -> e.getMessage().getHeader("CamelBedrockProvisionedModelArn")
                        + " " + e.getMessage().getHeader("CamelBedrockProvisionedModelStatus")));
                Exchange got = template.request(p + "getProvisionedThroughput", e -> e.getMessage().setBody(name));
                out.println("[" + dsl + "-getProvisionedThroughput] " + result(got, e -> e.getMessage().getHeader("CamelBedrockProvisionedModelStatus")));
                out.println("[" + dsl + "-listProvisionedThroughputs] " + template.requestBody(p + "listProvisionedThroughputs",
                        null, List.class).size() + " throughputs");
                String renamed = template.requestBody(p + "updateProvisionedThroughput", name, String.class);
                out.println("[" + dsl + "-updateProvisionedThroughput] renamed to " + renamed);
                template.requestBody(p + "deleteProvisionedThroughput", renamed);
                out.println("[" + dsl + "-deleteProvisionedThroughput] deleted " + renamed);
            }
            out.println("[" + dsl + "-listFoundationModels] " + template.requestBody(p + "listFoundationModels",
                    null, List.class).size() + " text models");
            var model = template.requestBody(p + "getFoundationModel", null,
                    software.amazon.awssdk.services.bedrock.model.FoundationModelDetails.class);
            out.println("[" + dsl + "-getFoundationModel] " + model.modelId() + ": " + model.modelName()
                        + ", output " + model.outputModalitiesAsStrings());
        }
    }

    private static String result(Exchange exchange, java.util.function.Function<Exchange, Object> line) {
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
        return String.valueOf(line.apply(exchange));
    }

    private static String firstSource(Object citation) {
        if (citation instanceof dev.camelbedrock.component.knowledge.BedrockCitation c && !c.references().isEmpty()) {
            return String.valueOf(c.references().get(0).uri());
        }
        return String.valueOf(citation);
    }
}
