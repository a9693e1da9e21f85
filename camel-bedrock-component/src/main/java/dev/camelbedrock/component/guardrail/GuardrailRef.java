package dev.camelbedrock.component.guardrail;

import java.util.regex.Pattern;

import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;

/**
 * Which guardrail to use: the guardrailIdentifier and guardrailVersion options, each overridable by its header. Both or
 * neither: one without the other is an input error.
 */
public record GuardrailRef(String identifier, String version) {

    private static final Pattern VERSION_NUMBER = Pattern.compile("[1-9][0-9]{0,7}");

    /** The guardrail of this exchange, or null when neither identifier nor version is set. */
    public static GuardrailRef resolve(ExchangeOptions opts, EndpointOptions config, String operation) {
        String id = opts.string(BedrockHeaders.GUARDRAIL_IDENTIFIER, config.getGuardrailIdentifier());
        String version = opts.string(BedrockHeaders.GUARDRAIL_VERSION, config.getGuardrailVersion());
        if (id == null && version == null) {
            return null;
        }
        if (id == null || version == null || id.isBlank() || version.isBlank()) {
            throw new BedrockInputException(operation, null, "a guardrail needs both guardrailIdentifier and guardrailVersion (DRAFT or a"
                    + " number); only " + (id == null || id.isBlank() ? "guardrailVersion" : "guardrailIdentifier") + " is set");
        }
        if (!version.equals("DRAFT") && !VERSION_NUMBER.matcher(version).matches()) {
            throw new BedrockInputException(operation, null, "guardrailVersion is '" + version + "'; accepted: DRAFT or a version number");
        }
        return new GuardrailRef(id, version);
    }

    /** The guardrail the options and headers name, or null; both identifier and version, or neither. */
    public static GuardrailConfiguration converseConfig(ExchangeOptions opts, EndpointOptions config, String operation, String modelId) {
        String id = opts.string(BedrockHeaders.GUARDRAIL_IDENTIFIER, config.getGuardrailIdentifier());
        String version = opts.string(BedrockHeaders.GUARDRAIL_VERSION, config.getGuardrailVersion());
        if (id == null && version == null) {
            if (config.getGuardrailTrace() != null) {
                throw new BedrockInputException(operation, modelId, "guardrailTrace is set but no guardrailIdentifier/guardrailVersion");
            }
            return null;
        }
        if (id == null || version == null) {
            throw new BedrockInputException(operation, modelId, "a guardrail needs both guardrailIdentifier and guardrailVersion; only "
                    + (id == null ? "guardrailVersion" : "guardrailIdentifier") + " is set");
        }
        GuardrailConfiguration.Builder b = GuardrailConfiguration.builder().guardrailIdentifier(id).guardrailVersion(version);
        if (config.getGuardrailTrace() != null) {
            b.trace(config.getGuardrailTrace().toString());
        }
        return b.build();
    }
}
