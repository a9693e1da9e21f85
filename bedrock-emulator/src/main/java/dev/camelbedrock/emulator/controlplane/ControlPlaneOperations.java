package dev.camelbedrock.emulator.controlplane;

import dev.camelbedrock.emulator.core.EmulatorContext;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.OperationProvider;

import java.util.List;

/** bedrock (control plane) operations. */
public final class ControlPlaneOperations implements OperationProvider {

    @Override
    public List<Operation> operations(EmulatorContext context) {
        return List.of(new ListFoundationModelsHandler(), new GetFoundationModelHandler());
    }
}
