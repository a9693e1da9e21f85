package dev.camelbedrock.examples;

import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.emulator.BedrockEmulator;

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

    /** A component on the emulator whose SDK does not retry: every fault reaches Camel's error handler. */
    public static BedrockComponent bedrockWithoutSdkRetries(BedrockEmulator emulator) {
        BedrockComponent component = bedrock(emulator);
        component.getConfiguration().setMaxAttempts(1);
        return component;
    }
}
