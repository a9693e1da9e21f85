package dev.camelbedrock.emulator;

import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.PathTemplate;
import dev.camelbedrock.emulator.core.Router;
import dev.camelbedrock.emulator.core.Service;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {

    record Op(String name, String method, String path) implements Operation {
        @Override
        public Service service() {
            return Service.RUNTIME;
        }

        @Override
        public void handle(Exchange exchange) {
        }
    }

    @Test
    void percentDecodesEachRawSegment() {
        assertThat(PathTemplate.decodedSegments("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile"
                + "%2Fus.anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse"))
                .containsExactly("model",
                        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
                        "converse");
        assertThat(PathTemplate.percentDecode("a+b%20c%E2%82%AC%zz")).isEqualTo("a+b c\u20ac%zz");
    }

    @Test
    void routesByMethodAndPathPreferringLiterals() {
        Router r = new Router()
                .register(new Op("Converse", "POST", "/model/{modelId}/converse"))
                .register(new Op("GetThing", "GET", "/things/{id}"))
                .register(new Op("GetSpecial", "GET", "/things/special"));
        Router.Match m = r.match("POST", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(m.operation().name()).isEqualTo("Converse");
        assertThat(m.params()).containsEntry("modelId", "anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(r.match("GET", "/model/x/converse")).isNull();
        assertThat(r.match("GET", "/things/special").operation().name()).isEqualTo("GetSpecial");
        assertThat(r.match("GET", "/things/other").operation().name()).isEqualTo("GetThing");
        assertThat(r.match("GET", "/things/a%2Fb").params()).containsEntry("id", "a/b");
    }
}
