package dev.camelbedrock.component.tool;

import org.apache.camel.spi.Metadata;

/**
 * The headers a tool route receives, beside one header per argument (named like the parameter) and the arguments as a
 * Map in the body.
 */
public final class BedrockToolHeaders {

    @Metadata(label = "consumer", description = "The name of the tool the model called.", javaType = "String")
    public static final String TOOL_NAME = "CamelBedrockToolName";

    @Metadata(label = "consumer", description = "The id Bedrock gave this tool call (toolUseId); the result answers it.",
              javaType = "String")
    public static final String TOOL_USE_ID = "CamelBedrockToolUseId";

    private BedrockToolHeaders() {
    }
}
