package dev.camelbedrock.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagent.model.ConflictException;
import software.amazon.awssdk.services.bedrockagent.model.IngestionJob;
import software.amazon.awssdk.services.bedrockagent.model.IngestionJobStatus;
import software.amazon.awssdk.services.bedrockagent.model.IngestionJobSummary;
import software.amazon.awssdk.services.bedrockagent.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestionJobTest {

    static final String KB = "KBINGEST01";

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static IngestionJob await(BedrockAgentAsyncClient agent, String ds, String jobId, IngestionJobStatus status)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        IngestionJob j;
        do {
            j = join(agent.getIngestionJob(b -> b.knowledgeBaseId(KB).dataSourceId(ds).ingestionJobId(jobId)))
                    .ingestionJob();
            if (j.status() == status || j.status() == IngestionJobStatus.COMPLETE
                    || j.status() == IngestionJobStatus.FAILED) {
                return j;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return j;
    }

    @Test
    void jobsReReadTheFolderThroughTheirStatesWithStatistics(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("docs");
        copy(Path.of("src/test/resources/kb"), folder);
        try (BedrockEmulator emulator = BedrockEmulator.builder().knowledgeBase(KB, folder)
                .ingestionJobDelay(Duration.ofSeconds(2)).build().start(); // wide STARTING and IN_PROGRESS windows
             BedrockAgentAsyncClient agent = Sdk.agent(emulator.uri());
             BedrockAgentRuntimeAsyncClient runtime = Sdk.agentRuntime(emulator.uri())) {
            String ds = join(agent.listDataSources(b -> b.knowledgeBaseId(KB))).dataSourceSummaries().get(0)
                    .dataSourceId();
            assertThat(ds).isEqualTo(emulator.knowledgeBases().get(KB).dataSourceId());

            // change the folder: one new file, one modified, one metadata-only change, one deleted
            Files.writeString(folder.resolve("gift-cards.md"), "# Gift cards\n\nGift cards never expire and can be "
                    + "used for any purchase.");
            Files.writeString(folder.resolve("shipping.md"), "# Shipping\n\nAll shipping is free this month.");
            Files.writeString(folder.resolve("returns.md.metadata.json"), "{\"metadataAttributes\":{\"category\":"
                    + "\"policy\",\"year\":2025}}");
            Files.delete(folder.resolve("faq/contact.txt"));
            Files.writeString(folder.resolve("empty.txt"), "   ");
            Files.write(folder.resolve("broken.txt"), new byte[] {(byte) 0xC3, (byte) 0x28});

            assertThat(runtime.retrieve(b -> b.knowledgeBaseId(KB).retrievalQuery(q -> q.text("gift cards expire")))
                    .join().retrievalResults().get(0).content().text()).doesNotContain("Gift cards");

            var started = join(agent.startIngestionJob(b -> b.knowledgeBaseId(KB).dataSourceId(ds)
                    .description("nightly")));
            assertThat(started.sdkHttpResponse().statusCode()).isEqualTo(202);
            IngestionJob job = started.ingestionJob();
            assertThat(job.status()).isEqualTo(IngestionJobStatus.STARTING);
            assertThat(job.ingestionJobId()).matches("[0-9A-Z]{10}");
            assertThat(job.description()).isEqualTo("nightly");
            assertThat(job.statistics().numberOfDocumentsScanned()).isZero();
            assertThatThrownBy(() -> join(agent.startIngestionJob(b -> b.knowledgeBaseId(KB).dataSourceId(ds))))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((ConflictException) e).statusCode()).isEqualTo(409));

            IngestionJob inProgress = await(agent, ds, job.ingestionJobId(), IngestionJobStatus.IN_PROGRESS);
            assertThat(inProgress.status()).isEqualTo(IngestionJobStatus.IN_PROGRESS);
            IngestionJob done = await(agent, ds, job.ingestionJobId(), IngestionJobStatus.COMPLETE);
            assertThat(done.status()).isEqualTo(IngestionJobStatus.COMPLETE);
            var st = done.statistics();
            assertThat(st.numberOfDocumentsScanned()).isEqualTo(6); // 4 - contact + gift-cards, empty, broken
            assertThat(st.numberOfMetadataDocumentsScanned()).isEqualTo(3);
            assertThat(st.numberOfNewDocumentsIndexed()).isEqualTo(1);
            assertThat(st.numberOfModifiedDocumentsIndexed()).isEqualTo(2);
            assertThat(st.numberOfMetadataDocumentsModified()).isEqualTo(1);
            assertThat(st.numberOfDocumentsDeleted()).isEqualTo(1);
            assertThat(st.numberOfDocumentsFailed()).isEqualTo(1);
            assertThat(st.numberOfDocumentsSkipped()).isEqualTo(1);
            assertThat(done.updatedAt()).isAfter(done.startedAt());

            assertThat(runtime.retrieve(b -> b.knowledgeBaseId(KB).retrievalQuery(q -> q.text("gift cards expire")))
                    .join().retrievalResults().get(0).content().text()).contains("Gift cards never expire");

            // idempotent by client token; list with filters and order
            var second = join(agent.startIngestionJob(b -> b.knowledgeBaseId(KB).dataSourceId(ds)
                    .clientToken("a-client-token-that-is-at-least-33-chars"))).ingestionJob();
            var same = join(agent.startIngestionJob(b -> b.knowledgeBaseId(KB).dataSourceId(ds)
                    .clientToken("a-client-token-that-is-at-least-33-chars"))).ingestionJob();
            assertThat(same.ingestionJobId()).isEqualTo(second.ingestionJobId());
            List<IngestionJobSummary> all = join(agent.listIngestionJobs(b -> b.knowledgeBaseId(KB).dataSourceId(ds)))
                    .ingestionJobSummaries();
            assertThat(all).extracting(IngestionJobSummary::ingestionJobId)
                    .containsExactly(second.ingestionJobId(), job.ingestionJobId());
            assertThat(join(agent.listIngestionJobs(b -> b.knowledgeBaseId(KB).dataSourceId(ds)
                    .filters(f -> f.attribute("STATUS").operator("EQ").values("COMPLETE"))))
                    .ingestionJobSummaries()).extracting(IngestionJobSummary::ingestionJobId)
                    .containsExactly(job.ingestionJobId());
            var page = join(agent.listIngestionJobs(b -> b.knowledgeBaseId(KB).dataSourceId(ds).maxResults(1)
                    .sortBy(s -> s.attribute("STARTED_AT").order("ASCENDING"))));
            assertThat(page.ingestionJobSummaries().get(0).ingestionJobId()).isEqualTo(job.ingestionJobId());
            assertThat(page.nextToken()).isNotNull();
            await(agent, ds, second.ingestionJobId(), IngestionJobStatus.COMPLETE);
            emulator.knowledgeBases().ingestionDelay(Duration.ZERO); // no phases left to watch

            // a folder that disappeared: the job fails
            try (Stream<Path> s = Files.walk(folder)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            var failing = join(agent.startIngestionJob(b -> b.knowledgeBaseId(KB).dataSourceId(ds))).ingestionJob();
            IngestionJob failed = await(agent, ds, failing.ingestionJobId(), IngestionJobStatus.FAILED);
            assertThat(failed.status()).isEqualTo(IngestionJobStatus.FAILED);
            assertThat(failed.failureReasons()).singleElement().asString().contains("does not exist");

            assertThatThrownBy(() -> join(agent.getIngestionJob(b -> b.knowledgeBaseId(KB).dataSourceId(ds)
                    .ingestionJobId("ZZZZZZZZZZ")))).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> join(agent.startIngestionJob(b -> b.knowledgeBaseId(KB).dataSourceId("ABCDEFGHIJ"))))
                    .isInstanceOf(ResourceNotFoundException.class);

            // reset: back to the start index, jobs forgotten
            emulator.reset();
            assertThat(join(agent.listIngestionJobs(b -> b.knowledgeBaseId(KB).dataSourceId(ds)))
                    .ingestionJobSummaries()).isEmpty();
            assertThat(runtime.retrieve(b -> b.knowledgeBaseId(KB).retrievalQuery(q -> q.text("contact support email")))
                    .join().retrievalResults().get(0).content().text()).contains("support@example.com");
        }
    }

    @Test
    void knowledgeBasesFromTheCommandLineAndConfig(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("emulator.json");
        copy(Path.of("src/test/resources/kb"), dir.resolve("kb"));
        Files.writeString(config, "{\"knowledgeBases\":{\"KBCONFIG01\":\"kb\"},\"provisionedThroughputReadyMs\":5,"
                + "\"guardrails\":{\"fromconfig\":{\"name\":\"c\",\"blockedInputMessaging\":\"i\","
                + "\"blockedOutputsMessaging\":\"o\"}}}");
        try (BedrockEmulator e = BedrockEmulatorMain.launch(new String[] {"--port", "0", "--config", config.toString(),
                "--knowledge-base", KB + "=src/test/resources/kb", "--guardrail=g1=src/test/resources/guardrails/plain.json",
                "--pt-ready-ms", "7", "--ingestion-delay-ms=3"}, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()))) {
            assertThat(e.knowledgeBases().all()).extracting(k -> k.id()).containsExactly("KBCONFIG01", KB);
            assertThat(e.guardrails().list(null)).extracting(g -> g.id()).containsExactlyInAnyOrder("fromconfig", "g1");
            assertThat(e.provisionedThroughputs().readyDelay()).isEqualTo(Duration.ofMillis(7));
            e.knowledgeBases().add("KBRUNTIME1", Path.of("src/test/resources/kb"));
            assertThat(e.knowledgeBases().get("KBRUNTIME1").corpus().chunks()).hasSize(6);
        }
        assertThatThrownBy(() -> BedrockEmulatorMain.launch(new String[] {"--knowledge-base", "short=x"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BedrockEmulatorMain.launch(new String[] {"--guardrail", "nofile"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
