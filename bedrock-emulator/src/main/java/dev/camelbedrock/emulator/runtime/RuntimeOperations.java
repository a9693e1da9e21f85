package dev.camelbedrock.emulator.runtime;

import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.OperationProvider;

import java.util.List;

/** bedrock-runtime operations. */
public final class RuntimeOperations implements OperationProvider {

    @Override
    public List<Operation> operations(EmulatorContext context) {
        return List.of(new ConverseHandler(), new ConverseStreamHandler(), new CountTokensHandler());
    }
}
