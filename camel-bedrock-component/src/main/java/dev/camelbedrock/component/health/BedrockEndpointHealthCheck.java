package dev.camelbedrock.component.health;

import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.camelbedrock.component.client.BedrockClientSettings;
import dev.camelbedrock.component.client.ClientSettingsCheck;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The readiness of one bedrock endpoint, in Camel's health registry: its SDK clients are built, a region is set or
 * found, and its credentials can be resolved now (the same checks as at startup, run again on each call: a profile
 * removed or an environment emptied since turns it DOWN). The details say where region and credentials come from,
 * never a secret; a configured SDK client bean is the user's to check. No call is sent to Bedrock.
 */
public final class BedrockEndpointHealthCheck implements HealthCheck {

    public static final String GROUP = "camel-bedrock";

    private final String id;
    private final String displayUri;
    private final BedrockClientSettings settings;
    private final boolean ownClient;
    private final BooleanSupplier clientsBuilt;
    private volatile boolean enabled = true;

    /**
     * @param displayUri   the endpoint URI with its secret options masked
     * @param settings     the endpoint's client settings
     * @param ownClient    whether the user configured an SDK client bean
     * @param clientsBuilt whether the endpoint's clients are built (it is started)
     */
    public BedrockEndpointHealthCheck(String displayUri, BedrockClientSettings settings, boolean ownClient,
                                      BooleanSupplier clientsBuilt) {
        this.id = "bedrock:" + displayUri;
        this.displayUri = displayUri;
        this.settings = settings;
        this.ownClient = ownClient;
        this.clientsBuilt = clientsBuilt;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getGroup() {
        return GROUP;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Missing credentials make an endpoint unready, not dead: restarting the application would not bring them. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        result.detail(ENDPOINT_URI, displayUri);
        result.detail("region", settings.region() != null ? settings.region() : "(the SDK's region chain)");
        result.detail("credentials", ownClient ? "(a configured SDK client)" : settings.credentialsSource());
        boolean built = clientsBuilt.getAsBoolean();
        result.detail("clients", ownClient ? "configured" : built ? "built" : "not built");
        if (!built) {
            return result.down().message("the endpoint is not started: its SDK clients are not built").build();
        }
        if (ownClient) {
            return result.up().build();
        }
        try {
            ClientSettingsCheck.checkFormats(settings);
            ClientSettingsCheck.checkResolvable(settings);
        } catch (IllegalArgumentException e) {
            // the checks' messages name options and non-secret values only
            return result.down().message(e.getMessage()).build();
        }
        return result.up().build();
    }
}
