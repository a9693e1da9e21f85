package dev.camelbedrock.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensInput;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensResponse;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static dev.camelbedrock.emulator.Sdk.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountTokensTest {

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().build().start();
        client = Sdk.runtimeH1(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void converseInputCountsLikeConverse() {
        CountTokensResponse counted = join(client.countTokens(b -> b.modelId(HAIKU).input(CountTokensInput.fromConverse(
                c -> c.system(SystemContentBlock.fromText("Be brief.")).messages(user("How many tokens is this?"))))));
        ConverseResponse conversed = join(client.converse(b -> b.modelId(HAIKU)
                .system(SystemContentBlock.fromText("Be brief.")).messages(user("How many tokens is this?"))));
        assertThat(counted.inputTokens()).isEqualTo(9).isEqualTo(conversed.usage().inputTokens()); // 33 chars
    }

    @Test
    void invokeModelInputCountsTheNativeBody() {
        String claude = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":100,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"How many tokens is this?\"}]}";
        CountTokensResponse r = join(client.countTokens(b -> b.modelId("arn:aws:bedrock:us-east-1::foundation-model/" + HAIKU)
                .input(CountTokensInput.fromInvokeModel(i -> i.body(SdkBytes.fromUtf8String(claude))))));
        assertThat(r.inputTokens()).isEqualTo(6); // 24 chars of content
    }

    @Test
    void unknownModelAndMissingInput() {
        assertThatThrownBy(() -> join(client.countTokens(b -> b.modelId("nope.model-v1")
                .input(CountTokensInput.fromConverse(c -> c.messages(user("x")))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("The provided model identifier is invalid.");
        assertThatThrownBy(() -> join(client.countTokens(b -> b.modelId(HAIKU))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Value null at 'input'");
        assertThatThrownBy(() -> join(client.countTokens(b -> b.modelId(HAIKU)
                .input(CountTokensInput.fromConverse(c -> c.messages(Sdk.assistant("x")))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must start with a user message");
    }
}
