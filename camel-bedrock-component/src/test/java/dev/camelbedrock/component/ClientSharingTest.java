package dev.camelbedrock.component;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients are built once per distinct configuration, shared, and closed when their last endpoint stops. */
class ClientSharingTest extends BedrockTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").routeId("a").to("bedrock:converse?modelId=" + MODEL);
                from("direct:b").routeId("b").to("bedrock:converseStream?modelId=" + MODEL + "&maxTokens=10");
                from("direct:c").routeId("c").to("bedrock:converse?modelId=" + MODEL + "&httpProtocol=HTTP1_1");
            }
        };
    }

    @Test
    void endpointsWithTheSameClientSettingsShareOneBundle() throws Exception {
        BedrockComponent component = context.getComponent("bedrock", BedrockComponent.class);
        // a and b differ only in converse options: one bundle; c has another HTTP protocol: a second
        assertThat(component.openClientBundles()).isEqualTo(2);
        BedrockEndpoint a = (BedrockEndpoint) context.getRoute("a").getEndpoint().getCamelContext().getEndpoints().stream()
                .filter(e -> e.getEndpointUri().contains("converse?")).findFirst().orElseThrow();
        BedrockEndpoint b = (BedrockEndpoint) context.getEndpoints().stream()
                .filter(e -> e.getEndpointUri().contains("converseStream")).findFirst().orElseThrow();
        assertThat(a.runtimeClient()).isSameAs(b.runtimeClient());

        context.getRouteController().stopRoute("c");
        context.removeRoute("c");
        context.removeEndpoints("bedrock:converse*HTTP1_1*");
        assertThat(component.openClientBundles()).isEqualTo(1);
        assertThat(template.requestBody("direct:a", "still working", String.class)).contains("still working");
    }

    @Test
    void aUserSuppliedClientIsUsedAndNotClosed() throws Exception {
        BedrockRuntimeAsyncClient own = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(emulator.uri()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
        try {
            context.getRegistry().bind("myClient", own);
            BedrockEndpoint endpoint = context.getEndpoint("bedrock:converse?modelId=" + MODEL + "&bedrockRuntimeClient=#myClient",
                    BedrockEndpoint.class);
            endpoint.start();
            assertThat(endpoint.runtimeClient()).isSameAs(own);
            assertThat(template.requestBody(endpoint, "via my client", String.class)).contains("via my client");
            endpoint.stop();
            // still usable: Camel did not close it
            assertThat(own.converse(r -> r.modelId(MODEL).messages(m -> m.role("user").content(c -> c.text("after stop"))))
                    .get().output().message().content().get(0).text()).contains("after stop");
        } finally {
            own.close();
        }
    }
}
