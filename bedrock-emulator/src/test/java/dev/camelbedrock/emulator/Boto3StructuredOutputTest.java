package dev.camelbedrock.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An independent client: Python's boto3 asks the emulator for structured output (outputConfig json_schema) and checks
 * the reply with the jsonschema package. Skipped only when python3 with boto3 and jsonschema is not installed.
 */
class Boto3StructuredOutputTest {

    @Test
    void boto3GetsJsonValidForItsSchema() throws Exception {
        assumeTrue(run("python3", "-c", "import boto3, jsonschema").exit == 0,
                "python3 with boto3 and jsonschema is needed for this conformance test");
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).build().start()) {
            Result r = run("python3", Path.of("src/test/python/structured_output.py").toString(), emulator.uri().toString());
            assertThat(r.exit).as(r.output).isZero();
            assertThat(r.output).startsWith("OK {\"summary\": \"The VPN drops every \", \"priority\": \"low\"");
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }
}
