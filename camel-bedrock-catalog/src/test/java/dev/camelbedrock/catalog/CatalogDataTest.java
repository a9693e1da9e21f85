package dev.camelbedrock.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/** Walks the whole bundled data file, entry by entry, independently of the loader. */
class CatalogDataTest {

    private static JsonNode root;
    private static final BedrockModelCatalog CATALOG = BedrockModelCatalog.defaultCatalog();

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = CatalogDataTest.class.getResourceAsStream(BedrockModelCatalog.RESOURCE)) {
            assertThat(in).as("bundled data file").isNotNull();
            root = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyEntryHasAFamilyAndAConsistentShape() {
        Set<String> families = Arrays.stream(ModelFamily.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> modalities = Arrays.stream(Modality.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> declared = Arrays.stream(Capability.values()).filter(c -> !c.isDerived()).map(Enum::name).collect(Collectors.toSet());
        Set<String> providers = new HashSet<>();
        root.get("providers").fieldNames().forEachRemaining(providers::add);
        Set<String> ids = new HashSet<>();
        JsonNode models = root.get("models");
        assertThat(models.size()).isGreaterThanOrEqualTo(60);
        assertSoftly(soft -> {
            for (JsonNode m : models) {
                String id = m.path("id").asText();
                soft.assertThat(id).as("id").isNotBlank();
                soft.assertThat(ids.add(id)).as("unique id %s", id).isTrue();
                soft.assertThat(CatalogBuilder.MODEL_KEYS).as("keys of %s", id).containsAll(iterable(m.fieldNames()));
                soft.assertThat(families).as("family of %s", id).contains(m.path("family").asText());
                soft.assertThat(m.path("name").asText()).as("name of %s", id).isNotBlank();
                soft.assertThat(m.path("provider").asText()).as("provider of %s", id).isEqualTo(id.substring(0, id.indexOf('.')));
                soft.assertThat(providers).as("declared provider of %s", id).contains(m.path("provider").asText());
                soft.assertThat(ModelReference.parse(id).kind()).as("id form of %s", id).isEqualTo(IdentifierKind.BASE_MODEL_ID);

                List<String> in = texts(m.get("inputModalities"));
                List<String> out = texts(m.get("outputModalities"));
                soft.assertThat(in).as("inputs of %s", id).isNotEmpty().allMatch(modalities::contains).doesNotHaveDuplicates();
                soft.assertThat(out).as("outputs of %s", id).isNotEmpty().allMatch(modalities::contains).doesNotHaveDuplicates();
                soft.assertThat(texts(m.get("capabilities"))).as("capabilities of %s", id).allMatch(declared::contains).doesNotHaveDuplicates();

                ModelFamily family = ModelFamily.valueOf(m.path("family").asText());
                boolean embeds = out.contains("EMBEDDING");
                soft.assertThat(embeds).as("EMBEDDING output of %s matches family %s", id, family)
                        .isEqualTo(family.kind() == ModelFamily.Kind.EMBEDDING);
                soft.assertThat(m.has("embedding")).as("embedding block of %s", id).isEqualTo(embeds);
                if (embeds) {
                    JsonNode e = m.get("embedding");
                    soft.assertThat(e.path("batchLimit").asInt()).as("batchLimit of %s", id).isPositive();
                    List<Integer> dims = new ArrayList<>();
                    e.path("dimensions").forEach(d -> dims.add(d.asInt()));
                    if (!dims.isEmpty()) {
                        soft.assertThat(dims).as("dimensions of %s", id).contains(e.path("defaultDimension").asInt());
                    }
                }
                if (m.has("image")) {
                    soft.assertThat(out).as("image block of %s needs IMAGE output", id).contains("IMAGE");
                }
                if (family.kind() == ModelFamily.Kind.IMAGE) {
                    soft.assertThat(out).as("outputs of image model %s", id).contains("IMAGE");
                }
                if (family.kind() == ModelFamily.Kind.TEXT) {
                    soft.assertThat(out).as("outputs of text model %s", id).contains("TEXT");
                }
                if (m.path("inferenceProfileRequired").asBoolean()) {
                    soft.assertThat(texts(m.get("inferenceProfilePrefixes"))).as("prefixes of %s", id).isNotEmpty();
                }
                soft.assertThat(texts(m.get("inferenceProfilePrefixes"))).as("prefixes of %s", id)
                        .allMatch(ModelReference.GEOGRAPHY_PREFIXES::contains);
                JsonNode p = m.get("pricing");
                soft.assertThat(p).as("pricing key of %s (null when unknown)", id).isNotNull();
                if (p != null && p.isObject()) {
                    p.fields().forEachRemaining(f -> soft.assertThat(f.getValue().isNull() || f.getValue().decimalValue().signum() >= 0)
                            .as("price %s of %s", f.getKey(), id).isTrue());
                }
                // text models that stream or converse have the context window recorded, where known, as a positive number
                if (m.hasNonNull("contextWindow")) {
                    soft.assertThat(m.get("contextWindow").asInt()).as("contextWindow of %s", id).isPositive();
                }
                if (m.hasNonNull("maxOutputTokens") && m.hasNonNull("contextWindow")) {
                    soft.assertThat(m.get("maxOutputTokens").asInt()).as("maxOutputTokens of %s", id)
                            .isLessThanOrEqualTo(m.get("contextWindow").asInt());
                }
            }
        });
    }

    @Test
    void everyEntryLoadsAndIsFoundByItsIdAndAliases() {
        assertThat(CATALOG.size()).isEqualTo(root.get("models").size());
        for (BedrockModel m : CATALOG.list()) {
            assertThat(CATALOG.require(m.id())).isSameAs(m);
            for (String alias : m.aliases()) {
                assertThat(CATALOG.require(alias)).isSameAs(m);
            }
            for (String prefix : m.inferenceProfilePrefixes()) {
                assertThat(CATALOG.require(m.inferenceProfileId(prefix))).isSameAs(m);
            }
        }
    }

    @Test
    void theModelsTheBriefNamesArePresent() {
        String[] required = {
                "anthropic.claude-v2", "anthropic.claude-v2:1", "anthropic.claude-instant-v1",
                "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-sonnet-20240229-v1:0", "anthropic.claude-3-opus-20240229-v1:0",
                "anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20241022-v2:0", "anthropic.claude-3-5-haiku-20241022-v1:0",
                "anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-opus-4-20250514-v1:0",
                "anthropic.claude-opus-4-1-20250805-v1:0", "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0",
                "anthropic.claude-opus-4-5-20251101-v1:0",
                "amazon.titan-text-express-v1", "amazon.titan-text-lite-v1", "amazon.titan-text-premier-v1:0",
                "amazon.titan-embed-text-v1", "amazon.titan-embed-text-v2:0", "amazon.titan-embed-image-v1",
                "amazon.titan-image-generator-v1", "amazon.titan-image-generator-v2:0",
                "amazon.nova-micro-v1:0", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0", "amazon.nova-premier-v1:0",
                "amazon.nova-2-lite-v1:0", "amazon.nova-canvas-v1:0", "amazon.nova-reel-v1:0", "amazon.nova-2-multimodal-embeddings-v1:0",
                "meta.llama2-13b-chat-v1", "meta.llama2-70b-chat-v1", "meta.llama3-8b-instruct-v1:0", "meta.llama3-70b-instruct-v1:0",
                "meta.llama3-1-8b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0", "meta.llama3-1-405b-instruct-v1:0",
                "meta.llama3-2-1b-instruct-v1:0", "meta.llama3-2-3b-instruct-v1:0", "meta.llama3-2-11b-instruct-v1:0",
                "meta.llama3-2-90b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0",
                "meta.llama4-scout-17b-instruct-v1:0", "meta.llama4-maverick-17b-instruct-v1:0",
                "mistral.mistral-7b-instruct-v0:2", "mistral.mixtral-8x7b-instruct-v0:1", "mistral.mistral-small-2402-v1:0",
                "mistral.mistral-large-2402-v1:0", "mistral.mistral-large-2407-v1:0", "mistral.pixtral-large-2502-v1:0",
                "cohere.command-r-v1:0", "cohere.command-r-plus-v1:0", "cohere.command-text-v14", "cohere.command-light-text-v14",
                "cohere.embed-english-v3", "cohere.embed-multilingual-v3", "cohere.embed-v4:0",
                "ai21.jamba-1-5-mini-v1:0", "ai21.jamba-1-5-large-v1:0", "ai21.jamba-instruct-v1:0",
                "stability.stable-diffusion-xl-v1", "stability.sd3-large-v1:0", "stability.sd3-5-large-v1:0",
                "stability.stable-image-core-v1:1", "stability.stable-image-ultra-v1:1",
                "deepseek.r1-v1:0", "deepseek.v3-v1:0", "openai.gpt-oss-20b-1:0", "openai.gpt-oss-120b-1:0",
                "qwen.qwen3-32b-v1:0", "writer.palmyra-x4-v1:0", "writer.palmyra-x5-v1:0"
        };
        for (String id : required) {
            BedrockModel m = CATALOG.find(id).orElse(null);
            assertThat(m).as(id).isNotNull();
            assertThat(m.isInferred()).as("%s is catalogued, not inferred", id).isFalse();
        }
    }

    @Test
    void familiesMatchTheBrief() {
        Map<String, ModelFamily> expected = Map.ofEntries(
                Map.entry("amazon.titan-text-express-v1", ModelFamily.TITAN_TEXT),
                Map.entry("amazon.nova-lite-v1:0", ModelFamily.NOVA),
                Map.entry("meta.llama2-70b-chat-v1", ModelFamily.LLAMA),
                Map.entry("mistral.mixtral-8x7b-instruct-v0:1", ModelFamily.MISTRAL_TEXT),
                Map.entry("mistral.mistral-large-2407-v1:0", ModelFamily.MISTRAL_CHAT),
                Map.entry("cohere.command-r-plus-v1:0", ModelFamily.COHERE_COMMAND_R),
                Map.entry("cohere.command-text-v14", ModelFamily.COHERE_COMMAND),
                Map.entry("ai21.jamba-1-5-large-v1:0", ModelFamily.AI21_JAMBA),
                Map.entry("deepseek.r1-v1:0", ModelFamily.DEEPSEEK),
                Map.entry("openai.gpt-oss-120b-1:0", ModelFamily.OPENAI_CHAT),
                Map.entry("amazon.titan-embed-text-v2:0", ModelFamily.TITAN_EMBED_TEXT),
                Map.entry("amazon.titan-embed-image-v1", ModelFamily.TITAN_EMBED_IMAGE),
                Map.entry("cohere.embed-v4:0", ModelFamily.COHERE_EMBED),
                Map.entry("amazon.nova-2-multimodal-embeddings-v1:0", ModelFamily.NOVA_EMBED),
                Map.entry("amazon.titan-image-generator-v1", ModelFamily.TITAN_IMAGE),
                Map.entry("amazon.nova-canvas-v1:0", ModelFamily.TITAN_IMAGE),
                Map.entry("stability.sd3-5-large-v1:0", ModelFamily.STABILITY),
                Map.entry("stability.stable-diffusion-xl-v1", ModelFamily.STABILITY_SDXL),
                Map.entry("amazon.nova-reel-v1:0", ModelFamily.NOVA_REEL));
        expected.forEach((id, family) -> assertThat(CATALOG.require(id).family()).as(id).isEqualTo(family));
        assertThat(ModelFamily.NOVA_REEL.isListedOnly()).isTrue();
        assertThat(ModelFamily.ANTHROPIC_MESSAGES.isListedOnly()).isFalse();
        assertThat(ModelFamily.TITAN_IMAGE.kind()).isEqualTo(ModelFamily.Kind.IMAGE);
    }

    @Test
    void everyRuleIsValidAndItsProviderIsDeclared() {
        Set<String> providers = CATALOG.providers().keySet();
        assertThat(CATALOG.rules()).allSatisfy(r -> {
            assertThat(providers).contains(r.provider());
            assertThat(r.prototype().family()).isEqualTo(r.family());
        });
        // every catalogued model's id would be matched by some rule of its provider (so inference covers new versions)
        for (BedrockModel m : CATALOG.list()) {
            assertThat(CATALOG.rules().stream().anyMatch(r -> r.matches(m.id()))).as("some rule matches %s", m.id()).isTrue();
        }
    }

    @Test
    void ruleOfACataloguedModelUsuallyAgreesWithItsFamily() {
        // the first matching rule gives the family a future sibling would get; it must agree with the catalogued family
        List<String> disagreements = new ArrayList<>();
        for (BedrockModel m : CATALOG.list()) {
            ProviderRule first = CATALOG.rules().stream().filter(r -> r.matches(m.id())).findFirst().orElseThrow();
            if (first.family() != m.family()) {
                disagreements.add(m.id() + ": catalogued " + m.family() + ", rule " + first);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
