package dev.camelbedrock.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OverridesTest {

    private final BedrockModelCatalog base = BedrockModelCatalog.defaultCatalog();

    @Test
    void overridesAPriceFieldByFieldAndLeavesTheBaseCatalogAlone() {
        BedrockModelCatalog c = base.withOverridesJson("""
                {"models": [{"id": "anthropic.claude-3-haiku-20240307-v1:0", "pricing": {"inputPer1kTokens": 0.0003}}]}
                """);
        Pricing p = c.require("anthropic.claude-3-haiku-20240307-v1:0").pricing().orElseThrow();
        assertThat(p.inputPer1kTokens()).isEqualByComparingTo("0.0003");
        assertThat(p.outputPer1kTokens()).isEqualByComparingTo("0.00125"); // untouched sibling field
        assertThat(c.require("anthropic.claude-3-haiku-20240307-v1:0").name()).isEqualTo("Claude 3 Haiku");
        assertThat(base.require("anthropic.claude-3-haiku-20240307-v1:0").pricing().orElseThrow().inputPer1kTokens())
                .isEqualByComparingTo("0.00025");
        assertThat(c.size()).isEqualTo(base.size());
        assertThat(c.sources()).hasSize(2).last().isEqualTo("override JSON");
    }

    @Test
    void nullClearsAndArraysReplace() {
        BedrockModelCatalog c = base.withOverridesJson("""
                {"models": [{"id": "amazon.nova-pro-v1:0", "pricing": null, "capabilities": ["STREAMING", "CONVERSE"],
                             "contextWindow": null}]}
                """);
        BedrockModel m = c.require("amazon.nova-pro-v1:0");
        assertThat(m.pricing()).isEmpty();
        assertThat(m.contextWindow()).isEmpty();
        assertThat(m.supportsToolUse()).isFalse();
        assertThat(m.acceptsImageInput()).isTrue();
    }

    @Test
    void addsANewModelAndAProvider(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-models.json");
        Files.writeString(file, """
                {
                  "formatVersion": 1,
                  "providers": {"acme": "ACME Corp"},
                  "models": [
                    {"id": "acme.rocket-chat-v1:0", "provider": "acme", "family": "OPENAI_CHAT", "name": "Rocket Chat",
                     "inputModalities": ["TEXT"], "outputModalities": ["TEXT"], "capabilities": ["STREAMING", "CONVERSE"],
                     "contextWindow": 32000, "maxOutputTokens": 4096,
                     "inferenceProfileRequired": true, "inferenceProfilePrefixes": ["us"],
                     "pricing": {"inputPer1kTokens": 0.001, "outputPer1kTokens": 0.002}}
                  ]
                }
                """);
        BedrockModelCatalog c = base.withOverrides(file);
        BedrockModel m = c.require("us.acme.rocket-chat-v1:0");
        assertThat(m.family()).isEqualTo(ModelFamily.OPENAI_CHAT);
        assertThat(m.providerName()).isEqualTo("ACME Corp");
        assertThat(m.isInferred()).isFalse();
        assertThat(c.size()).isEqualTo(base.size() + 1);
        assertThat(c.byProvider("acme")).containsExactly(m);
        assertThat(c.sources()).last().isEqualTo(file.toString());
        assertThat(base.find("acme.rocket-chat-v1:0")).isEmpty();
    }

    @Test
    void overrideByAliasMergesIntoTheCanonicalModel() {
        BedrockModelCatalog c = base.withOverridesJson("""
                {"models": [{"id": "amazon.titan-image-generator-v2", "pricing": {"perImage": 0.01}}]}
                """);
        assertThat(c.require("amazon.titan-image-generator-v2:0").pricing().orElseThrow().perImage()).isEqualByComparingTo("0.01");
        assertThat(c.size()).isEqualTo(base.size());
    }

    @Test
    void overrideRulesComeFirst() {
        BedrockModelCatalog c = base.withOverrides(new ByteArrayInputStream("""
                {"rules": [{"match": "meta.llama9*", "family": "OPENAI_CHAT",
                            "template": {"inputModalities": ["TEXT", "IMAGE"], "contextWindow": 1000000}}]}
                """.getBytes(StandardCharsets.UTF_8)), "rules.json");
        BedrockModel m = c.require("meta.llama9-maverick-v1:0");
        assertThat(m.family()).isEqualTo(ModelFamily.OPENAI_CHAT);
        assertThat(m.acceptsImageInput()).isTrue();
        assertThat(m.contextWindow()).hasValue(1000000);
        assertThat(m.inferredFromRule()).contains("meta.llama9*");
        assertThat(c.require("meta.llama8-x").family()).isEqualTo(ModelFamily.LLAMA);
        assertThat(c.rules().get(0).pattern()).isEqualTo("meta.llama9*");
    }

    @Test
    void overridesChain() {
        BedrockModelCatalog c = base
                .withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"contextWindow\": 111}]}")
                .withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"maxOutputTokens\": 22}]}");
        BedrockModel m = c.require("amazon.nova-lite-v1:0");
        assertThat(m.contextWindow()).hasValue(111);
        assertThat(m.maxOutputTokens()).hasValue(22);
        assertThat(c.sources()).hasSize(3);
    }

    @Test
    void invalidOverridesFailWithWhereAndWhat() {
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"contextWindw\": 5}]}"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("override JSON: models[0]")
                .hasMessageContaining("unknown model key \"contextWindw\"")
                .hasMessageContaining("contextWindow");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"family\": \"NOVAA\"}]}"))
                .hasMessageContaining("family 'NOVAA' is not one of ANTHROPIC_MESSAGES");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"acme.new-v1\", \"family\": \"NOVA\"}]}"))
                .hasMessageContaining("provider 'acme' is not declared");
        assertThatThrownBy(() -> base.withOverridesJson("{\"providers\": {\"acme\": \"ACME\"}, \"models\": [{\"id\": \"acme.new-v1\", \"family\": \"NOVA\"}]}"))
                .hasMessageContaining("\"name\" is required");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"us.amazon.nova-lite-v1:0\"}]}"))
                .hasMessageContaining("must be a base model id, not a cross-Region inference profile id");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"capabilities\": [\"IMAGE_INPUT\"]}]}"))
                .hasMessageContaining("capability IMAGE_INPUT is derived");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"amazon.titan-embed-text-v2:0\", \"embedding\": {\"dimensions\": [256], \"defaultDimension\": 1024}}]}"))
                .hasMessageContaining("defaultDimension 1024 is not one of dimensions [256]");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"pricing\": {\"input\": 1}}]}"))
                .hasMessageContaining("unknown pricing key \"input\"");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"inferenceProfilePrefixes\": [\"mars\"]}]}"))
                .hasMessageContaining("'mars' is not a known geography");
        assertThatThrownBy(() -> base.withOverridesJson("{\"modelz\": []}"))
                .hasMessageContaining("unknown top-level key \"modelz\"");
        assertThatThrownBy(() -> base.withOverridesJson("{\"formatVersion\": 2, \"models\": []}"))
                .hasMessageContaining("formatVersion 2 is not supported");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [ {\"id\": \"a.b\"}, "))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"x.y\"}, {\"id\": \"x.y\"}]}"))
                .hasMessageContaining("duplicate model id 'x.y'");
        assertThatThrownBy(() -> base.withOverridesJson("{\"rules\": [{\"match\": \"*.foo\", \"family\": \"NOVA\"}]}"))
                .hasMessageContaining("must start with a literal provider key");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"image\": {\"sizes\": [\"1x1\"]}}]}"))
                .hasMessageContaining("\"image\" is only allowed when outputModalities contains IMAGE");
        assertThatThrownBy(() -> base.withOverridesJson("{\"models\": [{\"id\": \"amazon.nova-lite-v1:0\", \"outputModalities\": [\"EMBEDDING\"]}]}"))
                .hasMessageContaining("family NOVA produces TEXT");
        assertThatThrownBy(() -> base.withOverrides(Path.of("/nonexistent/overrides.json")))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void theReadmeExampleLoads() {
        BedrockModelCatalog c = base.withOverridesJson("""
                {
                  "providers": {"acme": "ACME Corp"},
                  "rules": [{"match": "acme.*", "family": "OPENAI_CHAT"}],
                  "models": [
                    {"id": "amazon.nova-pro-v1:0", "pricing": {"inputPer1kTokens": 0.00084}},
                    {"id": "acme.rocket-chat-v1:0", "family": "OPENAI_CHAT", "name": "Rocket Chat",
                     "inputModalities": ["TEXT"], "outputModalities": ["TEXT"], "capabilities": ["STREAMING", "CONVERSE"],
                     "contextWindow": 32000, "pricing": null}
                  ]
                }
                """);
        assertThat(c.require("amazon.nova-pro-v1:0").pricing().orElseThrow().inputPer1kTokens()).isEqualByComparingTo("0.00084");
        assertThat(c.require("amazon.nova-pro-v1:0").pricing().orElseThrow().outputPer1kTokens()).isEqualByComparingTo("0.0032");
        assertThat(c.require("acme.rocket-chat-v1:0").isInferred()).isFalse();
        assertThat(c.require("acme.other-v2").isInferred()).isTrue();
    }

    @Test
    void aStandaloneCatalogCanReplaceTheBundledOne() {
        BedrockModelCatalog c = BedrockModelCatalog.fromJson(new ByteArrayInputStream("""
                {"providers": {"amazon": "Amazon"},
                 "models": [{"id": "amazon.titan-embed-text-v2:0", "family": "TITAN_EMBED_TEXT", "name": "Titan V2",
                             "inputModalities": ["TEXT"], "outputModalities": ["EMBEDDING"],
                             "embedding": {"dimensions": [256, 512, 1024], "defaultDimension": 1024, "batchLimit": 1}}]}
                """.getBytes(StandardCharsets.UTF_8)), "mini.json");
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.require("amazon.titan-embed-text-v2:0").validateEmbeddingDimensions(512)).isEqualTo(512);
        assertThat(c.find("amazon.nova-pro-v1:0")).isEmpty();
        assertThat(c.rules()).isEmpty();
        assertThatThrownBy(() -> c.require("amazon.nova-pro-v1:0")).isInstanceOf(UnknownModelException.class);
    }
}
