package dev.camelbedrock.component.guardrail;

import java.util.List;
import java.util.Map;

import dev.camelbedrock.component.error.BedrockGuardrailFinding;
import dev.camelbedrock.component.BedrockConfiguration;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockGuardrailInterventionException;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeResponseMetadata;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailOutputContent;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailPiiEntityFilter;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** applyGuardrail's request building and result mapping, without a server. */
class ApplyGuardrailMappingTest {

    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    private final BedrockConfiguration config = new BedrockConfiguration();

    ApplyGuardrailMappingTest() {
        config.setGuardrailIdentifier("gr1");
        config.setGuardrailVersion("DRAFT");
    }

    private ApplyGuardrailRequest request(Object body) {
        return ApplyGuardrailHandler.request(body, new ExchangeOptions(exchange, "applyGuardrail"), config, "applyGuardrail");
    }

    private static ApplyGuardrailResponse response(String action, List<String> outputs, GuardrailAssessment... assessments) {
        return (ApplyGuardrailResponse) ApplyGuardrailResponse.builder().action(action)
                .outputs(outputs.stream().map(t -> GuardrailOutputContent.builder().text(t).build()).toList())
                .assessments(assessments).usage(u -> u.sensitiveInformationPolicyUnits(1))
                .responseMetadata(BedrockRuntimeResponseMetadata.create(DefaultAwsResponseMetadata.create(Map.of("AWS_REQUEST_ID", "r-1"))))
                .build();
    }

    private static final GuardrailAssessment PII = GuardrailAssessment.builder().sensitiveInformationPolicy(p -> p.piiEntities(
            GuardrailPiiEntityFilter.builder().type("EMAIL").match("jane@example.com").action("ANONYMIZED").detected(true).build())).build();

    private static final GuardrailAssessment TOPIC = GuardrailAssessment.builder().topicPolicy(p -> p.topics(
            GuardrailTopic.builder().name("investment advice").type("DENY").action("BLOCKED").detected(true).build())).build();

    @Test
    void bodiesBecomeContentBlocks() {
        ApplyGuardrailRequest one = request("Mail jane@example.com");
        assertThat(one.guardrailIdentifier()).isEqualTo("gr1");
        assertThat(one.guardrailVersion()).isEqualTo("DRAFT");
        assertThat(one.source()).isEqualTo(GuardrailContentSource.INPUT);
        assertThat(one.content()).extracting(b -> b.text().text()).containsExactly("Mail jane@example.com");

        exchange.getMessage().setHeader(BedrockHeaders.GUARDRAIL_SOURCE, "OUTPUT");
        ApplyGuardrailRequest many = request(List.of("a", "b"));
        assertThat(many.source()).isEqualTo(GuardrailContentSource.OUTPUT);
        assertThat(many.content()).hasSize(2);

        GuardrailContentBlock block = GuardrailContentBlock.fromText(t -> t.text("c").qualifiersWithStrings("query"));
        assertThat(request(block).content()).containsExactly(block);
        ApplyGuardrailRequest given = ApplyGuardrailRequest.builder().content(block).build();
        assertThat(request(given).guardrailIdentifier()).isEqualTo("gr1");
    }

    @Test
    void nothingIntervenedLeavesTheBodyAsItWas() {
        exchange.getMessage().setBody("Hello there");
        ApplyGuardrailHandler.apply(exchange, true, request("Hello there"), response("NONE", List.of()), false, "applyGuardrail");
        assertThat(exchange.getMessage().getBody()).isEqualTo("Hello there");
        assertThat(exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ACTION)).isEqualTo("NONE");
        assertThat(exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_FINDINGS, List.class)).isEmpty();
        assertThat(exchange.getMessage().getHeader(BedrockHeaders.REQUEST_ID)).isEqualTo("r-1");
    }

    @Test
    void anAnonymizedTextBecomesTheBodyAndTheFindingsSayWhat() {
        ApplyGuardrailHandler.apply(exchange, true, request("Mail jane@example.com"),
                response("GUARDRAIL_INTERVENED", List.of("Mail {EMAIL}"), PII), false, "applyGuardrail");
        assertThat(exchange.getMessage().getBody()).isEqualTo("Mail {EMAIL}");
        assertThat(exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ACTION)).isEqualTo("GUARDRAIL_INTERVENED");
        assertThat(exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_FINDINGS, List.class)).containsExactly(
                new BedrockGuardrailFinding("sensitiveInformation", "EMAIL", "jane@example.com", "ANONYMIZED", true));
        assertThat(exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ASSESSMENTS, List.class)).containsExactly(PII);
        assertThat(exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_USAGE)).isNotNull();
    }

    @Test
    void aListBodyGetsAListOfOutputs() {
        ApplyGuardrailHandler.apply(exchange, false, request(List.of("a", "b")),
                response("GUARDRAIL_INTERVENED", List.of("Sorry, I cannot help with that."), TOPIC), false, "applyGuardrail");
        assertThat(exchange.getMessage().getBody()).isEqualTo(List.of("Sorry, I cannot help with that."));
    }

    @Test
    void failModeThrowsWithEverythingTheGuardrailSaid() {
        assertThatThrownBy(() -> ApplyGuardrailHandler.apply(exchange, true, request("Should I buy stocks?"),
                response("GUARDRAIL_INTERVENED", List.of("Sorry, I cannot help with that."), TOPIC), true, "applyGuardrail"))
                .isInstanceOfSatisfying(BedrockGuardrailInterventionException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("applyGuardrail: guardrail gr1 version DRAFT intervened on INPUT:"
                                                          + " topic investment advice BLOCKED");
                    assertThat(e.getAction()).isEqualTo("GUARDRAIL_INTERVENED");
                    assertThat(e.getOutputText()).isEqualTo("Sorry, I cannot help with that.");
                    assertThat(e.getFindings()).extracting(BedrockGuardrailFinding::type).containsExactly("investment advice");
                    assertThat(e.getOperation()).isEqualTo("applyGuardrail");
                });
        assertThat(exchange.getMessage().getHeader(BedrockHeaders.GUARDRAIL_ACTION)).as("headers are set before failing")
                .isEqualTo("GUARDRAIL_INTERVENED");
    }
}
