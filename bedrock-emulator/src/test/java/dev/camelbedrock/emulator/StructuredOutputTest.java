package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import java.util.stream.Collectors;

import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static dev.camelbedrock.emulator.Sdk.join;
import static dev.camelbedrock.emulator.Sdk.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** outputConfig.textFormat json_schema: JSON valid for the schema, derived from the prompt; malformed schemas refused. */
class StructuredOutputTest {

    static final String TICKET = "{\"type\":\"object\",\"properties\":{"
            + "\"summary\":{\"type\":\"string\",\"maxLength\":12},"
            + "\"priority\":{\"type\":\"string\",\"enum\":[\"low\",\"high\"]},"
            + "\"count\":{\"type\":\"integer\",\"minimum\":3},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":2},"
            + "\"owner\":{\"$ref\":\"#/$defs/person\"}},"
            + "\"required\":[\"summary\",\"priority\"],\"additionalProperties\":false,"
            + "\"$defs\":{\"person\":{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\",\"format\":\"email\"}}}}}";

    static BedrockEmulator emulator;
    static BedrockRuntimeAsyncClient client;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().rule(Rule.when("break the schema").reply("{\"summary\":42}")).build().start();
        client = Sdk.runtimeH2(emulator.uri());
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    static OutputConfig schema(String json) {
        return OutputConfig.builder().textFormat(f -> f.type("json_schema")
                .structure(s -> s.jsonSchema(j -> j.schema(json).name("ticket")))).build();
    }

    @Test
    void theReplyIsJsonValidForTheSchemaAndCarriesThePrompt() throws Exception {
        ConverseResponse r = join(client.converse(b -> b.modelId(HAIKU).outputConfig(schema(TICKET))
                .messages(user("Printer on floor 3 is jammed"))));
        JsonNode reply = new ObjectMapper().readTree(r.output().message().content().get(0).text());
        assertThat(reply).isEqualTo(new ObjectMapper().readTree("{\"summary\":\"Printer on f\",\"priority\":\"low\",\"count\":3,"
                + "\"tags\":[\"Printer on floor 3 is jammed\",\"Printer on floor 3 is jammed\"],"
                + "\"owner\":{\"email\":\"user@example.com\"}}"));
        assertThat(r.stopReasonAsString()).isEqualTo("end_turn");
    }

    @Test
    void streamsDeliverTheSameJsonInDeltas() throws Exception {
        Sdk.StreamCollector c = new Sdk.StreamCollector();
        join(client.converseStream(b -> b.modelId(HAIKU).outputConfig(schema(TICKET)).messages(user("Printer on floor 3 is jammed")),
                c.handler));
        String text = c.events.stream().filter(e -> e instanceof ContentBlockDeltaEvent)
                .map(e -> ((ContentBlockDeltaEvent) e).delta().text()).collect(Collectors.joining());
        assertThat(new ObjectMapper().readTree(text).get("priority").asText()).isEqualTo("low");
    }

    @Test
    void aRuleStillDecidesSoTestsCanServeInvalidJson() {
        ConverseResponse r = join(client.converse(b -> b.modelId(HAIKU).outputConfig(schema(TICKET))
                .messages(user("please break the schema"))));
        assertThat(r.output().message().content().get(0).text()).isEqualTo("{\"summary\":42}");
    }

    @Test
    void aSchemaThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> join(client.converse(b -> b.modelId(HAIKU).outputConfig(schema("{not json"))
                .messages(user("x"))))).isInstanceOf(ValidationException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> join(client.converse(b -> b.modelId(HAIKU).outputConfig(schema("[1,2]"))
                .messages(user("x"))))).isInstanceOf(ValidationException.class).hasMessageContaining("must be a JSON object");
    }
}
