package dev.camelbedrock.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.model.ConflictException;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.ListProvisionedModelThroughputsResponse;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelStatus;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrock.model.SortOrder;
import software.amazon.awssdk.services.bedrock.model.ValidationException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisionedThroughputTest {

    static final String TITAN = "amazon.titan-text-express-v1";
    static BedrockEmulator emulator;
    static BedrockAsyncClient bedrock;
    static BedrockRuntimeAsyncClient runtime;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().provisionedThroughputReadyDelay(Duration.ofMillis(300))
                .accountId("111122223333").modelUnitQuota(6).build().start();
        bedrock = Sdk.controlPlane(emulator.uri());
        runtime = Sdk.runtimeH2(emulator.uri());
    }

    @AfterAll
    static void stop() {
        bedrock.close();
        runtime.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    private static String create(String name, String model, int units) {
        return join(bedrock.createProvisionedModelThroughput(b -> b.provisionedModelName(name).modelId(model)
                .modelUnits(units))).provisionedModelArn();
    }

    private static GetProvisionedModelThroughputResponse get(String id) {
        return join(bedrock.getProvisionedModelThroughput(b -> b.provisionedModelId(id)));
    }

    private static GetProvisionedModelThroughputResponse awaitStatus(String id, ProvisionedModelStatus status)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        GetProvisionedModelThroughputResponse r = get(id);
        while (r.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = get(id);
        }
        return r;
    }

    @Test
    void createIsCreatingThenInServiceAndServesRuntimeCalls() throws Exception {
        // stays Creating however slow the machine (reset restores the delay)
        emulator.provisionedThroughputs().readyDelay(Duration.ofMinutes(10));
        var created = join(bedrock.createProvisionedModelThroughput(b -> b.provisionedModelName("my-pt")
                .modelId(HAIKU).modelUnits(1).commitmentDuration("OneMonth")));
        assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
        String arn = created.provisionedModelArn();
        assertThat(arn).matches("arn:aws:bedrock:eu-west-1:111122223333:provisioned-model/[a-z0-9]{12}");

        GetProvisionedModelThroughputResponse g = get(arn);
        assertThat(g.status()).isEqualTo(ProvisionedModelStatus.CREATING);
        assertThat(g.provisionedModelName()).isEqualTo("my-pt");
        assertThat(g.modelArn()).isEqualTo("arn:aws:bedrock:eu-west-1::foundation-model/" + HAIKU);
        assertThat(g.foundationModelArn()).isEqualTo(g.modelArn());
        assertThat(g.modelUnits()).isEqualTo(1);
        assertThat(g.commitmentDurationAsString()).isEqualTo("OneMonth");
        assertThat(g.commitmentExpirationTime()).isAfter(g.creationTime().plus(Duration.ofDays(27)));

        // not ready yet: the runtime answers ModelNotReadyException (429)
        assertThatThrownBy(() -> join(runtime.converse(Sdk.converse(arn, "hello"))))
                .isInstanceOf(ModelNotReadyException.class)
                .satisfies(e -> assertThat(((ModelNotReadyException) e).statusCode()).isEqualTo(429));

        assertThat(emulator.stats().count("Converse", arn)).isEqualTo(1);

        emulator.provisionedThroughputs().readyDelay(Duration.ZERO);
        String ready = create("ready-pt", HAIKU, 1);
        assertThat(awaitStatus("ready-pt", ProvisionedModelStatus.IN_SERVICE).status())
                .isEqualTo(ProvisionedModelStatus.IN_SERVICE);
        ConverseResponse r = join(runtime.converse(Sdk.converse(ready, "hello")));
        assertThat(r.output().message().content().get(0).text()).isEqualTo("You said: hello");

        // rules on the model match the PT's base model
        emulator.rules().add(Rule.when("who").forModel("claude-3-haiku").reply("haiku behind the PT"));
        assertThat(join(runtime.converse(Sdk.converse(ready, "who are you"))).output().message().content().get(0)
                .text()).isEqualTo("haiku behind the PT");

        // an unknown provisioned ARN is an invalid model identifier
        assertThatThrownBy(() -> join(runtime.converse(Sdk.converse(
                "arn:aws:bedrock:us-east-1:111122223333:provisioned-model/zzzzzzzzzzzz", "hi"))))
                .isInstanceOf(software.amazon.awssdk.services.bedrockruntime.model.ValidationException.class)
                .hasMessageContaining("The provided model identifier is invalid.");
    }

    @Test
    void sameClientRequestTokenGivesTheSameProvisionedModel() {
        String a = join(bedrock.createProvisionedModelThroughput(b -> b.provisionedModelName("idem")
                .modelId(TITAN).modelUnits(2).clientRequestToken("token-1"))).provisionedModelArn();
        String b2 = join(bedrock.createProvisionedModelThroughput(b -> b.provisionedModelName("idem")
                .modelId(TITAN).modelUnits(2).clientRequestToken("token-1"))).provisionedModelArn();
        assertThat(b2).isEqualTo(a);
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> { })).provisionedModelSummaries()).hasSize(1);
        // another token with the same name: the name is taken
        assertThatThrownBy(() -> join(bedrock.createProvisionedModelThroughput(b -> b.provisionedModelName("idem")
                .modelId(TITAN).modelUnits(1).clientRequestToken("token-2"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
    }

    @Test
    void modelUnitQuotaAndValidation() {
        create("big", TITAN, 4);
        assertThatThrownBy(() -> create("too-big", TITAN, 3))
                .isInstanceOf(ServiceQuotaExceededException.class)
                .satisfies(e -> assertThat(((ServiceQuotaExceededException) e).statusCode()).isEqualTo(400))
                .hasMessageContaining("4 of 6");
        create("fits", TITAN, 2);
        assertThatThrownBy(() -> create("bad name!", TITAN, 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("provisionedModelName");
        assertThatThrownBy(() -> create("nounits", TITAN, 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("greater than or equal to 1");
        assertThatThrownBy(() -> create("nomodel", "acme.unknown-v1", 1))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> create("noprov", "amazon.nova-micro-v1:0", 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("provisioned throughput");
        assertThatThrownBy(() -> get("missing")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listFiltersSortsAndPaginates() throws Exception {
        // all five must still be Creating when filtered by status, however slow the machine (reset restores the delay)
        emulator.provisionedThroughputs().readyDelay(Duration.ofMinutes(10));
        Instant before = Instant.now().minusSeconds(1);
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            arns.add(create("pt-" + i + (i % 2 == 0 ? "-even" : "-odd"), i < 3 ? TITAN : HAIKU, 1));
            Thread.sleep(5);
        }
        var all = join(bedrock.listProvisionedModelThroughputs(b -> { })).provisionedModelSummaries();
        assertThat(all).extracting(ProvisionedModelSummary::provisionedModelName)
                .containsExactly("pt-4-even", "pt-3-odd", "pt-2-even", "pt-1-odd", "pt-0-even"); // newest first
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> b.sortBy("CreationTime")
                .sortOrder(SortOrder.ASCENDING))).provisionedModelSummaries().get(0).provisionedModelArn())
                .isEqualTo(arns.get(0));
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> b.nameContains("even")))
                .provisionedModelSummaries()).hasSize(3);
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> b.modelArnEquals(
                "arn:aws:bedrock:eu-west-1::foundation-model/" + HAIKU))).provisionedModelSummaries()).hasSize(2);
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> b.statusEquals(ProvisionedModelStatus.CREATING)))
                .provisionedModelSummaries()).hasSize(5);
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> b.statusEquals(ProvisionedModelStatus.FAILED)))
                .provisionedModelSummaries()).isEmpty();
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> b.creationTimeAfter(before)
                .creationTimeBefore(Instant.now().plusSeconds(5)))).provisionedModelSummaries()).hasSize(5);
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> b.creationTimeBefore(before)))
                .provisionedModelSummaries()).isEmpty();

        List<String> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListProvisionedModelThroughputsResponse page = join(bedrock.listProvisionedModelThroughputs(b -> b
                    .maxResults(2).nextToken(t)));
            page.provisionedModelSummaries().forEach(s -> paged.add(s.provisionedModelArn()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(arns);
        // the SDK paginator walks the same pages
        List<String> viaPaginator = new ArrayList<>();
        bedrock.listProvisionedModelThroughputsPaginator(b -> b.maxResults(2)).provisionedModelSummaries()
                .subscribe(s -> viaPaginator.add(s.provisionedModelArn())).join();
        assertThat(viaPaginator).containsExactlyElementsOf(paged);
        assertThatThrownBy(() -> join(bedrock.listProvisionedModelThroughputs(b -> b.nextToken("bogus"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void updateDeleteAndTheFailurePath() throws Exception {
        // transient states are held with a long delay, transitions are made with none: no race with the clock
        emulator.provisionedThroughputs().readyDelay(Duration.ofMinutes(10));
        String creating = create("creating", TITAN, 1);
        // Delete while Creating is a conflict
        assertThatThrownBy(() -> join(bedrock.deleteProvisionedModelThroughput(b -> b.provisionedModelId(creating))))
                .isInstanceOf(ConflictException.class);
        emulator.provisionedThroughputs().readyDelay(Duration.ZERO);
        String arn = create("upd", TITAN, 1);
        awaitStatus(arn, ProvisionedModelStatus.IN_SERVICE);

        join(bedrock.updateProvisionedModelThroughput(b -> b.provisionedModelId("upd")
                .desiredProvisionedModelName("renamed")));
        assertThat(get(arn).provisionedModelName()).isEqualTo("renamed");
        assertThat(get(arn).status()).isEqualTo(ProvisionedModelStatus.IN_SERVICE);

        emulator.provisionedThroughputs().readyDelay(Duration.ofMinutes(10));
        join(bedrock.updateProvisionedModelThroughput(b -> b.provisionedModelId("renamed")
                .desiredModelId("amazon.titan-text-lite-v1")));
        GetProvisionedModelThroughputResponse updating = get(arn);
        assertThat(updating.status()).isEqualTo(ProvisionedModelStatus.UPDATING);
        assertThat(updating.desiredModelArn()).endsWith("foundation-model/amazon.titan-text-lite-v1");
        assertThat(updating.modelArn()).endsWith("foundation-model/" + TITAN);
        // an Updating PT keeps serving with its current model
        assertThat(join(runtime.converse(Sdk.converse(arn, "still here"))).stopReasonAsString()).isEqualTo("end_turn");
        assertThatThrownBy(() -> join(bedrock.deleteProvisionedModelThroughput(b -> b.provisionedModelId(arn))))
                .isInstanceOf(ConflictException.class);

        emulator.provisionedThroughputs().readyDelay(Duration.ZERO);
        String next = create("upd-next", TITAN, 1);
        awaitStatus(next, ProvisionedModelStatus.IN_SERVICE);
        join(bedrock.updateProvisionedModelThroughput(b -> b.provisionedModelId(next)
                .desiredModelId("amazon.titan-text-lite-v1")));
        GetProvisionedModelThroughputResponse updated = awaitStatus(next, ProvisionedModelStatus.IN_SERVICE);
        assertThat(updated.modelArn()).endsWith("foundation-model/amazon.titan-text-lite-v1");

        join(bedrock.deleteProvisionedModelThroughput(b -> b.provisionedModelId(next)));
        assertThatThrownBy(() -> get(next)).isInstanceOf(ResourceNotFoundException.class);

        String failing = create("will-fail", TITAN, 1);
        GetProvisionedModelThroughputResponse failed = awaitStatus(failing, ProvisionedModelStatus.FAILED);
        assertThat(failed.status()).isEqualTo(ProvisionedModelStatus.FAILED);
        assertThat(failed.failureMessage()).contains("fail");
        assertThatThrownBy(() -> join(runtime.converse(Sdk.converse(failing, "hi"))))
                .isInstanceOf(software.amazon.awssdk.services.bedrockruntime.model.ValidationException.class)
                .hasMessageContaining("Failed");
        // Failed PTs do not hold quota and may be deleted
        join(bedrock.deleteProvisionedModelThroughput(b -> b.provisionedModelId("will-fail")));
    }

    @Test
    void resetForgetsProvisionedModelsAndTheDelayIsAdjustable() {
        create("gone", TITAN, 1);
        emulator.provisionedThroughputs().readyDelay(Duration.ZERO);
        String arn = create("instant", TITAN, 1);
        assertThat(get(arn).status()).isEqualTo(ProvisionedModelStatus.IN_SERVICE);
        emulator.reset();
        assertThat(join(bedrock.listProvisionedModelThroughputs(b -> { })).provisionedModelSummaries()).isEmpty();
        assertThat(emulator.provisionedThroughputs().readyDelay()).isEqualTo(Duration.ofMillis(300));
    }
}
