package dev.camelbedrock.catalog;

/**
 * What a model takes in or gives out.
 *
 * <p>{@link #TEXT}, {@link #IMAGE} and {@link #EMBEDDING} mirror the modalities the Bedrock control plane
 * reports ({@code GetFoundationModel}). The others are catalog additions:
 * {@link #DOCUMENT} marks models that accept document blocks (PDF, CSV, DOCX …) through Converse or their
 * native body, {@link #VIDEO} and {@link #AUDIO} mark video and speech input or output.
 */
public enum Modality {
    /** Plain text (prompts, answers). */
    TEXT,
    /** Still images (PNG, JPEG, GIF, WebP) as input, or generated images as output. */
    IMAGE,
    /** Documents (PDF, CSV, DOC/DOCX, XLS/XLSX, HTML, TXT, MD) as input. */
    DOCUMENT,
    /** Video as input, or generated video as output. */
    VIDEO,
    /** Audio or speech as input or output. */
    AUDIO,
    /** Embedding vectors as output. */
    EMBEDDING
}
