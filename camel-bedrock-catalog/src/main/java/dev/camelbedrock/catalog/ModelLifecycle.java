package dev.camelbedrock.catalog;

/** The lifecycle status Bedrock reports for a model version ({@code modelLifecycle.status}). */
public enum ModelLifecycle {
    /** Current and supported. */
    ACTIVE,
    /** Legacy: still callable for existing users, scheduled for end of life; prefer a newer version. */
    LEGACY
}
