package dev.camelbedrock.component;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.camelbedrock.component.error.BedrockConfigurationException;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's side of {@code emulator=embedded}: starts the backend once, on the first endpoint, points each
 * endpoint's configuration at it with dummy credentials, and refuses credentials configured explicitly, which would
 * mean the user expects Amazon Bedrock.
 */
final class EmbeddedEmulator {

    static final String REGION = "us-east-1";
    static final String DUMMY_KEY = "embedded-emulator";

    private static final Logger LOG = LoggerFactory.getLogger(BedrockComponent.class);

    private BedrockDevBackend backend;
    private URI uri;

    /** Starts the backend if not yet running, and sets endpoint override, region and dummy keys on this copy. */
    synchronized void pointAt(CamelContext context, BedrockConfiguration config, String endpointUri, boolean examples) {
        List<String> explicit = explicitCredentials(config);
        if (!explicit.isEmpty()) {
            throw refused(endpointUri, config, explicit);
        }
        if (backend == null) {
            BedrockDevBackend found = context.getCamelContextExtension()
                    .getFactoryFinder(BedrockDevBackend.FACTORY_PATH)
                    .newInstance(BedrockDevBackend.FACTORY_KEY, BedrockDevBackend.class)
                    .orElseThrow(() -> new BedrockConfigurationException(SecretOptions.mask(endpointUri), operation(config),
                            "emulator=embedded needs the dependency dev.camelbedrock:camel-bedrock-dev-services on the"
                            + " classpath, which starts the emulator; add it, or set emulator=off to call Amazon Bedrock",
                            null));
            try {
                uri = found.start(examples);
            } catch (Exception e) {
                found.close();
                throw new BedrockConfigurationException(SecretOptions.mask(endpointUri), operation(config),
                        "emulator=embedded could not start the emulator: " + e.getMessage(), e);
            }
            backend = found;
            LOG.info("Every bedrock: endpoint calls the embedded Bedrock emulator at {} ({}), not Amazon Bedrock. To call"
                     + " AWS, remove camel.component.bedrock.emulator=embedded (or set it to off) and give a region and"
                     + " credentials (options or the SDK's default chains).", uri, backend.describe());
        }
        config.setEndpointOverride(uri.toString());
        config.setRegion(REGION);
        config.setAccessKey(DUMMY_KEY);
        config.setSecretKey(DUMMY_KEY);
    }

    /** After the endpoint's own options are set: an endpoint must not bring credentials of its own either. */
    void checkEndpoint(BedrockConfiguration config, String endpointUri) {
        List<String> explicit = explicitCredentials(config);
        if (!explicit.isEmpty()) {
            throw refused(endpointUri, config, explicit);
        }
    }

    synchronized void stop() {
        if (backend != null) {
            backend.close();
            backend = null;
            uri = null;
        }
    }

    /** The credential options set to anything but the dummy keys this class sets; names only, never values. */
    private static List<String> explicitCredentials(BedrockConfiguration config) {
        List<String> names = new ArrayList<>();
        if (config.getAccessKey() != null && !DUMMY_KEY.equals(config.getAccessKey())) {
            names.add("accessKey");
        }
        if (config.getSecretKey() != null && !DUMMY_KEY.equals(config.getSecretKey())) {
            names.add("secretKey");
        }
        addIfSet(names, "sessionToken", config.getSessionToken());
        addIfSet(names, "profileName", config.getProfileName());
        addIfSet(names, "roleArn", config.getRoleArn());
        addIfSet(names, "apiKey", config.getApiKey());
        return names;
    }

    private static void addIfSet(List<String> names, String name, String value) {
        if (value != null) {
            names.add(name);
        }
    }

    private static BedrockConfigurationException refused(String endpointUri, BedrockConfiguration config, List<String> names) {
        return new BedrockConfigurationException(SecretOptions.mask(endpointUri), operation(config),
                "emulator=embedded sends every call to the in-process emulator, but AWS credentials are configured"
                + " explicitly (" + String.join(", ", names) + "); remove them to use the emulator, or set emulator=off"
                + " to call Amazon Bedrock with them", null);
    }

    private static String operation(BedrockConfiguration config) {
        return config.getOperation() != null ? config.getOperation().name() : null;
    }
}
