package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conformance with a non-Java official SDK: the AWS SDK for JavaScript v3 ({@code @aws-sdk/client-bedrock-runtime},
 * default NodeHttp2Handler) calls Converse, ConverseStream, CountTokens, InvokeModel (Claude, Titan embeddings,
 * Nova Canvas) and InvokeModelWithResponseStream (Claude) on an emulator started here.
 * Skipped only when {@code node} is not on the PATH.
 */
class JsSdkConformanceTest {

    @Test
    void officialJavaScriptSdkTalksToTheEmulator() throws Exception {
        String node = executable("node");
        assumeTrue(node != null, "node is not on the PATH: the JavaScript SDK conformance test needs Node.js 18+");
        String npm = executable("npm");
        assumeTrue(npm != null, "npm is not on the PATH: the JavaScript SDK conformance test needs npm");

        Path source = Path.of(System.getProperty("emulator.js.source", "src/test/js"));
        Path work = Path.of(System.getProperty("emulator.js.workdir", "target/js-conformance"));
        Files.createDirectories(work);
        boolean lockChanged = !Files.exists(work.resolve("package-lock.json"))
                || Files.mismatch(source.resolve("package-lock.json"), work.resolve("package-lock.json")) >= 0;
        for (String f : List.of("package.json", "package-lock.json", "conformance.mjs")) {
            Files.copy(source.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(work.resolve("node_modules/@aws-sdk/client-bedrock-runtime"))) {
            Result install = run(work, Map.of(), 240, npm, "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertThat(install.exit).as("npm ci failed:\n" + install.output).isZero();
        }

        try (BedrockEmulator emulator = BedrockEmulator.builder()
                .rule(Rule.when("stream this").reply("Streaming from the emulator to JavaScript works"))
                .build().start()) {
            Result r = run(work, Map.of(
                    "EMULATOR_URL", emulator.uri().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG",
                    "AWS_REGION", "us-east-1",
                    "AWS_EC2_METADATA_DISABLED", "true"), 180, node, "conformance.mjs");
            assertThat(r.exit).as(r.output).isZero();
            String lastLine = r.stdout.strip().lines().reduce((a, b) -> b).orElse("{}");
            JsonNode out = new ObjectMapper().readTree(lastLine);
            assertThat(out.has("fatal")).as(lastLine).isFalse();

            JsonNode c = out.path("converse");
            assertThat(c.path("status").asInt()).isEqualTo(200);
            assertThat(c.path("text").asText()).isEqualTo("You said: hello from javascript");
            assertThat(c.path("stopReason").asText()).isEqualTo("end_turn");
            assertThat(c.path("usage").path("inputTokens").asInt()).isEqualTo(9); // 14 + 21 chars
            assertThat(c.path("usage").path("totalTokens").asInt())
                    .isEqualTo(c.path("usage").path("inputTokens").asInt() + c.path("usage").path("outputTokens").asInt());
            assertThat(c.path("requestId").asText()).matches("[0-9a-f-]{36}");

            JsonNode s = out.path("stream");
            assertThat(s.path("status").asInt()).isEqualTo(200);
            List<String> events = new ArrayList<>();
            s.path("events").forEach(e -> events.add(e.asText()));
            assertThat(events.get(0)).isEqualTo("messageStart");
            assertThat(events.subList(events.size() - 3, events.size()))
                    .containsExactly("contentBlockStop", "messageStop", "metadata");
            assertThat(events.stream().filter("contentBlockDelta"::equals).count()).isEqualTo(7);
            assertThat(s.path("text").asText()).isEqualTo("Streaming from the emulator to JavaScript works");
            assertThat(s.path("stopReason").asText()).isEqualTo("end_turn");
            assertThat(s.path("usage").path("outputTokens").asInt()).isEqualTo(12);

            assertThat(out.path("countTokens").path("inputTokens").asInt()).isEqualTo(5);

            JsonNode im = out.path("invokeModel");
            assertThat(im.path("status").asInt()).isEqualTo(200);
            assertThat(im.path("contentType").asText()).isEqualTo("application/json");
            assertThat(im.path("type").asText()).isEqualTo("message");
            assertThat(im.path("role").asText()).isEqualTo("assistant");
            assertThat(im.path("text").asText()).isEqualTo("You said: invoke from javascript");
            assertThat(im.path("stopReason").asText()).isEqualTo("end_turn");
            assertThat(im.path("usage").path("output_tokens").asInt()).isEqualTo(8); // 32 chars

            JsonNode is = out.path("invokeStream");
            assertThat(is.path("status").asInt()).isEqualTo(200);
            assertThat(is.path("contentType").asText()).isEqualTo("application/json");
            List<String> types = new ArrayList<>();
            is.path("types").forEach(t -> types.add(t.asText()));
            assertThat(types.get(0)).isEqualTo("message_start");
            assertThat(types.subList(types.size() - 3, types.size()))
                    .containsExactly("content_block_stop", "message_delta", "message_stop");
            assertThat(types.stream().filter("content_block_delta"::equals).count()).isEqualTo(6);
            assertThat(is.path("text").asText()).isEqualTo("You said: stream from javascript please");
            assertThat(is.path("metrics").path("outputTokenCount").asInt()).isEqualTo(10);
            assertThat(is.path("metrics").path("invocationLatency").asLong()).isPositive();

            JsonNode e = out.path("embedding");
            assertThat(e.path("length").asInt()).isEqualTo(256);
            assertThat(e.path("norm").asDouble()).isBetween(0.9999, 1.0001);
            assertThat(e.path("tokens").asInt()).isEqualTo(6);
            assertThat(e.path("byType").toString()).isEqualTo("[\"float\",\"binary\"]");
            assertThat(e.path("binaryLength").asInt()).isEqualTo(256);

            JsonNode img = out.path("image");
            assertThat(img.path("count").asInt()).isEqualTo(1);
            assertThat(img.path("error").isNull()).isTrue();
            assertThat(img.path("signature").asText()).isEqualTo("PNG");
            assertThat(img.path("width").asInt()).isEqualTo(512);
            assertThat(img.path("height").asInt()).isEqualTo(320);

            JsonNode v = out.path("validation");
            assertThat(v.path("name").asText()).isEqualTo("ValidationException");
            assertThat(v.path("status").asInt()).isEqualTo(400);
            assertThat(v.path("message").asText()).contains("must start with a user message");

            // the JS SDK's default handler for bedrock-runtime speaks h2c (prior knowledge)
            assertThat(emulator.requests()).hasSize(8).allSatisfy(rr -> assertThat(rr.protocol()).isEqualTo("HTTP/2"));
            assertThat(emulator.requests("ConverseStream").get(0).modelId())
                    .isEqualTo("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0");
            assertThat(emulator.requests("Converse").get(0).header("authorization")).startsWith("AWS4-HMAC-SHA256 ");
            // without contentType the JavaScript SDK sends its blob default; the emulator accepts it
            assertThat(emulator.requests("InvokeModel")).extracting(rr -> rr.header("content-type"))
                    .containsExactly("application/json", "application/octet-stream", "application/octet-stream");
        }
    }

    private record Result(int exit, String stdout, String output) {
    }

    private static Result run(Path dir, Map<String, String> env, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Path stdout = Files.createTempFile("js-conformance", ".out");
        Path stderr = Files.createTempFile("js-conformance", ".err");
        pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Timed out: " + Arrays.toString(command));
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
        return new Result(p.exitValue(), out, "stdout:\n" + out + "\nstderr:\n" + err);
    }

    private static String executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String candidate : List.of(name, name + ".cmd", name + ".exe")) {
                File f = new File(dir, candidate);
                if (f.isFile() && f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        return null;
    }
}
