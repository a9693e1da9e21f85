package dev.camelbedrock.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An independent client: Python's boto3 creates, prepares and invokes an agent as the Bedrock guide writes it, reading
 * chunk, trace and returnControl events. Fails when python3 with boto3 is missing: an independent client must be there.
 */
class Boto3AgentsTest {

    @Test
    void boto3DrivesAnAgentAsTheGuideWritesIt() throws Exception {
        assertThat(run("python3", "-c", "import boto3").exit)
                .as("python3 with boto3: the machine image has them, .ci/run installs them when missing").isZero();
        try (BedrockEmulator emulator = BedrockEmulator.builder().port(0).build().start()) {
            Result r = run("python3", Path.of("src/test/python/agents.py").toString(), emulator.uri().toString());
            assertThat(r.exit).as(r.output).isZero();
            assertThat(r.output).contains("OK lambda refused", "OK returnControl get_order_status",
                    "OK answer {\"order_id\": \"ORD-447829\", \"status\": \"SHIPPED\"");
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
