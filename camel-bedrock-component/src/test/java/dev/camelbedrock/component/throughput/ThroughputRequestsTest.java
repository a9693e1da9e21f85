package dev.camelbedrock.component.throughput;

import java.util.Map;

import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.model.CommitmentDuration;
import software.amazon.awssdk.services.bedrock.model.CreateProvisionedModelThroughputRequest;
import software.amazon.awssdk.services.bedrock.model.ListProvisionedModelThroughputsRequest;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelStatus;
import software.amazon.awssdk.services.bedrock.model.SortOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** How provisioned-throughput requests are built from options and headers. */
class ThroughputRequestsTest extends BedrockTestSupport {

    private BedrockEndpoint endpoint(String uri) throws Exception {
        BedrockEndpoint e = context.getEndpoint(uri, BedrockEndpoint.class);
        e.start();
        return e;
    }

    @Test
    void createTakesItsTokenFromTheExchange() throws Exception {
        CreateProvisionedThroughputHandler h = new CreateProvisionedThroughputHandler(endpoint("bedrock:createProvisionedThroughput"
                + "?provisionedModelName=pm-1&modelId=amazon.titan-text-express-v1&modelUnits=2&commitmentDuration=OneMonth&tags=team=ai,env=test"));
        Exchange ex = new DefaultExchange(context);
        ex.getMessage().setHeader(BedrockHeaders.TAGS, Map.of("env", "prod"));
        CreateProvisionedModelThroughputRequest r = h.request(ex, "createProvisionedThroughput");
        assertThat(r.provisionedModelName()).isEqualTo("pm-1");
        assertThat(r.modelId()).isEqualTo("amazon.titan-text-express-v1");
        assertThat(r.modelUnits()).isEqualTo(2);
        assertThat(r.commitmentDuration()).isEqualTo(CommitmentDuration.ONE_MONTH);
        assertThat(r.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=ai", "env=prod");
        assertThat(r.clientRequestToken()).as("same exchange, same token").isEqualTo(h.request(ex, "createProvisionedThroughput")
                .clientRequestToken());
        assertThat(r.clientRequestToken()).as("another exchange, another token")
                .isNotEqualTo(h.request(new DefaultExchange(context), "createProvisionedThroughput").clientRequestToken());
        ex.getMessage().setHeader(BedrockHeaders.CLIENT_REQUEST_TOKEN, "order-77");
        assertThat(h.request(ex, "createProvisionedThroughput").clientRequestToken()).isEqualTo("order-77");
    }

    @Test
    void noCommitmentSendsNone() throws Exception {
        CreateProvisionedThroughputHandler h = new CreateProvisionedThroughputHandler(endpoint("bedrock:createProvisionedThroughput"
                + "?provisionedModelName=pm_2&modelId=amazon.titan-text-express-v1&modelUnits=1"));
        CreateProvisionedModelThroughputRequest r = h.request(new DefaultExchange(context), "createProvisionedThroughput");
        assertThat(r.commitmentDuration()).isNull();
        assertThat(r.hasTags()).isFalse();
    }

    @Test
    void listFiltersAndSorts() throws Exception {
        ListProvisionedThroughputsHandler h = new ListProvisionedThroughputsHandler(endpoint("bedrock:listProvisionedThroughputs"
                + "?statusEquals=InService&modelArnEquals=amazon.titan-text-express-v1&nameContains=pm&sortOrder=Descending&pageSize=2"));
        ListProvisionedModelThroughputsRequest r = h.request(new ExchangeOptions(new DefaultExchange(context), "x"), "x");
        assertThat(r.statusEquals()).isEqualTo(ProvisionedModelStatus.IN_SERVICE);
        assertThat(r.modelArnEquals()).isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1");
        assertThat(r.nameContains()).isEqualTo("pm");
        assertThat(r.sortOrder()).isEqualTo(SortOrder.DESCENDING);
        assertThat(r.sortByAsString()).isEqualTo("CreationTime");
        assertThat(r.maxResults()).isEqualTo(2);
    }

    @Test
    void updateRenamesAndOrMovesTheModel() throws Exception {
        UpdateProvisionedThroughputHandler h = new UpdateProvisionedThroughputHandler(endpoint(
                "bedrock:updateProvisionedThroughput?provisionedModelId=pm-1&provisionedModelName=pm-renamed"));
        var r = h.request(new ExchangeOptions(new DefaultExchange(context), "updateProvisionedThroughput"), "updateProvisionedThroughput");
        assertThat(r.provisionedModelId()).isEqualTo("pm-1");
        assertThat(r.desiredProvisionedModelName()).isEqualTo("pm-renamed");
        assertThat(r.desiredModelId()).isNull();
    }

    @Test
    void inServiceEndsTheWaitAndFailedFailsItWithTheMessage() {
        assertThat(ProvisionedThroughputs.status(pt("Creating", null)).done()).isFalse();
        assertThat(ProvisionedThroughputs.status(pt("Updating", null)).done()).isFalse();
        assertThat(ProvisionedThroughputs.status(pt("InService", null)).failed()).isFalse();
        assertThat(ProvisionedThroughputs.status(pt("InService", null)).done()).isTrue();
        assertThat(ProvisionedThroughputs.status(pt("Failed", "no capacity")).reason()).isEqualTo("no capacity");
        assertThat(ProvisionedThroughputs.status(pt("Failed", "no capacity")).failed()).isTrue();
    }

    private static BedrockProvisionedThroughput pt(String status, String failure) {
        return new BedrockProvisionedThroughput("pm", "arn", null, null, null, 1, 1, status, null, null, null, null, failure);
    }
}
