package dev.camelbedrock.component.client;

/** The four Bedrock services the component talks to. All of them sign as "bedrock". */
public enum BedrockService {
    RUNTIME,
    AGENT_RUNTIME,
    CONTROL_PLANE,
    AGENT
}
