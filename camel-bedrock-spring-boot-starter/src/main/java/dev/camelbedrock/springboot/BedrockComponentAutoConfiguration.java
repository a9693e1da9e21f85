package dev.camelbedrock.springboot;

import java.util.Map;

import dev.camelbedrock.component.BedrockComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates the {@code bedrock} component bean from the {@code camel.component.bedrock.*} properties. Camel finds a
 * component bean named like its scheme in the registry and uses it for every {@code bedrock:} endpoint. Switched off
 * by {@code camel.component.bedrock.enabled=false}; a user-defined bean named {@code bedrock} wins.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "camel.component.bedrock", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BedrockComponentConfiguration.class)
public class BedrockComponentAutoConfiguration {

    /** The bean name, which is also the scheme it serves. */
    public static final String COMPONENT_NAME = "bedrock";

    @Bean(name = COMPONENT_NAME)
    @ConditionalOnMissingBean(name = COMPONENT_NAME)
    public BedrockComponent bedrockComponent(CamelContext camelContext, BedrockComponentConfiguration configuration) {
        BedrockComponent component = new BedrockComponent(camelContext);
        configure(camelContext, component, configuration.toComponentProperties());
        return component;
    }

    /**
     * Applies options by their component option name through the component's generated configurer, the way Camel
     * applies {@code camel.component.bedrock.*} in camel-main: type conversion, {@code #bean:name} references and
     * property placeholders included; an unknown name fails.
     */
    static void configure(CamelContext camelContext, BedrockComponent component, Map<String, Object> properties) {
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(camelContext)
                .resolvePropertyConfigurer(COMPONENT_NAME + "-component", camelContext);
        PropertyBindingSupport.build()
                .withCamelContext(camelContext)
                .withTarget(component)
                .withConfigurer(configurer)
                .withProperties(new java.util.LinkedHashMap<>(properties))
                .withMandatory(true)
                .withRemoveParameters(false)
                .bind();
    }
}
