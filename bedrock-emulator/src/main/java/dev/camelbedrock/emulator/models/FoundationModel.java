package dev.camelbedrock.emulator.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One foundation model of the emulator's catalog (the shape of the control plane's FoundationModelSummary). */
public final class FoundationModel {

    private final String modelId;
    private final String modelName;
    private final String providerName;
    private final List<String> inputModalities;
    private final List<String> outputModalities;
    private final boolean responseStreamingSupported;
    private final List<String> customizationsSupported;
    private final List<String> inferenceTypesSupported;
    private final String lifecycleStatus;

    public FoundationModel(String modelId, String modelName, String providerName, List<String> inputModalities,
                           List<String> outputModalities, boolean responseStreamingSupported,
                           List<String> customizationsSupported, List<String> inferenceTypesSupported,
                           String lifecycleStatus) {
        this.modelId = modelId;
        this.modelName = modelName;
        this.providerName = providerName;
        this.inputModalities = List.copyOf(inputModalities);
        this.outputModalities = List.copyOf(outputModalities);
        this.responseStreamingSupported = responseStreamingSupported;
        this.customizationsSupported = List.copyOf(customizationsSupported);
        this.inferenceTypesSupported = List.copyOf(inferenceTypesSupported);
        this.lifecycleStatus = lifecycleStatus;
    }

    static FoundationModel fromJson(JsonNode n) {
        JsonNode lifecycle = n.get("modelLifecycle");
        return new FoundationModel(n.get("modelId").asText(), n.path("modelName").asText(n.get("modelId").asText()),
                n.path("providerName").asText(""), strings(n.get("inputModalities")), strings(n.get("outputModalities")),
                n.path("responseStreamingSupported").asBoolean(false), strings(n.get("customizationsSupported")),
                strings(n.get("inferenceTypesSupported")),
                lifecycle == null ? "ACTIVE" : lifecycle.path("status").asText("ACTIVE"));
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr != null) {
            arr.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    public String modelId() {
        return modelId;
    }

    public String modelName() {
        return modelName;
    }

    public String providerName() {
        return providerName;
    }

    /** The id's provider prefix, e.g. {@code anthropic} for {@code anthropic.claude-3-haiku-20240307-v1:0}. */
    public String providerPrefix() {
        int dot = modelId.indexOf('.');
        return dot < 0 ? modelId : modelId.substring(0, dot);
    }

    public List<String> inputModalities() {
        return inputModalities;
    }

    public List<String> outputModalities() {
        return outputModalities;
    }

    public boolean responseStreamingSupported() {
        return responseStreamingSupported;
    }

    public List<String> customizationsSupported() {
        return customizationsSupported;
    }

    public List<String> inferenceTypesSupported() {
        return inferenceTypesSupported;
    }

    public String lifecycleStatus() {
        return lifecycleStatus;
    }

    /** Whether Converse/ConverseStream accept the model: it generates text and is not a reranker. */
    public boolean supportsConverse() {
        return outputModalities.contains("TEXT") && !modelId.toLowerCase(Locale.ROOT).contains("rerank");
    }

    /** Whether the model may be invoked on demand by its base id (false: only through an inference profile). */
    public boolean onDemandByBaseId() {
        return inferenceTypesSupported.contains("ON_DEMAND") || inferenceTypesSupported.contains("PROVISIONED");
    }

    public String arn(String region) {
        return "arn:aws:bedrock:" + region + "::foundation-model/" + modelId;
    }

    /** The FoundationModelSummary / FoundationModelDetails JSON. */
    public ObjectNode toJson(String region) {
        ObjectNode n = Json.object();
        n.put("modelArn", arn(region));
        n.put("modelId", modelId);
        n.put("modelName", modelName);
        n.put("providerName", providerName);
        n.set("inputModalities", array(inputModalities));
        n.set("outputModalities", array(outputModalities));
        n.put("responseStreamingSupported", responseStreamingSupported);
        n.set("customizationsSupported", array(customizationsSupported));
        n.set("inferenceTypesSupported", array(inferenceTypesSupported));
        n.putObject("modelLifecycle").put("status", lifecycleStatus);
        return n;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = Json.array();
        values.forEach(a::add);
        return a;
    }

    @Override
    public String toString() {
        return modelId;
    }
}
