package dev.camelbedrock.component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** countTokens for InvokeModel bodies: raw native bodies, a whole InvokeModelRequest, a prompt built by the family codec. */
class CountTokensTest extends BedrockTestSupport {

    static final String NATIVE = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":100,"
                                 + "\"messages\":[{\"role\":\"user\",\"content\":\"How many tokens are in this sentence?\"}]}";

    private JsonNode countedInvokeBody() throws Exception {
        JsonNode sent = emulator.lastRequest("CountTokens").orElseThrow().json();
        assertThat(sent.at("/input/converse").isMissingNode()).as("counted as an InvokeModel body").isTrue();
        return JsonDocuments.parse(new String(Base64.getDecoder().decode(sent.at("/input/invokeModel/body").asText()), StandardCharsets.UTF_8));
    }

    private Exchange count(String uri, Object body) {
        Exchange out = template.request(uri, e -> e.getMessage().setBody(body));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(Integer.class)).isPositive();
        assertThat(out.getMessage().getHeader(BedrockHeaders.INPUT_TOKENS)).isEqualTo(out.getMessage().getBody());
        return out;
    }

    @Test
    void aNativeJsonStringIsCountedAsAnInvokeModelBody() throws Exception {
        count("bedrock:countTokens?modelId=" + MODEL, NATIVE);
        assertThat(countedInvokeBody()).isEqualTo(JsonDocuments.parse(NATIVE));
    }

    @Test
    void aMapIsANativeBodyToo() throws Exception {
        count("bedrock:countTokens?modelId=" + MODEL, JsonDocuments.MAPPER.readValue(NATIVE, Map.class));
        assertThat(countedInvokeBody()).isEqualTo(JsonDocuments.parse(NATIVE));
    }

    @Test
    void aWholeInvokeModelRequestIsCountedWithItsModel() throws Exception {
        InvokeModelRequest request = InvokeModelRequest.builder().modelId(MODEL).body(SdkBytes.fromUtf8String(NATIVE)).build();
        count("bedrock:countTokens?modelId=amazon.nova-lite-v1:0", request);
        assertThat(emulator.stats().count("CountTokens", MODEL)).isEqualTo(1);
        assertThat(countedInvokeBody()).isEqualTo(JsonDocuments.parse(NATIVE));
    }

    @Test
    void withInvokeBodyFormatPromptTheCodecBuiltBodyIsCounted() throws Exception {
        count("bedrock:countTokens?modelId=" + MODEL + "&invokeBodyFormat=prompt&systemPrompt=Be terse.", "Count me");
        JsonNode counted = countedInvokeBody();
        assertThat(counted.get("anthropic_version").asText()).isEqualTo("bedrock-2023-05-31");
        assertThat(counted.get("system").asText()).isEqualTo("Be terse.");
    }

    @Test
    void aPlainStringIsStillCountedInTheConverseForm() throws Exception {
        count("bedrock:countTokens?modelId=" + MODEL, "Just a question");
        assertThat(emulator.lastRequest("CountTokens").orElseThrow().json().at("/input/converse/messages/0/content/0/text").asText())
                .isEqualTo("Just a question");
    }
}
