package dev.camelbedrock.component;

/** Where {@code bedrock:} endpoints send their calls: Amazon Bedrock, or a Bedrock emulator started in-process. */
public enum BedrockEmulatorMode {
    /** Amazon Bedrock, with the region and credentials the options or the SDK's default chains give. */
    off,
    /**
     * An emulator started in this JVM on loopback with a free port, dummy credentials and region us-east-1; needs the
     * {@code camel-bedrock-dev-services} dependency.
     */
    embedded
}
