package dev.camelbedrock.emulator.core;

/** The four Bedrock services the emulator serves on one port. They decide the status of an error code. */
public enum Service {
    RUNTIME,
    AGENT_RUNTIME,
    CONTROL_PLANE,
    AGENT,
    /** The emulator's own {@code /_emulator/*} admin API. */
    ADMIN
}
