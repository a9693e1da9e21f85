package dev.camelbedrock.component.prompt;

import java.util.Iterator;
import java.util.Map;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.BedrockTestSupport;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.error.BedrockValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagent.model.GetPromptResponse;
import software.amazon.awssdk.services.bedrockagent.model.PromptTemplateType;

import static org.assertj.core.api.Assertions.assertThat;

/** Managed prompts: converse and converseStream on a prompt ARN with its variables, and getPrompt, against the emulator. */
class ManagedPromptTest extends BedrockTestSupport {

    static BedrockAgentAsyncClient agent;
    static String promptId;
    static String versionArn;

    @BeforeAll
    static void createPrompt() {
        agent = BedrockAgentAsyncClient.builder().endpointOverride(emulator.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
        var created = agent.createPrompt(p -> p.name("support").defaultVariant("default").variants(v -> v.name("default")
                .templateType(PromptTemplateType.TEXT).modelId(MODEL)
                .templateConfiguration(t -> t.text(x -> x.text("Welcome to {{company_name}}, I am {{agent_name}}.")
                        .inputVariables(i -> i.name("company_name"), i -> i.name("agent_name")))))).join();
        promptId = created.id();
        versionArn = agent.createPromptVersion(v -> v.promptIdentifier(created.id())).join().arn();
    }

    @AfterAll
    static void closeClient() {
        agent.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:prompt").to("bedrock:converse?promptVariable.company_name=Techoral");
                from("direct:stream").to("bedrock:converseStream?promptVariable.company_name=Techoral&promptVariable.agent_name=Bo");
                from("direct:plain").to("bedrock:converse?modelId=" + MODEL + "&promptVariable.company_name=Techoral");
                from("direct:getPrompt").to("bedrock:getPrompt?promptVersion=1");
            }
        };
    }

    @Test
    void converseRendersThePromptWithOptionAndHeaderVariables() {
        Exchange out = template.request("direct:prompt", e -> {
            e.getMessage().setHeader(BedrockHeaders.MODEL_ID, versionArn);
            e.getMessage().setHeader(BedrockHeaders.PROMPT_VARIABLES, Map.of("agent_name", "Ada"));
        });

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).contains("Welcome to Techoral, I am Ada.");
        var sent = emulator.requests("Converse").get(emulator.requests("Converse").size() - 1).json();
        assertThat(sent.at("/promptVariables/agent_name/text").asText()).isEqualTo("Ada");
        assertThat(sent.path("messages").size()).as("the prompt brings the messages").isZero();
    }

    @Test
    void converseStreamRendersItToo() {
        Exchange out = template.request("direct:stream", e -> e.getMessage().setHeader(BedrockHeaders.MODEL_ID, versionArn));

        assertThat(out.getException()).isNull();
        StringBuilder text = new StringBuilder();
        Iterator<?> deltas = out.getMessage().getBody(Iterator.class);
        deltas.forEachRemaining(text::append);
        assertThat(text.toString()).contains("Welcome to Techoral, I am Bo.");
    }

    @Test
    void aMissingVariableIsTheServicesValidationError() {
        Exchange out = template.request("direct:prompt", e -> e.getMessage().setHeader(BedrockHeaders.MODEL_ID, versionArn));

        assertThat(out.getException()).isInstanceOf(BedrockValidationException.class).hasMessageContaining("agent_name");
    }

    @Test
    void promptVariablesOnAModelThatIsNoPromptFailBeforeAnyCall() {
        int before = emulator.requests("Converse").size();
        Exchange out = template.request("direct:plain", e -> e.getMessage().setBody("Hi"));

        assertThat(out.getException()).isInstanceOf(BedrockInputException.class)
                .hasMessageContaining("[company_name]").hasMessageContaining("'" + MODEL + "' is not a prompt");
        assertThat(emulator.requests("Converse")).hasSize(before);
    }

    @Test
    void getPromptReadsAVersion() {
        Exchange out = template.request("direct:getPrompt",
                e -> e.getMessage().setHeader(BedrockHeaders.PROMPT_IDENTIFIER, promptId));

        assertThat(out.getException()).isNull();
        GetPromptResponse prompt = out.getMessage().getBody(GetPromptResponse.class);
        assertThat(prompt.variants().get(0).templateConfiguration().text().text()).isEqualTo("Welcome to {{company_name}}, I am {{agent_name}}.");
        assertThat(out.getMessage().getHeader(BedrockHeaders.PROMPT_ARN)).isEqualTo(versionArn);
        assertThat(out.getMessage().getHeader(BedrockHeaders.PROMPT_VERSION)).isEqualTo("1");

        Exchange bad = template.request("direct:getPrompt", e -> e.getMessage().setHeader(BedrockHeaders.PROMPT_IDENTIFIER, "nope!"));
        assertThat(bad.getException()).isInstanceOf(BedrockInputException.class).hasMessageContaining("'nope!'");
    }
}
