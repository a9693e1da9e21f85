package dev.camelbedrock.run;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.component.kamelet.KameletComponent;

/**
 * The {@code kamelet} component, with the properties of a {@code kind: Pipe} arriving as written. Camel 4.18's YAML DSL
 * URL-encodes a Pipe's properties into the {@code kamelet:} URIs it builds, and the Kamelet component, which reads raw
 * URIs, never decodes them: {@code modelId: anthropic.claude-3-haiku-20240307-v1:0} reached the Kamelet as
 * {@code …v1%3A0}, {@code bootstrapServers: host:9092} as {@code host%3A9092}, a space as {@code +}. Later Camel lines
 * stop encoding there, so the decoding is limited to the 4.18 line; {@code RAW(…)} values are left alone.
 */
public class PipeKameletComponent extends KameletComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (encodesPipeProperties(getCamelContext().getVersion())) {
            parameters.replaceAll((name, value) -> value instanceof String text && !text.startsWith("RAW(")
                    ? URLDecoder.decode(text, StandardCharsets.UTF_8) : value);
        }
        return super.createEndpoint(uri, remaining, parameters);
    }

    /** Whether this Camel version's YAML DSL URL-encodes a Pipe's properties into kamelet: URIs. */
    static boolean encodesPipeProperties(String camelVersion) {
        return camelVersion.startsWith("4.18.");
    }
}
