package dev.camelbedrock.component.knowledge;

import java.util.List;
import java.util.Map;

import dev.camelbedrock.component.error.BedrockInputException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockagentruntime.model.RetrievalFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrievalFiltersTest {

    @Test
    void nestedFiltersBecomeTheSdkUnion() {
        RetrievalFilter f = RetrievalFilters.parse("{\"andAll\":[{\"equals\":{\"key\":\"category\",\"value\":\"faq\"}},"
                + "{\"orAll\":[{\"greaterThan\":{\"key\":\"year\",\"value\":2020}},{\"in\":{\"key\":\"lang\",\"value\":[\"en\",\"de\"]}}]}]}",
                "option retrievalFilter", "retrieve");
        assertThat(f.andAll()).hasSize(2);
        assertThat(f.andAll().get(0).equalsValue().key()).isEqualTo("category");
        assertThat(f.andAll().get(0).equalsValue().value()).isEqualTo(Document.fromString("faq"));
        assertThat(f.andAll().get(1).orAll().get(0).greaterThan().value().asNumber().intValue()).isEqualTo(2020);
        assertThat(f.andAll().get(1).orAll().get(1).in().value().asList()).hasSize(2);
    }

    @Test
    void aMapOrAnSdkFilterIsAcceptedToo() {
        RetrievalFilter f = RetrievalFilters.parse(Map.of("startsWith", Map.of("key", "path", "value", "docs/")), "header", "retrieve");
        assertThat(f.startsWith().key()).isEqualTo("path");
        RetrievalFilter sdk = RetrievalFilter.fromNotEquals(a -> a.key("k").value(Document.fromBoolean(true)));
        assertThat(RetrievalFilters.parse(sdk, "header", "retrieve")).isSameAs(sdk);
    }

    @Test
    void mistakesNameThePathAndTheAcceptedOperators() {
        for (var bad : List.of(
                List.of("{not json", "not valid JSON"),
                List.of("{\"equal\":{\"key\":\"a\",\"value\":1}}", "unknown operator 'equal'"),
                List.of("{\"equals\":{\"key\":\"a\"}}", "$.equals"),
                List.of("{\"andAll\":[{\"equals\":{\"key\":\"a\",\"value\":1}}]}", "at least 2"),
                List.of("{\"andAll\":[{\"equals\":{\"key\":\"a\",\"value\":1}},{\"lessThan\":{\"value\":1}}]}", "$.andAll[1].lessThan"),
                List.of("{\"in\":{\"key\":\"a\",\"value\":\"x\"}}", "a list as its value"),
                List.of("{\"equals\":{\"key\":\"a\",\"value\":1},\"notEquals\":{\"key\":\"b\",\"value\":2}}", "exactly one operator"),
                List.of("[1,2]", "exactly one operator"))) {
            assertThatThrownBy(() -> RetrievalFilters.parse(bad.get(0), "option retrievalFilter", "retrieve"))
                    .as(bad.get(0)).isInstanceOf(BedrockInputException.class)
                    .hasMessageStartingWith("retrieve: option retrievalFilter").hasMessageContaining(bad.get(1));
        }
    }
}
