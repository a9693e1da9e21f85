package dev.camelbedrock.component;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.emulator.BedrockEmulator;
import dev.camelbedrock.emulator.Rule;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs routes against an in-process emulator through the real SDK over loopback. The component is configured the way
 * users point it at the emulator: endpointOverride plus static keys, which the emulator verifies (strict mode: SigV4
 * signatures are checked against these keys, as the service does).
 */
public abstract class BedrockTestSupport extends CamelTestSupport {

    protected static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    protected static final String ACCESS_KEY = "AKIDTESTTEST";
    protected static final String SECRET_KEY = "test-secret";
    protected static BedrockEmulator emulator;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = BedrockEmulator.builder().port(0)
                .rule(Rule.when("(?i)weather in paris").toolUse("get_weather", "{\"city\":\"Paris\"}"))
                // the emulator checks that a guardrail exists; ConverseTest sends this one
                .guardrail("gr1abc", new ObjectMapper().readTree("{\"name\":\"camel-test\",\"blockedInputMessaging\":\"Blocked.\","
                        + "\"blockedOutputsMessaging\":\"Blocked.\",\"wordPolicyConfig\":{\"wordsConfig\":[{\"text\":\"forbidden\"}]}}"))
                // strict mode: every request must be signed with one of these keys (or carry this API key)
                .strictAuth(ACCESS_KEY, SECRET_KEY)
                .strictAuth(SecretsTest.ACCESS_KEY, SecretsTest.SECRET_KEY)
                .apiKey(SecretsTest.API_KEY)
                .build().start();
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void resetEmulator() {
        emulator.stats().reset();
        emulator.faults().clear();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        BedrockComponent bedrock = new BedrockComponent();
        bedrock.getConfiguration().setEndpointOverride(emulator.uri().toString());
        bedrock.getConfiguration().setRegion("us-east-1");
        bedrock.getConfiguration().setAccessKey(ACCESS_KEY);
        bedrock.getConfiguration().setSecretKey(SECRET_KEY);
        bedrock.getConfiguration().setMaxAttempts(1);
        context.addComponent("bedrock", bedrock);
        return context;
    }
}
