package dev.camelbedrock.component.guardrail;

import java.util.regex.Pattern;

import dev.camelbedrock.component.BedrockConfiguration;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;

/**
 * Which guardrail to use: the guardrailIdentifier and guardrailVersion options, each overridable by its header. Both or
 * neither: one without the other is an input error.
 */
public record GuardrailRef(String identifier, String version) {

    private static final Pattern VERSION_NUMBER = Pattern.compile("[1-9][0-9]{0,7}");

    /** The guardrail of this exchange, or null when neither identifier nor version is set. */
    public static GuardrailRef resolve(ExchangeOptions opts, BedrockConfiguration config, String operation) {
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
}
