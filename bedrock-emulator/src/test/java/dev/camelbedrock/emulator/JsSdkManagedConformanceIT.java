package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The done-criterion: an official non-Java SDK (JavaScript v3: client-bedrock-agent-runtime,
 * client-bedrock-runtime, client-bedrock) calls Retrieve, RetrieveAndGenerate, ApplyGuardrail and
 * Create/GetProvisionedModelThroughput on the emulator JAR started as a process with {@code --knowledge-base}
 * and {@code --guardrail}. Runs after {@code package} (failsafe); skipped when node/npm are missing.
 */
class JsSdkManagedConformanceIT {

    static final String KB = "KB12345678";
    static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @Test
    void javaScriptSdkUsesKnowledgeBasesGuardrailsAndProvisionedThroughput() throws Exception {
        String node = executable("node");
        String npm = executable("npm");
        assumeTrue(node != null && npm != null, "node and npm are needed for the JavaScript SDK conformance test");
        Path jar = Path.of(System.getProperty("emulator.jar", "target/bedrock-emulator.jar"));
        assertThat(jar).as("the executable jar (built by package)").exists();

        Path source = Path.of(System.getProperty("emulator.js.source", "src/test/js"));
        Path work = Path.of(System.getProperty("emulator.js.workdir", "target/js-conformance"));
        Files.createDirectories(work);
        boolean lockChanged = !Files.exists(work.resolve("package-lock.json"))
                || Files.mismatch(source.resolve("package-lock.json"), work.resolve("package-lock.json")) >= 0;
        for (String f : List.of("package.json", "package-lock.json", "managed.mjs")) {
            Files.copy(source.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(work.resolve("node_modules/@aws-sdk/client-bedrock-agent-runtime"))) {
            Process install = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(work.toFile()).redirectErrorStream(true).start();
            String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(install.waitFor(240, TimeUnit.SECONDS)).isTrue();
            assertThat(install.exitValue()).as("npm ci failed:\n" + log).isZero();
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process emulator = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(), "--port", "0",
                "--knowledge-base", KB + "=" + Path.of("src/test/resources/kb").toAbsolutePath(),
                "--guardrail", "support1=" + Path.of("src/test/resources/guardrails/support.json").toAbsolutePath(),
                "--pt-ready-ms", "600000")
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            List<String> seen = new ArrayList<>();
            for (String line; url == null && (line = lines.readLine()) != null; ) {
                seen.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
            }
            assertThat(url).as("emulator output: " + seen).isNotNull();

            ProcessBuilder pb = new ProcessBuilder(node, "managed.mjs").directory(work.toFile());
            pb.environment().putAll(Map.of("EMULATOR_URL", url, "KB_ID", KB, "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG", "AWS_REGION", "us-east-1",
                    "AWS_EC2_METADATA_DISABLED", "true"));
            Path stdout = Files.createTempFile("js-managed", ".out");
            Path stderr = Files.createTempFile("js-managed", ".err");
            Process js = pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!js.waitFor(180, TimeUnit.SECONDS)) { // generous: a loaded machine
                js.destroyForcibly();
                throw new IllegalStateException("node managed.mjs timed out");
            }
            String out = Files.readString(stdout);
            String err = Files.readString(stderr);
            assertThat(js.exitValue()).as(out + err).isZero();
            String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
            JsonNode r = new ObjectMapper().readTree(last);
            assertThat(r.has("fatal")).as(last).isFalse();

            JsonNode retrieve = r.path("retrieve");
            assertThat(retrieve.path("status").asInt()).isEqualTo(200);
            assertThat(retrieve.path("count").asInt()).isEqualTo(2);
            assertThat(retrieve.path("topUri").asText()).isEqualTo("s3://kb12345678/returns.md");
            assertThat(retrieve.path("topText").asText()).contains("within 30 days");
            assertThat(retrieve.path("topScore").asDouble()).isBetween(0.0, 1.0);
            assertThat(retrieve.path("topCategory").asText()).isEqualTo("policy");
            assertThat(retrieve.path("nextToken").isTextual()).isTrue();

            JsonNode rag = r.path("rag");
            assertThat(rag.path("sessionId").asText()).matches("[0-9a-f-]{36}");
            String text = rag.path("text").asText();
            assertThat(text).contains("Refunds are issued to the original payment method");
            assertThat(rag.path("citations").size()).isGreaterThan(0);
            for (JsonNode c : rag.path("citations")) {
                assertThat(text.substring(c.path("start").asInt(), c.path("end").asInt()))
                        .isEqualTo(c.path("text").asText());
                assertThat(c.path("uri").asText()).startsWith("s3://kb12345678/");
            }

            JsonNode g = r.path("guardrail");
            assertThat(g.path("action").asText()).isEqualTo("GUARDRAIL_INTERVENED");
            assertThat(g.path("outputs").get(0).asText()).isEqualTo("Reach me at {EMAIL}, my SSN is not here.");
            assertThat(g.path("pii").get(0).asText()).isEqualTo("EMAIL:ANONYMIZED");

            JsonNode pt = r.path("pt");
            assertThat(pt.path("createStatus").asInt()).isEqualTo(201);
            assertThat(pt.path("arn").asText())
                    .matches("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/[a-z0-9]{12}");
            assertThat(pt.path("status").asText()).isEqualTo("Creating");
            assertThat(pt.path("name").asText()).isEqualTo("js-pt");
            assertThat(pt.path("modelArn").asText())
                    .isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
            assertThat(pt.path("creationTimeIsDate").asBoolean()).isTrue();
        } finally {
            emulator.destroy();
            if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
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
