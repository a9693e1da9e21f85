package dev.camelbedrock.emulator.core;

import java.util.List;

/**
 * Service-provider interface ({@code META-INF/services/dev.camelbedrock.emulator.core.OperationProvider}):
 * contributes operations to every emulator instance. New capabilities (InvokeModel families, embeddings,
 * knowledge bases, ...) register their handlers here without touching the core.
 */
public interface OperationProvider {

    List<Operation> operations(EmulatorContext context);
}
