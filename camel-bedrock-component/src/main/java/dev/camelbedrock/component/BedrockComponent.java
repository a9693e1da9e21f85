package dev.camelbedrock.component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import dev.camelbedrock.component.options.OptionValue;
import dev.camelbedrock.component.client.BedrockClientSettings;
import dev.camelbedrock.component.client.BedrockClients;
import dev.camelbedrock.component.client.ClientSettingsCheck;
import dev.camelbedrock.component.flow.FlowControl;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code bedrock:} component. Its configuration is the default every endpoint copies, and it owns the SDK
 * clients: one bundle per distinct client configuration, shared by the endpoints that use it and closed when the
 * last of them stops.
 */
@Component("bedrock")
public class BedrockComponent extends DefaultComponent {

    @Metadata(description = "The component configuration: the defaults of every endpoint")
    private BedrockConfiguration configuration = new BedrockConfiguration();

    /**
     * Where every bedrock: endpoint sends its calls. off: Amazon Bedrock. embedded: a Bedrock emulator started in this
     * JVM on the first endpoint, on loopback with a free port, dummy credentials and region us-east-1; every endpoint's
     * endpoint override points at it and a startup log line says so. For development and tests without an AWS
     * account; needs the dependency dev.camelbedrock:camel-bedrock-dev-services. Refused when credentials (accessKey,
     * secretKey, sessionToken, profileName, roleArn, apiKey) are also configured, on the component or an endpoint.
     */
    @Metadata(label = "advanced", defaultValue = "off")
    private BedrockEmulatorMode emulator = BedrockEmulatorMode.off;

    /**
     * With emulator=embedded: also create the example knowledge base KBEXAMPLE1 (three short documents on returns,
     * shipping and warranty) and the guardrail exampleguard (version DRAFT, anonymizes e-mail addresses and phone
     * numbers) in the emulator.
     */
    @Metadata(label = "advanced", defaultValue = "false")
    private boolean emulatorExamples;

    private final EmbeddedEmulator embeddedEmulator = new EmbeddedEmulator();

    private final Map<BedrockClientSettings, SharedClients> clients = new HashMap<>();
    private static final int MAX_REMEMBERED_SETTINGS = 1000;

    private final Set<BedrockClientSettings> resolvableSettings = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService flowScheduler;

    public BedrockComponent() {
    }

    public BedrockComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BedrockConfiguration config = configuration != null ? configuration.copy() : new BedrockConfiguration();
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("The bedrock: URI needs an operation, e.g. bedrock:converse. Accepted: "
                                               + java.util.Arrays.toString(BedrockOperation.values()));
        }
        config.setOperation(BedrockOperation.fromName(remaining));
        checkNumbers(uri, parameters);
        if (emulator == BedrockEmulatorMode.embedded) {
            embeddedEmulator.pointAt(getCamelContext(), config, uri, emulatorExamples);
        }
        BedrockEndpoint endpoint = new BedrockEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        if (emulator == BedrockEmulatorMode.embedded) {
            embeddedEmulator.checkEndpoint(config, uri);
        }
        return endpoint;
    }

    /**
     * Camel reads a String given to an int option as a duration pattern when it is no number ({@code maxTokens=abc}
     * would become -1, {@code 1.5} 1): numbers in URIs are parsed strictly here, so the error quotes what the user wrote.
     * Options of primitive {@code long} type are durations and keep Camel's patterns ({@code 30s}). Enum options are
     * checked here too, so that a misspelt value names the accepted ones.
     */
    private static void checkNumbers(String uri, Map<String, Object> parameters) {
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            if (!(p.getValue() instanceof String text)) {
                continue;
            }
            Class<?> type = OPTION_TYPES.getOptionType(p.getKey(), true);
            if (type != null && type.isEnum()) {
                p.setValue(enumValue(uri, p.getKey(), text, type));
                continue;
            }
            String accepted = type == Integer.class || type == int.class || type == Long.class ? "a whole number"
                    : type == Float.class || type == float.class || type == Double.class || type == double.class ? "a number"
                    : null;
            if (accepted == null) {
                continue;
            }
            try {
                if (accepted.equals("a number")) {
                    Double.parseDouble(text.trim());
                } else if (type == Long.class) {
                    Long.parseLong(text.trim());
                } else {
                    Integer.parseInt(text.trim());
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Endpoint " + SecretOptions.mask(uri) + ": option " + p.getKey() + " is '"
                                                   + (SecretOptions.isSecret(p.getKey()) ? SecretOptions.MASK : text)
                                                   + "'; accepted: " + accepted + (type == int.class || type == Integer.class
                                                           ? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : ""));
            }
        }
    }

    /** The constant an enum option names, so that a misspelt value fails here listing the accepted ones. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Enum<?> enumValue(String uri, String option, String text, Class<?> type) {
        try {
            return OptionValue.parse((Class) type, option, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Endpoint " + SecretOptions.mask(uri) + ": " + e.getMessage(), e);
        }
    }

    private static final BedrockEndpointConfigurer OPTION_TYPES = new BedrockEndpointConfigurer();

    public BedrockConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BedrockConfiguration configuration) {
        this.configuration = configuration;
    }

    public BedrockEmulatorMode getEmulator() {
        return emulator;
    }

    public void setEmulator(BedrockEmulatorMode emulator) {
        this.emulator = emulator;
    }

    public boolean isEmulatorExamples() {
        return emulatorExamples;
    }

    public void setEmulatorExamples(boolean emulatorExamples) {
        this.emulatorExamples = emulatorExamples;
    }

    /** The shared clients for these settings; every call must be paired with {@link #releaseClients}. */
    synchronized BedrockClients acquireClients(BedrockClientSettings settings) {
        SharedClients shared = clients.computeIfAbsent(settings, s -> new SharedClients(new BedrockClients(s)));
        shared.users++;
        return shared.clients;
    }

    synchronized void releaseClients(BedrockClientSettings settings) {
        SharedClients shared = clients.get(settings);
        if (shared != null && --shared.users <= 0) {
            clients.remove(settings);
            shared.clients.close();
        }
    }

    /**
     * Resolves the region and credentials of these settings once: the first endpoint with them pays for reading the
     * environment (and perhaps instance metadata), dynamic endpoints with the same settings do not.
     */
    void checkResolvable(BedrockClientSettings settings) {
        if (!resolvableSettings.contains(settings)) {
            ClientSettingsCheck.checkResolvable(settings);
            if (resolvableSettings.size() >= MAX_REMEMBERED_SETTINGS) {
                resolvableSettings.clear(); // bounded like Camel's endpoint cache: many tenants' keys must not pile up
            }
            resolvableSettings.add(settings);
        }
    }

    /** How many client bundles are open; for tests and diagnostics. */
    public synchronized int openClientBundles() {
        return clients.size();
    }

    /** Where requests delayed by rate control, or parked for an in-flight slot, resume: shared by the endpoints. */
    synchronized ScheduledExecutorService flowScheduler() {
        if (flowScheduler == null) {
            flowScheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, FlowControl.SCHEDULER_NAME, 2);
        }
        return flowScheduler;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        RouteDumpMasking.install(getCamelContext());
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (flowScheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(flowScheduler);
            flowScheduler = null;
        }
        clients.values().forEach(s -> s.clients.close());
        clients.clear();
        embeddedEmulator.stop();
        super.doStop();
    }

    private static final class SharedClients {
        final BedrockClients clients;
        int users;

        SharedClients(BedrockClients clients) {
            this.clients = clients;
        }
    }
}
