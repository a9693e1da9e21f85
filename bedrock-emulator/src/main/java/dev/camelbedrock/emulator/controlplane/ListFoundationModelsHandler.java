package dev.camelbedrock.emulator.controlplane;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.FoundationModel;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /foundation-models?byProvider=&byCustomizationType=&byOutputModality=&byInferenceType=}.
 * {@code byProvider} matches the provider name or the id prefix, case-insensitively ({@code anthropic},
 * {@code Mistral AI}, {@code mistral}).
 */
public final class ListFoundationModelsHandler implements Operation {

    static final List<String> CUSTOMIZATION_TYPES = List.of("FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION");
    static final List<String> OUTPUT_MODALITIES = List.of("TEXT", "IMAGE", "EMBEDDING");
    static final List<String> INFERENCE_TYPES = List.of("ON_DEMAND", "PROVISIONED");
    private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9- ]{1,63}");

    @Override
    public String name() {
        return "ListFoundationModels";
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String path() {
        return "/foundation-models";
    }

    @Override
    public Service service() {
        return Service.CONTROL_PLANE;
    }

    @Override
    public void handle(Exchange ex) {
        String provider = ex.query("byProvider");
        String customization = ex.query("byCustomizationType");
        String modality = ex.query("byOutputModality");
        String inference = ex.query("byInferenceType");
        StringBuilder errors = new StringBuilder();
        int n = 0;
        if (provider != null && !PROVIDER.matcher(provider).matches()) {
            n++;
            errors.append("Value '").append(provider).append("' at 'byProvider' failed to satisfy constraint: ")
                    .append("Member must satisfy regular expression pattern: [A-Za-z0-9- ]{1,63}");
        }
        n += enumCheck(errors, customization, "byCustomizationType", CUSTOMIZATION_TYPES);
        n += enumCheck(errors, modality, "byOutputModality", OUTPUT_MODALITIES);
        n += enumCheck(errors, inference, "byInferenceType", INFERENCE_TYPES);
        if (n > 0) {
            throw ServiceException.validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: " + errors);
        }
        String region = ex.region();
        ObjectNode body = Json.object();
        ArrayNode summaries = body.putArray("modelSummaries");
        for (FoundationModel m : ex.context().catalog().all()) {
            if (provider != null && !m.providerName().equalsIgnoreCase(provider)
                    && !m.providerPrefix().equalsIgnoreCase(provider)
                    && !m.providerName().toLowerCase(Locale.ROOT).replace(" ", "")
                    .equals(provider.toLowerCase(Locale.ROOT).replace(" ", ""))) {
                continue;
            }
            if (customization != null && !m.customizationsSupported().contains(customization)) {
                continue;
            }
            if (modality != null && !m.outputModalities().contains(modality)) {
                continue;
            }
            if (inference != null && !m.inferenceTypesSupported().contains(inference)) {
                continue;
            }
            summaries.add(m.toJson(region));
        }
        ex.sendJson(200, body);
    }

    private static int enumCheck(StringBuilder errors, String value, String name, List<String> allowed) {
        if (value == null || allowed.contains(value)) {
            return 0;
        }
        if (errors.length() > 0) {
            errors.append("; ");
        }
        errors.append("Value '").append(value).append("' at '").append(name)
                .append("' failed to satisfy constraint: Member must satisfy enum value set: ").append(allowed);
        return 1;
    }
}
