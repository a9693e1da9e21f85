package dev.camelbedrock.emulator.core;

import java.util.List;

/**
 * The operations of one feature; the emulator lists its providers once, in {@code BedrockEmulator}.
 */
public interface OperationProvider {

    List<Operation> operations(EmulatorContext context);
}
