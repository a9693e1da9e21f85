package dev.camelbedrock.component;

import java.net.URI;

/**
 * A Bedrock-compatible server the component can start in-process when {@code emulator=embedded}. The component knows
 * no implementation: the {@code camel-bedrock-dev-services} module provides one and registers it in
 * {@value #FACTORY_PATH}{@value #FACTORY_KEY}, so the emulator is never on an application's classpath unless that
 * module is added.
 */
public interface BedrockDevBackend extends AutoCloseable {

    /** Where Camel's factory finder looks for the implementation. */
    String FACTORY_PATH = "META-INF/services/dev/camelbedrock/";

    /** The file under {@link #FACTORY_PATH} naming the implementation ({@code class=…}). */
    String FACTORY_KEY = "dev-backend";

    /**
     * Starts the server on loopback with a free port.
     *
     * @param  examples whether to add the example knowledge base and guardrail
     * @return          the base URI every service (runtime, agent runtime, control plane, agent) answers on
     */
    URI start(boolean examples) throws Exception;

    /** What was started, for the startup log line: ids of the example resources, if any. */
    String describe();

    @Override
    void close();
}
