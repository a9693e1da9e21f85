package dev.camelbedrock.emulator.invoke;

import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.OperationProvider;

import java.util.List;

/** bedrock-runtime InvokeModel and InvokeModelWithResponseStream for every model family. */
public final class InvokeOperations implements OperationProvider {

    @Override
    public List<Operation> operations(EmulatorContext context) {
        return List.of(new InvokeModelHandler(), new InvokeModelStreamHandler());
    }
}
