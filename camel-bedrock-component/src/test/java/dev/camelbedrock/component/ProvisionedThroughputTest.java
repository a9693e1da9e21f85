package dev.camelbedrock.component;

import java.time.Duration;
import java.util.List;

import dev.camelbedrock.component.error.BedrockConflictException;
import dev.camelbedrock.component.error.BedrockResourceNotFoundException;
import dev.camelbedrock.component.error.BedrockWaitTimeoutException;
import dev.camelbedrock.component.throughput.BedrockProvisionedThroughput;
import dev.camelbedrock.emulator.Fault;
import dev.camelbedrock.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioned throughput through the SDK to the emulator (Creating becomes InService after a short delay): a retried
 * create buys once, waiting for InService, the ARN as a converse modelId, list filters and pages, update and delete.
 */
class ProvisionedThroughputTest extends BedrockTestSupport {

    static final String TITAN = "amazon.titan-text-express-v1";

    @BeforeAll
    static void startEmulator() {
        emulator = FeatureEmulator.launch("--pt-ready-ms", "2500", "--model-unit-quota", "100");
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:buy").to("bedrock:createProvisionedThroughput?modelId=" + TITAN + "&modelUnits=1");
                from("direct:buyAndWait")
                        .to("bedrock:createProvisionedThroughput?modelId=" + TITAN + "&modelUnits=1"
                            + "&waitForCompletion=true&pollInterval=100&waitTimeout=15000")
                        .setHeader(BedrockHeaders.MODEL_ID, header(BedrockHeaders.PROVISIONED_MODEL_ARN))
                        .setBody(constant("Hello through my provisioned throughput"))
                        .to("bedrock:converse");
                from("direct:buyRetried")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(0))
                        .to("bedrock:createProvisionedThroughput?modelId=" + TITAN + "&modelUnits=1");
                from("direct:get").to("bedrock:getProvisionedThroughput");
                from("direct:impatient").to("bedrock:createProvisionedThroughput?modelId=" + TITAN + "&modelUnits=1"
                                            + "&waitForCompletion=true&pollInterval=50&waitTimeout=120");
                from("direct:await").to("bedrock:getProvisionedThroughput?waitForCompletion=true&pollInterval=100&waitTimeout=15000");
                from("direct:list").to("bedrock:listProvisionedThroughputs?nameContains=lst-&sortOrder=Ascending&pageSize=1");
                from("direct:listInService").to("bedrock:listProvisionedThroughputs?statusEquals=InService&modelArnEquals=" + TITAN);
                from("direct:rename").to("bedrock:updateProvisionedThroughput");
                from("direct:delete").to("bedrock:deleteProvisionedThroughput");
            }
        };
    }

    private Exchange buy(String route, String name) {
        return template.request(route, e -> e.getMessage().setHeader(BedrockHeaders.PROVISIONED_MODEL_NAME, name));
    }

    @Test
    void aCreateIsCreatingAtFirstAndItsArnNamesAProvisionedModel() {
        Exchange out = buy("direct:buy", "pt-first");
        assertThat(out.getException()).isNull();
        BedrockProvisionedThroughput pt = out.getMessage().getBody(BedrockProvisionedThroughput.class);
        assertThat(pt.arn()).matches("arn:aws:bedrock:us-east-1:\\d{12}:provisioned-model/[a-z0-9]{12}");
        assertThat(pt.name()).isEqualTo("pt-first");
        assertThat(pt.status()).isEqualTo("Creating");
        assertThat(out.getMessage().getHeader(BedrockHeaders.PROVISIONED_MODEL_ARN)).isEqualTo(pt.arn());
        assertThat(out.getMessage().getHeader(BedrockHeaders.PROVISIONED_MODEL_STATUS)).isEqualTo("Creating");
    }

    @Test
    void waitingForInServiceThenTheArnWorksAsAModelId() {
        Exchange out = buy("direct:buyAndWait", "pt-wait");
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(BedrockHeaders.PROVISIONED_MODEL_STATUS)).isEqualTo("InService");
        assertThat(out.getMessage().getBody(String.class)).contains("provisioned throughput");
        String arn = out.getMessage().getHeader(BedrockHeaders.PROVISIONED_MODEL_ARN, String.class);
        assertThat(emulator.stats().count("Converse", arn)).isEqualTo(1);
        assertThat(emulator.stats().count("GetProvisionedModelThroughput")).isGreaterThan(1);
    }

    @Test
    void waitingLongerThanWaitTimeoutFailsNamingTheLastStatus() {
        emulator.provisionedThroughputs().readyDelay(Duration.ofMinutes(5));
        Exchange out;
        try {
            out = buy("direct:impatient", "pt-impatient");
        } finally {
            emulator.provisionedThroughputs().readyDelay(Duration.ofMillis(2500));
        }
        assertThat(out.getException()).isInstanceOfSatisfying(BedrockWaitTimeoutException.class, e -> {
            assertThat(e.getLastStatus()).isEqualTo("Creating");
            assertThat(e.getResource()).contains("provisioned-model/");
            assertThat(e.getMessage()).startsWith("createProvisionedThroughput: gave up waiting for provisioned throughput arn:");
        });
    }

    @Test
    void aRedeliveredCreateBuysOnce() {
        // the create succeeds, reading it back fails once: Camel redelivers the exchange, which creates again
        emulator.faults().add(Fault.error("ServiceUnavailableException").forOperation("GetProvisionedModelThroughput").times(1));
        Exchange out = buy("direct:buyRetried", "pt-retried");
        assertThat(out.getException()).isNull();

        List<RecordedRequest> creates = emulator.requests("CreateProvisionedModelThroughput").stream()
                .filter(r -> r.json().path("provisionedModelName").asText().equals("pt-retried")).toList();
        assertThat(creates).hasSize(2);
        assertThat(creates).extracting(r -> r.json().path("clientRequestToken").asText()).doesNotContainNull()
                .containsOnly(creates.get(0).json().path("clientRequestToken").asText());
        assertThat(listByName("pt-retried")).as("one throughput bought, not two").hasSize(1);
        assertThat(out.getMessage().getHeader(BedrockHeaders.PROVISIONED_MODEL_ARN, String.class)).isEqualTo(listByName("pt-retried").get(0).arn());
    }

    @Test
    void listsInServiceThroughputOfAModel() {
        buy("direct:buyAndWait", "pt-served");
        buy("direct:buy", "pt-pending");
        @SuppressWarnings("unchecked")
        List<BedrockProvisionedThroughput> served = template.requestBody("direct:listInService", null, List.class);
        assertThat(served).extracting(BedrockProvisionedThroughput::name).contains("pt-served").doesNotContain("pt-pending");
        assertThat(served).allSatisfy(pt -> assertThat(pt.status()).isEqualTo("InService"));
        assertThat(emulator.lastRequest("ListProvisionedModelThroughputs").orElseThrow().path()).isEqualTo("/provisioned-model-throughputs");
    }

    @SuppressWarnings("unchecked")
    private List<BedrockProvisionedThroughput> listByName(String name) {
        return context.createProducerTemplate().requestBody("bedrock:listProvisionedThroughputs?nameContains=" + name, null, List.class);
    }

    @Test
    void listFollowsEveryPageWithFiltersAndOrder() {
        for (String name : List.of("lst-a", "lst-b", "lst-c")) {
            assertThat(buy("direct:buy", name).getException()).isNull();
        }
        emulator.clearRequests();
        @SuppressWarnings("unchecked")
        List<BedrockProvisionedThroughput> listed = template.requestBody("direct:list", null, List.class);
        assertThat(listed).extracting(BedrockProvisionedThroughput::name).containsExactly("lst-a", "lst-b", "lst-c");
        assertThat(emulator.requests("ListProvisionedModelThroughputs")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void renameThenDelete() {
        String arn = buy("direct:buy", "pt-old").getMessage().getHeader(BedrockHeaders.PROVISIONED_MODEL_ARN, String.class);
        Exchange renamed = template.request("direct:rename", e -> {
            e.getMessage().setHeader(BedrockHeaders.PROVISIONED_MODEL_ID, "pt-old");
            e.getMessage().setHeader(BedrockHeaders.PROVISIONED_MODEL_NAME, "pt-new");
        });
        assertThat(renamed.getException()).isNull();
        assertThat(renamed.getMessage().getHeader(BedrockHeaders.PROVISIONED_MODEL_ID)).isEqualTo("pt-new");
        BedrockProvisionedThroughput byArn = template.requestBodyAndHeader("direct:get", null, BedrockHeaders.PROVISIONED_MODEL_ID, arn,
                BedrockProvisionedThroughput.class);
        assertThat(byArn.name()).isEqualTo("pt-new");

        Exchange tooEarly = template.request("direct:delete", e -> e.getMessage().setHeader(BedrockHeaders.PROVISIONED_MODEL_ID, "pt-new"));
        assertThat(tooEarly.getException()).as("Bedrock refuses while Creating").isInstanceOf(BedrockConflictException.class);

        Exchange ready = template.request("direct:await", e -> e.getMessage().setHeader(BedrockHeaders.PROVISIONED_MODEL_ID, "pt-new"));
        assertThat(ready.getMessage().getHeader(BedrockHeaders.PROVISIONED_MODEL_STATUS)).isEqualTo("InService");
        assertThat(template.request("direct:delete", e -> e.getMessage().setHeader(BedrockHeaders.PROVISIONED_MODEL_ID, "pt-new"))
                .getException()).isNull();
        Exchange gone = template.request("direct:get", e -> e.getMessage().setHeader(BedrockHeaders.PROVISIONED_MODEL_ID, arn));
        assertThat(gone.getException()).isInstanceOf(BedrockResourceNotFoundException.class);
    }
}
