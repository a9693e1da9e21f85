package dev.camelbedrock.component.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.camelbedrock.component.BedrockComponent;
import dev.camelbedrock.component.BedrockTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each started bedrock endpoint has a readiness check in Camel's health registry: UP with its clients built and its
 * credentials resolvable, DOWN once the credentials are gone, and never a secret in its details or message.
 */
class EndpointHealthCheckTest extends BedrockTestSupport {

    private static Path credentialsFile;
    private static String previousCredentialsFile;

    @BeforeAll
    static void writeAProfile() throws Exception {
        credentialsFile = Files.createTempFile("bedrock-health", ".credentials");
        writeTheTenantProfile();
        previousCredentialsFile = System.getProperty("aws.sharedCredentialsFile");
        System.setProperty("aws.sharedCredentialsFile", credentialsFile.toString());
    }

    /** The profile the endpoint starts with (taken away by one test, put back after each). */
    @AfterEach
    void putTheProfileBack() throws Exception {
        writeTheTenantProfile();
    }

    private static void writeTheTenantProfile() throws Exception {
        Files.writeString(credentialsFile, "[tenant]\naws_access_key_id = AKIDTENANT\naws_secret_access_key = tenant-secret\n");
    }

    @AfterAll
    static void restore() throws Exception {
        if (previousCredentialsFile == null) {
            System.clearProperty("aws.sharedCredentialsFile");
        } else {
            System.setProperty("aws.sharedCredentialsFile", previousCredentialsFile);
        }
        Files.deleteIfExists(credentialsFile);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BedrockComponent withoutKeys = new BedrockComponent();
        withoutKeys.getConfiguration().setEndpointOverride(emulator.uri().toString());
        withoutKeys.getConfiguration().setRegion("us-east-1");
        context.addComponent("bedrockprofile", withoutKeys);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:keys").to("bedrock:converse?modelId=" + MODEL);
                // a component without keys, its endpoint on a profile: the profile is what the test takes away
                from("direct:profile").to("bedrockprofile:embed?modelId=amazon.titan-embed-text-v2:0&profileName=tenant");
            }
        };
    }

    /** The readiness of every bedrock check in the context's health registry. */
    private List<HealthCheck.Result> bedrockReadiness() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        return registry.getCheckIDs().stream().filter(id -> id.startsWith("bedrock:"))
                .map(id -> registry.getCheck(id).orElseThrow().callReadiness()).toList();
    }

    private HealthCheck.Result of(String operation) {
        return bedrockReadiness().stream().filter(r -> r.getCheck().getId().contains("://" + operation + "?"))
                .findFirst().orElseThrow(() -> new AssertionError("no check for " + operation + " in "
                                                                  + HealthCheckRegistry.get(context).getCheckIDs()));
    }

    @Test
    void startedEndpointsAreReadyAndTheirDetailsHoldNoSecret() {
        assertThat(HealthCheckRegistry.get(context).getCheckIDs()).anyMatch(id -> id.startsWith("bedrock:bedrock://converse"));
        HealthCheck.Result keys = of("converse");
        assertThat(keys.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(keys.getDetails()).containsEntry("region", "us-east-1").containsEntry("credentials", "static")
                .containsEntry("clients", "built");
        assertThat(keys.getCheck().isLiveness()).isFalse();
        assertThat(keys.getCheck().getGroup()).isEqualTo("camel-bedrock");

        HealthCheck.Result profile = of("embed");
        assertThat(profile.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(profile.getDetails()).containsEntry("credentials", "profile");

        for (HealthCheck.Result r : bedrockReadiness()) {
            String shown = r.getCheck().getId() + " " + r.getDetails() + " " + r.getMessage().orElse("");
            assertThat(shown).doesNotContain(SECRET_KEY, ACCESS_KEY, "tenant-secret", "AKIDTENANT");
        }
    }

    @Test
    void anEndpointWhoseCredentialsAreGoneIsDown() throws Exception {
        Files.writeString(credentialsFile, "[someone-else]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n");

        HealthCheck.Result profile = of("embed");
        assertThat(profile.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(profile.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("profileName is 'tenant'"));
        assertThat(profile.getDetails().toString() + profile.getMessage().orElse("")).doesNotContain("other-secret", "tenant-secret");
        assertThat(of("converse").getState()).as("the endpoint with static keys is still ready").isEqualTo(HealthCheck.State.UP);

        context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
        for (var e : List.copyOf(context.getEndpoints())) {
            if (e.getEndpointUri().startsWith("bedrock://converse")) {
                context.removeEndpoint(e);
            }
        }
        assertThat(bedrockReadiness()).extracting(r -> r.getCheck().getId()).noneMatch(id -> id.startsWith("bedrock:bedrock://converse"))
                .as("a stopped endpoint leaves the registry");
    }
}
