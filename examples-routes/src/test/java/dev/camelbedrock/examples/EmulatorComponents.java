package dev.camelbedrock.examples;

import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.emulator.BedrockEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** bedrock: components wired to an emulator, for the example tests. */
public final class EmulatorComponents {

    private EmulatorComponents() {
    }

    /** A component on the emulator with the SDK's default retries. */
    public static BedrockComponent bedrock(BedrockEmulator emulator) {
        BedrockComponent component = new BedrockComponent();
        component.getConfiguration().setEndpointOverride(emulator.uri().toString());
        component.getConfiguration().setRegion("us-east-1");
        component.getConfiguration().setAccessKey("emulator");
        component.getConfiguration().setSecretKey("emulator");
        return component;
    }

    /**
     * A bedrock-runtime client on the emulator that does not retry, so every fault reaches Camel's error handler.
     * Bound in a context's registry it is autowired by the component; one client can serve many contexts (tests
     * then pay its start-up once).
     */
    public static BedrockRuntimeAsyncClient runtimeClientWithoutRetries(BedrockEmulator emulator) {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(emulator.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
