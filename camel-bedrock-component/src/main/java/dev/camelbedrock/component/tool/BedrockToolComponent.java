package dev.camelbedrock.component.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;

/** The {@code bedrock-tool:} component: routes that are tools of the {@code bedrock:converse} tool loop. */
@Component("bedrock-tool")
public class BedrockToolComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("The bedrock-tool: URI needs a tool name, e.g."
                    + " bedrock-tool:get_order_status?description=...&parameter.order_id=string");
        }
        ToolSchemas.requireToolName(remaining);
        BedrockToolEndpoint endpoint = new BedrockToolEndpoint(uri, this, remaining);
        Map<String, Object> declared = PropertiesHelper.extractProperties(parameters, "parameter.");
        if (!declared.isEmpty()) {
            Map<String, String> asText = new LinkedHashMap<>();
            declared.forEach((k, v) -> asText.put(k, v == null ? null : v.toString()));
            endpoint.setParameters(asText);
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
