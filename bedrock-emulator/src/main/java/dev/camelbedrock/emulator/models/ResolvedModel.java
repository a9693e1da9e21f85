package dev.camelbedrock.emulator.models;

/**
 * A model identifier from a request, resolved: its kind and, when known, the catalog model behind it.
 * Opaque ARNs (provisioned models, application inference profiles) may have no catalog model.
 */
public final class ResolvedModel {

    /** The form of the identifier. */
    public enum Kind {
        BASE_ID,
        CROSS_REGION_PROFILE_ID,
        FOUNDATION_MODEL_ARN,
        INFERENCE_PROFILE_ARN,
        APPLICATION_INFERENCE_PROFILE_ARN,
        PROVISIONED_MODEL_ARN,
        OTHER_ARN
    }

    private final String requested;
    private final Kind kind;
    private final FoundationModel model;
    private final String region;

    public ResolvedModel(String requested, Kind kind, FoundationModel model, String region) {
        this.requested = requested;
        this.kind = kind;
        this.model = model;
        this.region = region;
    }

    /** The id exactly as the client sent it (percent-decoded). */
    public String requested() {
        return requested;
    }

    public Kind kind() {
        return kind;
    }

    /** The catalog model, or {@code null} for an opaque ARN. */
    public FoundationModel model() {
        return model;
    }

    /** The base model id, or {@code null} for an opaque ARN. */
    public String baseId() {
        return model == null ? null : model.modelId();
    }

    /** The region from an ARN, or {@code null}. */
    public String region() {
        return region;
    }

    /** Whether the id went through an inference profile or a provisioned model (not the bare base id). */
    public boolean viaProfileOrProvisioned() {
        return kind != Kind.BASE_ID && kind != Kind.FOUNDATION_MODEL_ARN;
    }

    @Override
    public String toString() {
        return requested + " (" + kind + (model == null ? "" : " → " + model.modelId()) + ")";
    }
}
