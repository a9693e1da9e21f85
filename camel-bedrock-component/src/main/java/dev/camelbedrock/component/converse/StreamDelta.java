package dev.camelbedrock.component.converse;

/**
 * One piece of a streamed reply.
 *
 * @param type              text, toolUse (a fragment of the tool input JSON) or reasoning
 * @param text              the fragment
 * @param contentBlockIndex the content block it belongs to
 * @param toolName          for toolUse fragments, the tool's name
 */
public record StreamDelta(String type, String text, int contentBlockIndex, String toolName) {

    public static final String TEXT = "text";
    public static final String TOOL_USE = "toolUse";
    public static final String REASONING = "reasoning";
}
