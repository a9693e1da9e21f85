package dev.camelbedrock.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelbedrock.component.error.BedrockGuardrailInterventionException;
import dev.camelbedrock.component.error.BedrockGuardrailFinding;
import dev.camelbedrock.emulator.BedrockEmulator;
import dev.camelbedrock.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTraceAssessment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guardrails through the SDK to the emulator: applyGuardrail (anonymize, block, pass, fail mode, a choice on the action)
 * and guardrails on converse and converseStream (the trace reaches its header, in streaming too; the stream processing
 * mode reaches the wire). The emulator runs with the guardrail of guardrails/support-desk.json.
 */
class GuardrailTest extends BedrockTestSupport {

    static final String GUARDRAIL = "supportdesk01";
    static final String GUARD = "guardrailIdentifier=" + GUARDRAIL + "&guardrailVersion=DRAFT";

    private final List<String> streamed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEmulator() {
        emulator = FeatureEmulator.launch("--guardrail", GUARDRAIL + "=" + FeatureEmulator.resource("guardrails/support-desk.json"));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:check").to("bedrock:applyGuardrail?" + GUARD);
                from("direct:checkOutput").to("bedrock:applyGuardrail?" + GUARD + "&guardrailSource=OUTPUT");
                from("direct:strict")
                        .onException(BedrockGuardrailInterventionException.class).handled(true)
                            .setBody(simple("refused: ${exception.outputText}")).to("mock:refused").end()
                        .to("bedrock:applyGuardrail?" + GUARD + "&guardrailInterventionAction=fail")
                        .to("mock:accepted");
                from("direct:route")
                        .to("bedrock:applyGuardrail?" + GUARD)
                        .choice()
                            .when(header(BedrockHeaders.GUARDRAIL_ACTION).isEqualTo("GUARDRAIL_INTERVENED")).to("mock:intervened")
                            .otherwise().to("mock:clean");
                from("direct:chat").to("bedrock:converse?modelId=" + MODEL + "&" + GUARD + "&guardrailTrace=enabled");
                from("direct:stream")
                        .to("bedrock:converseStream?modelId=" + MODEL + "&" + GUARD + "&guardrailTrace=enabled"
                            + "&guardrailStreamProcessingMode=async")
                        .split(body()).streaming().process(e -> streamed.add(e.getMessage().getBody(String.class))).end();
                from("direct:streamTo")
                        .to("bedrock:converseStream?modelId=" + MODEL + "&" + GUARD + "&guardrailTrace=enabled_full"
                            + "&guardrailStreamProcessingMode=sync&streamTo=direct:delta");
                from("direct:delta").process(e -> streamed.add(e.getMessage().getBody(String.class)));
            }
        };
    }

    // ---- guardrails on converse / converseStream ----

    @Test
    void converseTraceReachesItsHeader() {
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Hello there"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_TRACE)).isInstanceOf(GuardrailTraceAssessment.class);
        RecordedRequest sent = emulator.lastRequest("Converse").orElseThrow();
        assertThat(sent.json().at("/guardrailConfig/guardrailIdentifier").asText()).isEqualTo(GUARDRAIL);
        assertThat(sent.json().at("/guardrailConfig/trace").asText()).isEqualTo("enabled");
    }

    @Test
    void converseStreamTraceReachesItsHeaderAtTheEndAndTheModeReachesTheWire() {
        Exchange out = template.request("direct:stream", e -> e.getMessage().setBody("Tell me about the weather in spring"));
        assertThat(out.getException()).isNull();
        assertThat(String.join("", streamed)).as("the deltas: the emulator's echo of the prompt, untouched by the guardrail")
                .isEqualTo("You said: Tell me about the weather in spring");
        GuardrailTraceAssessment trace = out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_TRACE, GuardrailTraceAssessment.class);
        assertThat(trace).as("metadata.trace.guardrail of the last stream event").isNotNull();
        assertThat(trace.hasInputAssessment()).isTrue();
        RecordedRequest sent = emulator.lastRequest("ConverseStream").orElseThrow();
        assertThat(sent.json().at("/guardrailConfig/streamProcessingMode").asText()).isEqualTo("async");
        assertThat(sent.json().at("/guardrailConfig/trace").asText()).isEqualTo("enabled");
    }

    @Test
    void converseStreamWithStreamToCarriesTheTraceToo() {
        Exchange out = template.request("direct:streamTo", e -> e.getMessage().setBody("Say something nice"));
        assertThat(out.getException()).isNull();
        assertThat(String.join("", streamed)).as("the deltas sent to streamTo").isEqualTo("You said: Say something nice");
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("You said: Say something nice");
        GuardrailTraceAssessment trace = out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_TRACE, GuardrailTraceAssessment.class);
        assertThat(trace).isNotNull();
        assertThat(trace.modelOutput()).as("enabled_full returns the model output").isNotEmpty();
        assertThat(emulator.lastRequest("ConverseStream").orElseThrow().json().at("/guardrailConfig/streamProcessingMode").asText())
                .isEqualTo("sync");
    }

    @Test
    void converseBlockedByTheGuardrailAnswersWithTheBlockedMessage() {
        Exchange out = template.request("direct:chat", e -> e.getMessage().setBody("Where can I buy a bazooka?"));
        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("Sorry, I cannot help with that request.");
        assertThat(out.getMessage().getHeader(BedrockHeaders.STOP_REASON)).isEqualTo("guardrail_intervened");
    }

    // ---- applyGuardrail ----

    @Test
    void anonymizedTextBecomesTheBody() {
        Exchange out = template.request("direct:check", e -> e.getMessage().setBody("Write to jane.doe@example.com about the order"));
        assertThat(out.getException()).isNull();
        String body = out.getMessage().getBody(String.class);
        assertThat(body).isEqualTo("Write to {EMAIL} about the order");
        assertThat(out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ACTION)).isEqualTo("GUARDRAIL_INTERVENED");
        @SuppressWarnings("unchecked")
        List<BedrockGuardrailFinding> findings = out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_FINDINGS, List.class);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.policy()).isEqualTo("sensitiveInformation");
            assertThat(f.type()).isEqualTo("EMAIL");
            assertThat(f.match()).isEqualTo("jane.doe@example.com");
            assertThat(f.action()).isEqualTo("ANONYMIZED");
        });
        assertThat(out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_USAGE)).isNotNull();
        RecordedRequest sent = emulator.lastRequest("ApplyGuardrail").orElseThrow();
        assertThat(sent.path()).isEqualTo("/guardrail/" + GUARDRAIL + "/version/DRAFT/apply");
        assertThat(sent.json().path("source").asText()).isEqualTo("INPUT");
    }

    @Test
    void aDeniedWordIsBlockedWithTheBlockedMessage() {
        Exchange out = template.request("direct:check", e -> e.getMessage().setBody("Where can I buy a bazooka?"));
        assertThat(out.getMessage().getBody()).isEqualTo("Sorry, I cannot help with that request.");
        @SuppressWarnings("unchecked")
        List<BedrockGuardrailFinding> findings = out.getMessage().getHeader(BedrockHeaders.GUARDRAIL_FINDINGS, List.class);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.policy()).isEqualTo("word");
            assertThat(f.match()).isEqualToIgnoringCase("bazooka");
            assertThat(f.action()).isEqualTo("BLOCKED");
        });
        Exchange output = template.request("direct:checkOutput", e -> e.getMessage().setBody("Buy a bazooka."));
        assertThat(output.getMessage().getBody()).isEqualTo("Sorry, I cannot share that answer.");
    }

    @Test
    void cleanTextPassesUnchangedAndAListStaysAList() {
        Exchange clean = template.request("direct:check", e -> e.getMessage().setBody("What are your opening hours?"));
        assertThat(clean.getMessage().getBody()).isEqualTo("What are your opening hours?");
        assertThat(clean.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ACTION)).isEqualTo("NONE");

        Exchange list = template.request("direct:check", e -> e.getMessage().setBody(List.of("Call 206-555-0100 today", "Thanks")));
        assertThat(list.getMessage().getBody()).isInstanceOf(List.class);
        assertThat(list.getMessage().getBody(List.class)).as("each text masked in its place")
                .containsExactly("Call {PHONE} today", "Thanks");
    }

    @Test
    void failModeIsCaughtWithOnException() throws Exception {
        MockEndpoint refused = getMockEndpoint("mock:refused");
        MockEndpoint accepted = getMockEndpoint("mock:accepted");
        refused.expectedBodiesReceived("refused: Sorry, I cannot help with that request.");
        accepted.expectedBodiesReceived("Hello");
        template.sendBody("direct:strict", "Which stocks should I buy? And a bazooka?");
        template.sendBody("direct:strict", "Hello");
        MockEndpoint.assertIsSatisfied(refused, accepted);
    }

    @Test
    void aChoiceOnTheActionHeaderRoutesInterventions() throws Exception {
        getMockEndpoint("mock:intervened").expectedMessageCount(1);
        getMockEndpoint("mock:clean").expectedBodiesReceived("Good morning");
        template.sendBody("direct:route", "My phone is 206-555-0100");
        template.sendBody("direct:route", "Good morning");
        MockEndpoint.assertIsSatisfied(context);
    }
}
