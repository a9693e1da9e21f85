package dev.camelbedrock.examples;

import dev.camelbedrock.emulator.BedrockEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs every example route once and prints what it got. By default it starts the Bedrock emulator in-process and
 * points the component at it (no AWS account, no network). With {@code -Dbedrock.examples.aws=true} (or the
 * environment variable {@code BEDROCK_EXAMPLES_AWS=true}) it calls Amazon Bedrock instead, with the region and
 * credentials of the SDK's default chain.
 */
public final class ExamplesMain {

    private ExamplesMain() {
    }

    /** The emulator the examples use offline, with scripted answers so the output reads like a model's. */
    public static BedrockEmulator startEmulator() throws java.io.IOException {
        try (var rules = ExamplesMain.class.getResourceAsStream("/emulator-rules.json")) {
            return BedrockEmulator.builder().port(0)
                    .config(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rules))
                    .build().start();
        }
    }

    public static void main(String[] args) throws Exception {
        boolean aws = Boolean.parseBoolean(System.getProperty("bedrock.examples.aws", System.getenv("BEDROCK_EXAMPLES_AWS")));
        BedrockEmulator emulator = null;
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        main.configure().addRoutesBuilder(new StreamingChatRoutes());
        main.addInitialProperty("bedrock.chat-model", System.getProperty("bedrock.chat-model",
                aws ? "us.amazon.nova-lite-v1:0" : "anthropic.claude-3-haiku-20240307-v1:0"));
        if (!aws) {
            emulator = startEmulator();
            System.out.println("Using the embedded Bedrock emulator at " + emulator.uri()
                               + " (set -Dbedrock.examples.aws=true to call AWS)");
            main.addInitialProperty("camel.component.bedrock.endpoint-override", emulator.uri().toString());
            main.addInitialProperty("camel.component.bedrock.region", "us-east-1");
            main.addInitialProperty("camel.component.bedrock.access-key", "emulator");
            main.addInitialProperty("camel.component.bedrock.secret-key", "emulator");
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(org.apache.camel.main.BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                try (ProducerTemplate template = context.createProducerTemplate()) {
                    String answer = template.requestBody("direct:yaml-chat",
                            "In one sentence: what does Apache Camel do?", String.class);
                    System.out.println("[yaml-chat] " + answer);
                    System.out.print("[java-streaming-chat] ");
                    template.requestBody("direct:java-stream", "Write three short lines about message routing.");
                } catch (Exception e) {
                    System.err.println("Example failed: " + e);
                    e.printStackTrace();
                    System.exit(1);
                } finally {
                    main.completed();
                }
            }
        });
        try {
            main.run(args);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }
}
