package dev.camelbedrock.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent client: Python's boto3 asks the emulator for structured output (outputConfig json_schema) and checks
 * the reply with the jsonschema package. Fails when python3 with boto3 and jsonschema is missing: an independent client must be there.
 */
class Boto3StructuredOutputTest {

    @Test
    void boto3GetsJsonValidForItsSchema() throws Exception {
        assertThat(run("python3", "-c", "import boto3, jsonschema").exit)
                .as("python3 with boto3 and jsonschema: the machine image has them, .ci/run installs them when missing").isZero();
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
