package dev.camelbedrock.benchmarks.subject;

import java.util.Map;

import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.component.BedrockConfiguration;
import dev.camelbedrock.component.BedrockEndpoint;
import dev.camelbedrock.component.BedrockEndpointConfigurer;
import dev.camelbedrock.component.BedrockOperation;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PropertyConfigurer;

/**
 * A what-if, off by default ({@code -Dbench.whatif.cachedEndpointUri=true}, written into the report): the
 * {@code bedrock:} component unchanged except that each endpoint masks its URI once instead of on every
 * {@code getEndpointUri()} call. Camel's {@code SendProcessor} reads the endpoint URI for every exchange, and the
 * then-shipped {@code BedrockEndpoint.getEndpointUri()} ran {@code URISupport.sanitizeUri} (regular expressions) each
 * time; the P1 profile (BENCHMARKS.md) put half of the route's sending-thread samples there. This subject measured
 * what caching it would give before the fix was made in the component; it is kept to reproduce that sizing run.
 */
public final class WhatIfCachedUriComponent extends BedrockComponent {

    public static final String PROPERTY = "bench.whatif.cachedEndpointUri";

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The generated configurer of the real endpoint (a subclass is not found by name). */
    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return new BedrockEndpointConfigurer();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BedrockConfiguration config = getConfiguration().copy();
        config.setOperation(BedrockOperation.fromName(remaining));
        BedrockEndpoint endpoint = new BedrockEndpoint(uri, this, config) {
            private String masked;

            @Override
            public String getEndpointUri() {
                String m = masked;
                if (m == null) {
                    m = super.getEndpointUri();
                    masked = m;
                }
                return m;
            }
        };
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
