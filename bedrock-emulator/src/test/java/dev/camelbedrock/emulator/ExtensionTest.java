package dev.camelbedrock.emulator;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit 5 extension as users register it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTest {

    @RegisterExtension
    static BedrockEmulatorExtension bedrock = BedrockEmulatorExtension.builder()
            .rule(Rule.when("hello").reply("Hello from the extension"))
            .build();

    static int firstPort;

    @Test
    @Order(1)
    void injectsTheRunningEmulator(BedrockEmulator emulator) {
        assertThat(emulator).isSameAs(bedrock.emulator());
        assertThat(emulator.isRunning()).isTrue();
        firstPort = emulator.port();
        try (BedrockRuntimeAsyncClient client = Sdk.runtimeH2(emulator.uri())) {
            assertThat(ConverseTest.text(join(client.converse(Sdk.converse(HAIKU, "hello"))))).isEqualTo("Hello from the extension");
        }
        emulator.rules().addFirst(Rule.always().reply("changed"));
        assertThat(emulator.stats().total()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void startedOncePerClassAndResetBetweenTests(BedrockEmulator emulator) {
        assertThat(emulator.port()).isEqualTo(firstPort);
        assertThat(emulator.stats().total()).isZero();
        assertThat(emulator.rules().list()).hasSize(1);
        assertThat(bedrock.uri().toString()).isEqualTo("http://127.0.0.1:" + firstPort);
    }
}
