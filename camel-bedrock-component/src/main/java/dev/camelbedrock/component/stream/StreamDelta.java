package dev.camelbedrock.component.stream;

/**
 * One piece of a streamed reply.
 *
 * @param type              text, toolUse (a fragment of the tool input JSON), reasoning, or chunk (the JSON of one raw
 *                          invokeModelStream chunk)
 * @param text              the fragment
 * @param contentBlockIndex the content block it belongs to
 * @param toolName          for toolUse fragments, the tool's name
 */
public record StreamDelta(String type, String text, int contentBlockIndex, String toolName) {

    public static final String TEXT = "text";
    public static final String TOOL_USE = "toolUse";
    public static final String REASONING = "reasoning";
    public static final String CHUNK = "chunk";

    /** Whether the delta goes to the iterator body: text and raw chunks do; tool input and reasoning go to streamTo only. */
    public boolean iterated() {
        return TEXT.equals(type) || CHUNK.equals(type);
    }
}
