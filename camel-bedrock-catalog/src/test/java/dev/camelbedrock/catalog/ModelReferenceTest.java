package dev.camelbedrock.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelReferenceTest {

    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

    @Test
    void baseModelId() {
        ModelReference ref = ModelReference.parse(HAIKU);
        assertThat(ref.kind()).isEqualTo(IdentifierKind.BASE_MODEL_ID);
        assertThat(ref.baseModelId()).contains(HAIKU);
        assertThat(ref.provider()).contains("anthropic");
        assertThat(ref.geography()).isEmpty();
        assertThat(ref.isArn()).isFalse();
        assertThat(ref.hidesModel()).isFalse();
        assertThat(ref.isInferenceProfile()).isFalse();
    }

    @Test
    void baseModelIdWithoutVersionSuffixAndWithBlanks() {
        ModelReference ref = ModelReference.parse("  amazon.titan-text-express-v1 ");
        assertThat(ref.kind()).isEqualTo(IdentifierKind.BASE_MODEL_ID);
        assertThat(ref.identifier()).isEqualTo("amazon.titan-text-express-v1");
        assertThat(ref.baseModelId()).contains("amazon.titan-text-express-v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us", "eu", "apac", "global", "us-gov", "jp", "au", "ca"})
    void everyGeographyPrefixIsAnInferenceProfile(String prefix) {
        ModelReference ref = ModelReference.parse(prefix + "." + HAIKU);
        assertThat(ref.kind()).isEqualTo(IdentifierKind.INFERENCE_PROFILE_ID);
        assertThat(ref.geography()).contains(prefix);
        assertThat(ref.baseModelId()).contains(HAIKU);
        assertThat(ref.provider()).contains("anthropic");
        assertThat(ref.isInferenceProfile()).isTrue();
    }

    @Test
    void usGovIsNotMistakenForUs() {
        ModelReference ref = ModelReference.parse("us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0");
        assertThat(ref.geography()).contains("us-gov");
        assertThat(ref.baseModelId()).contains("anthropic.claude-3-5-sonnet-20240620-v1:0");
    }

    @Test
    void prefixLikeProviderWithoutModelIsABaseId() {
        // "eu.foo" has no provider.model after the prefix, so it is read as model "foo" of provider "eu"
        ModelReference ref = ModelReference.parse("eu.foo");
        assertThat(ref.kind()).isEqualTo(IdentifierKind.BASE_MODEL_ID);
        assertThat(ref.provider()).contains("eu");
    }

    @Test
    void foundationModelArnWithoutAccount() {
        ModelReference ref = ModelReference.parse("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0");
        assertThat(ref.kind()).isEqualTo(IdentifierKind.FOUNDATION_MODEL_ARN);
        assertThat(ref.baseModelId()).contains("amazon.titan-embed-text-v2:0");
        assertThat(ref.region()).contains("us-east-1");
        assertThat(ref.accountId()).isEmpty();
        assertThat(ref.partition()).contains("aws");
        assertThat(ref.isArn()).isTrue();
    }

    @Test
    void foundationModelArnWithAccountAndOtherPartition() {
        ModelReference ref = ModelReference.parse("arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:foundation-model/" + HAIKU);
        assertThat(ref.kind()).isEqualTo(IdentifierKind.FOUNDATION_MODEL_ARN);
        assertThat(ref.baseModelId()).contains(HAIKU);
        assertThat(ref.accountId()).contains("123456789012");
        assertThat(ref.partition()).contains("aws-us-gov");
    }

    @Test
    void inferenceProfileArnWithAndWithoutAccount() {
        ModelReference withAccount = ModelReference.parse(
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0");
        assertThat(withAccount.kind()).isEqualTo(IdentifierKind.INFERENCE_PROFILE_ARN);
        assertThat(withAccount.geography()).contains("us");
        assertThat(withAccount.baseModelId()).contains("anthropic.claude-3-5-haiku-20241022-v1:0");
        assertThat(withAccount.resourceId()).contains("us.anthropic.claude-3-5-haiku-20241022-v1:0");
        assertThat(withAccount.isInferenceProfile()).isTrue();

        ModelReference noAccount = ModelReference.parse("arn:aws:bedrock:eu-west-1::inference-profile/global.amazon.nova-2-lite-v1:0");
        assertThat(noAccount.geography()).contains("global");
        assertThat(noAccount.baseModelId()).contains("amazon.nova-2-lite-v1:0");
        assertThat(noAccount.accountId()).isEmpty();
    }

    @Test
    void applicationInferenceProfileArnHidesTheModel() {
        ModelReference ref = ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6");
        assertThat(ref.kind()).isEqualTo(IdentifierKind.APPLICATION_INFERENCE_PROFILE_ARN);
        assertThat(ref.hidesModel()).isTrue();
        assertThat(ref.baseModelId()).isEmpty();
        assertThat(ref.resourceId()).contains("a1b2c3d4e5f6");
        assertThat(ref.describe()).contains("application-inference-profile ARN").contains("a1b2c3d4e5f6");
    }

    @Test
    void provisionedModelArnHidesTheModel() {
        ModelReference ref = ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl");
        assertThat(ref.kind()).isEqualTo(IdentifierKind.PROVISIONED_MODEL_ARN);
        assertThat(ref.hidesModel()).isTrue();
        assertThat(ref.resourceId()).contains("abcdefghijkl");
        assertThat(ref.region()).contains("us-east-1");
        assertThat(ref.accountId()).contains("123456789012");
    }

    @Test
    void customModelArnNamingItsBaseModel() {
        ModelReference ref = ModelReference.parse(
                "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abcdefghijkl");
        assertThat(ref.kind()).isEqualTo(IdentifierKind.CUSTOM_MODEL_ARN);
        assertThat(ref.baseModelId()).contains("amazon.titan-text-express-v1:0:8k");
        assertThat(ref.resourceId()).contains("abcdefghijkl");
        assertThat(ref.hidesModel()).isFalse();
    }

    @Test
    void customModelArnWithoutBaseModelHidesIt() {
        ModelReference ref = ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefghijkl");
        assertThat(ref.kind()).isEqualTo(IdentifierKind.CUSTOM_MODEL_ARN);
        assertThat(ref.hidesModel()).isTrue();
    }

    @Test
    void deploymentImportedPromptRouterAndSageMakerArnsHideTheModel() {
        assertThat(ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdefghijkl").kind())
                .isEqualTo(IdentifierKind.CUSTOM_MODEL_DEPLOYMENT_ARN);
        assertThat(ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:imported-model/abcdefghijkl").kind())
                .isEqualTo(IdentifierKind.IMPORTED_MODEL_ARN);
        ModelReference prompt = ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12AB:1");
        assertThat(prompt.kind()).isEqualTo(IdentifierKind.PROMPT_ARN);
        assertThat(prompt.resourceId()).contains("PROMPT12AB:1");
        assertThat(ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1").kind())
                .isEqualTo(IdentifierKind.PROMPT_ROUTER_ARN);
        assertThat(ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:prompt-router/abcdefghijkl").kind())
                .isEqualTo(IdentifierKind.PROMPT_ROUTER_ARN);
        ModelReference sm = ModelReference.parse("arn:aws:sagemaker:us-east-1:123456789012:endpoint/my-ep");
        assertThat(sm.kind()).isEqualTo(IdentifierKind.SAGEMAKER_ENDPOINT_ARN);
        assertThat(sm.hidesModel()).isTrue();
        assertThat(sm.resourceId()).contains("my-ep");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "abcdefghijkl", "anthropic claude", "anthropic.claude/v2", ".claude-v2"})
    void malformedIdsFailWithTheAcceptedForms(String bad) {
        assertThatThrownBy(() -> ModelReference.parse(bad))
                .isInstanceOf(InvalidModelIdentifierException.class)
                .hasMessageContaining("Accepted model identifiers:")
                .hasMessageContaining("us., eu., apac., global., us-gov., jp., au., ca.")
                .hasMessageContaining("foundation-model ARN");
    }

    @Test
    void nullFails() {
        assertThatThrownBy(() -> ModelReference.parse(null))
                .isInstanceOf(InvalidModelIdentifierException.class)
                .hasMessageContaining("null");
    }

    @Test
    void malformedArnsSayWhatIsWrong() {
        assertThatThrownBy(() -> ModelReference.parse("arn:aws:bedrock:us-east-1"))
                .isInstanceOf(InvalidModelIdentifierException.class).hasMessageContaining("not a complete ARN");
        assertThatThrownBy(() -> ModelReference.parse("arn:aws:s3:::my-bucket/key"))
                .hasMessageContaining("service 's3'");
        assertThatThrownBy(() -> ModelReference.parse("arn:aws:bedrock:us-east-1:123456789012:knowledge-base/KB123"))
                .hasMessageContaining("resource type 'knowledge-base'");
        assertThatThrownBy(() -> ModelReference.parse("arn:aws:bedrock:us-east-1:12345:provisioned-model/abc"))
                .hasMessageContaining("account id '12345'");
        assertThatThrownBy(() -> ModelReference.parse("arn:aws:bedrock:us-east-1::foundation-model/"))
                .hasMessageContaining("no resource type/id");
        assertThatThrownBy(() -> ModelReference.parse("arn:aws:bedrock:us-east-1::foundation-model/not a model"))
                .hasMessageContaining("does not end in a model id");
        assertThatThrownBy(() -> ModelReference.parse("arn:gcp:bedrock:us-east-1::foundation-model/" + HAIKU))
                .hasMessageContaining("partition 'gcp'");
        assertThatThrownBy(() -> ModelReference.parse("arn:aws:sagemaker:us-east-1:123456789012:model/x"))
                .hasMessageContaining("only endpoint ARNs");
    }

    @Test
    void equalityIsByIdentifier() {
        assertThat(ModelReference.parse(HAIKU)).isEqualTo(ModelReference.parse(" " + HAIKU))
                .hasSameHashCodeAs(ModelReference.parse(HAIKU));
        assertThat(ModelReference.parse("us." + HAIKU).toString()).contains("cross-Region inference profile id").contains("us");
    }
}
