package dev.camelbedrock.component.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Refuses, when an endpoint starts, client settings that could never make a call: a malformed endpoint override, an
 * unknown region, no region at all, half a key pair, a profile that does not exist, no credentials in the default
 * chain. Each message names the option, the value given (never a secret's) and what is accepted, so that the route
 * fails at startup instead of every exchange failing later as if it were a network problem.
 */
public final class ClientSettingsCheck {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Set<String> KNOWN_REGIONS = Region.regions().stream().map(Region::id).collect(Collectors.toSet());

    private ClientSettingsCheck() {
    }

    /** The checks that need no I/O: formats of the overrides and the region, the key pair. */
    public static void checkFormats(BedrockClientSettings s) {
        checkOverride("endpointOverride", s.endpointOverride());
        checkOverride("runtimeEndpointOverride", s.runtimeEndpointOverride());
        checkOverride("agentRuntimeEndpointOverride", s.agentRuntimeEndpointOverride());
        checkOverride("controlPlaneEndpointOverride", s.controlPlaneEndpointOverride());
        checkOverride("agentEndpointOverride", s.agentEndpointOverride());
        if (s.region() != null) {
            if (!REGION.matcher(s.region()).matches()) {
                throw new IllegalArgumentException("region is '" + s.region() + "'; accepted: an AWS region id such as us-east-1");
            }
            if (!hasOverride(s) && !KNOWN_REGIONS.contains(s.region())) {
                throw new IllegalArgumentException("region is '" + s.region() + "', which is not an AWS region; accepted: a region"
                                                   + " id such as us-east-1 or eu-central-1 (any well-formed id with an endpointOverride)");
            }
        }
        if ((s.accessKey() == null) != (s.secretKey() == null)) {
            throw new IllegalArgumentException("static credentials need both accessKey and secretKey, and only "
                                               + (s.accessKey() != null ? "accessKey" : "secretKey") + " is set");
        }
        if (s.sessionToken() != null && s.accessKey() == null) {
            throw new IllegalArgumentException("sessionToken is set without accessKey and secretKey; set all three"
                                               + " (temporary credentials) or none");
        }
    }

    /**
     * The checks that read the environment (region and credential chains, profile files): run once per distinct
     * settings, when the first endpoint with them starts.
     */
    public static void checkResolvable(BedrockClientSettings s) {
        if (s.region() == null) {
            try {
                new DefaultAwsRegionProviderChain().getRegion();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("no region is set and the SDK's region chain found none; set the region"
                                                   + " option (e.g. region=us-east-1), the AWS_REGION environment variable,"
                                                   + " or a region in the profile");
            }
        }
        if (s.profileName() != null && s.accessKey() == null
            && ProfileFile.defaultProfileFile().profile(s.profileName()).isEmpty()) {
            throw new IllegalArgumentException("profileName is '" + s.profileName() + "', which is not a profile of the shared"
                                               + " AWS config and credentials files; accepted: a profile those files define"
                                               + " (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name other files)");
        }
        boolean defaultChain = s.accessKey() == null && s.profileName() == null && s.apiKey() == null && s.roleArn() == null;
        if (defaultChain && System.getenv("AWS_BEARER_TOKEN_BEDROCK") == null) {
            try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
                chain.resolveCredentials();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("no credentials: none of the options accessKey/secretKey, profileName,"
                                                   + " roleArn or apiKey is set, and the SDK's default credentials chain"
                                                   + " (environment, system properties, web identity, profile, container,"
                                                   + " instance metadata) found none");
            }
        }
    }

    private static void checkOverride(String option, String value) {
        if (value == null) {
            return;
        }
        String accepted = "; accepted: an absolute http:// or https:// URI with a host, such as http://127.0.0.1:4566";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is '" + value + "', which is not a URI" + accepted);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " is '" + value + "'" + accepted);
        }
    }

    private static boolean hasOverride(BedrockClientSettings s) {
        return s.endpointOverride() != null || s.runtimeEndpointOverride() != null || s.agentRuntimeEndpointOverride() != null
               || s.controlPlaneEndpointOverride() != null || s.agentEndpointOverride() != null;
    }
}
