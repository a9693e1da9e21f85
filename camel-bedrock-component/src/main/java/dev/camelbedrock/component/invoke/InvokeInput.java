package dev.camelbedrock.component.invoke;

import dev.camelbedrock.component.family.ModelFamilyCodec;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;

/**
 * An InvokeModel request built from an exchange.
 *
 * @param request the request (for invokeModelStream it is converted field by field)
 * @param modelId the resolved model
 * @param codec   the family codec that built the body and reads the reply (prompt level), or null for a raw body
 */
public record InvokeInput(InvokeModelRequest request, String modelId, ModelFamilyCodec codec) {

    public boolean raw() {
        return codec == null;
    }
}
