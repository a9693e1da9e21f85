package dev.camelbedrock.component.client;

import dev.camelbedrock.component.options.EndpointOptions;

/**
 * The part of a configuration that decides how SDK clients are built. Endpoints whose settings are equal share one
 * {@link BedrockClients} bundle. {@link #toString()} never prints secret values.
 */
public record BedrockClientSettings(
        String region,
        String accessKey, String secretKey, String sessionToken, String profileName,
        String roleArn, String roleSessionName, String roleExternalId, String apiKey,
        String endpointOverride, String runtimeEndpointOverride, String agentRuntimeEndpointOverride,
        String controlPlaneEndpointOverride, String agentEndpointOverride,
        String httpProtocol, int maxConcurrency, long connectionTimeout, long readTimeout,
        long apiCallTimeout, long apiCallAttemptTimeout, String retryMode, int maxAttempts,
        String proxyHost, Integer proxyPort, String proxyProtocol, String proxyUsername, String proxyPassword,
        long connectionAcquisitionTimeout, long connectionMaxIdleTime, boolean tcpKeepAlive, long http2MaxStreams) {

    public static BedrockClientSettings of(EndpointOptions c) {
        return new BedrockClientSettings(
                c.getRegion(), c.getAccessKey(), c.getSecretKey(), c.getSessionToken(), c.getProfileName(),
                c.getRoleArn(), c.getRoleSessionName(), c.getRoleExternalId(), c.getApiKey(),
                c.getEndpointOverride(), c.getRuntimeEndpointOverride(), c.getAgentRuntimeEndpointOverride(),
                c.getControlPlaneEndpointOverride(), c.getAgentEndpointOverride(),
                text(c.getHttpProtocol()), c.getMaxConcurrency(), c.getConnectionTimeout(), c.getReadTimeout(),
                c.getApiCallTimeout(), c.getApiCallAttemptTimeout(), text(c.getRetryMode()), c.getMaxAttempts(),
                c.getProxyHost(), c.getProxyPort(), text(c.getProxyProtocol()), c.getProxyUsername(), c.getProxyPassword(),
                c.getConnectionAcquisitionTimeout(), c.getConnectionMaxIdleTime(), c.isTcpKeepAlive(), c.getHttp2MaxStreams());
    }

    /** The endpoint override of one service: its own override first, then the shared one. */
    String overrideFor(BedrockService service) {
        String own = switch (service) {
            case RUNTIME -> runtimeEndpointOverride;
            case AGENT_RUNTIME -> agentRuntimeEndpointOverride;
            case CONTROL_PLANE -> controlPlaneEndpointOverride;
            case AGENT -> agentEndpointOverride;
        };
        return own != null ? own : endpointOverride;
    }

    @Override
    public String toString() {
        return "BedrockClientSettings[region=" + region + ", credentials=" + credentialsSource()
               + ", endpointOverride=" + endpointOverride
               + ", httpProtocol=" + httpProtocol + ", maxConcurrency=" + maxConcurrency + "]";
    }

    /** Where the credentials come from, never what they are: api-key, static, profile or default-chain (+assume-role). */
    public String credentialsSource() {
        return (apiKey != null ? "api-key" : accessKey != null ? "static" : profileName != null ? "profile" : "default-chain")
               + (roleArn != null ? "+assume-role" : "");
    }

    /** An enum option as the SDK builders take it, or null when unset. */
    private static String text(Enum<?> option) {
        return option == null ? null : option.toString();
    }
}
