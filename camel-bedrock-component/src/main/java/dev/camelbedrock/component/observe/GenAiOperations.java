package dev.camelbedrock.component.observe;

/**
 * The OpenTelemetry GenAI semantic conventions' names for the component's operations ({@code gen_ai.operation.name})
 * and the provider ({@code gen_ai.provider.name}).
 */
public final class GenAiOperations {

    /** {@code gen_ai.provider.name} of every Bedrock call. */
    public static final String PROVIDER = "aws.bedrock";

    private GenAiOperations() {
    }

    /**
     * The well-known {@code gen_ai.operation.name} of a component operation, or null for one that is no GenAI
     * operation (control plane, ingestion, token counting, standalone guardrails).
     */
    public static String of(String operation) {
        return switch (operation) {
            case "converse", "converseStream", "invokeModel", "invokeModelStream" -> "chat";
            case "embed" -> "embeddings";
            case "image" -> "generate_content";
            case "retrieve", "retrieveAndGenerate" -> "retrieval";
            default -> null;
        };
    }

    /** Whether a component operation streams its reply (the time to the first chunk is recorded for these). */
    public static boolean streams(String operation) {
        return operation.equals("converseStream") || operation.equals("invokeModelStream");
    }
}
