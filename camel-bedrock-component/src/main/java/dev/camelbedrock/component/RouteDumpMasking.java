package dev.camelbedrock.component;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.spi.ModelToXMLDumper;
import org.apache.camel.spi.ModelToYAMLDumper;

/**
 * Camel's route dumps ({@code camel.main.dumpRoutes}, JMX and tooling) print endpoint URIs as written, keys included.
 * This wraps the context's YAML and XML dumpers so that the value of every secret option is masked in what they
 * return — in URIs (query form, RAW values, XML-escaped) and in the YAML parameters form alike.
 */
final class RouteDumpMasking {

    private static final String NAMES = String.join("|", new BedrockEndpointUriFactory().secretPropertyNames());
    /** A secret option in a URI: after ?, & or &amp;, up to the next parameter, quote or white space. */
    private static final Pattern IN_URI = Pattern.compile(
            "((?:[?&]|&amp;)(?:" + NAMES + ")=)(RAW\\(.*?\\)(?=&|\"|'|\\s|$)|RAW\\{.*?\\}(?=&|\"|'|\\s|$)|[^&\"'\\s<]*)",
            Pattern.MULTILINE);
    /** A secret option as a YAML parameter line. */
    private static final Pattern AS_PARAMETER = Pattern.compile("^(\\s*(?:" + NAMES + "):)[ \\t]*\\S.*$", Pattern.MULTILINE);

    private RouteDumpMasking() {
    }

    /** Wraps the context's dumpers once; a dumper that is not on the classpath is left absent. */
    static void install(CamelContext context) {
        ExtendedCamelContext ext = context.getCamelContextExtension();
        ModelToYAMLDumper yaml = plugin(ext, ModelToYAMLDumper.class);
        if (yaml != null && !(yaml instanceof MaskedYaml)) {
            ext.addContextPlugin(ModelToYAMLDumper.class, new MaskedYaml(yaml));
        }
        ModelToXMLDumper xml = plugin(ext, ModelToXMLDumper.class);
        if (xml != null && !(xml instanceof MaskedXml)) {
            ext.addContextPlugin(ModelToXMLDumper.class, new MaskedXml(xml));
        }
    }

    static String mask(String dump) {
        if (dump == null) {
            return null;
        }
        String masked = IN_URI.matcher(dump).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + SecretOptions.MASK));
        return AS_PARAMETER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + SecretOptions.MASK));
    }

    private static <T> T plugin(ExtendedCamelContext ext, Class<T> type) {
        try {
            return ext.getContextPlugin(type);
        } catch (RuntimeException e) {
            return null; // camel-yaml-io / camel-xml-io absent: Camel cannot dump in that format at all
        }
    }

    private record MaskedYaml(ModelToYAMLDumper dumper) implements ModelToYAMLDumper {
        @Override
        public String dumpModelAsYaml(CamelContext context, NamedNode definition) throws Exception {
            return mask(dumper.dumpModelAsYaml(context, definition));
        }

        @Override
        public String dumpModelAsYaml(CamelContext context, NamedNode definition, boolean resolvePlaceholders,
                                      boolean uriAsParameters, boolean generatedIds, boolean sourceLocation) throws Exception {
            return mask(dumper.dumpModelAsYaml(context, definition, resolvePlaceholders, uriAsParameters, generatedIds, sourceLocation));
        }

        @Override
        public String dumpBeansAsYaml(CamelContext context, List<Object> beans) throws Exception {
            return mask(dumper.dumpBeansAsYaml(context, beans));
        }

        @Override
        public String dumpDataFormatsAsYaml(CamelContext context, Map<String, Object> dataFormats) throws Exception {
            return mask(dumper.dumpDataFormatsAsYaml(context, dataFormats));
        }
    }

    private record MaskedXml(ModelToXMLDumper dumper) implements ModelToXMLDumper {
        @Override
        public String dumpModelAsXml(CamelContext context, NamedNode definition) throws Exception {
            return mask(dumper.dumpModelAsXml(context, definition));
        }

        @Override
        public String dumpModelAsXml(CamelContext context, NamedNode definition, boolean resolvePlaceholders,
                                     boolean generatedIds, boolean sourceLocation) throws Exception {
            return mask(dumper.dumpModelAsXml(context, definition, resolvePlaceholders, generatedIds, sourceLocation));
        }

        @Override
        public String dumpBeansAsXml(CamelContext context, List<Object> beans) throws Exception {
            return mask(dumper.dumpBeansAsXml(context, beans));
        }

        @Override
        public String dumpDataFormatsAsXml(CamelContext context, Map<String, Object> dataFormats) throws Exception {
            return mask(dumper.dumpDataFormatsAsXml(context, dataFormats));
        }
    }
}
