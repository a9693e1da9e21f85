package dev.camelbedrock.component.support;

import dev.camelbedrock.component.error.BedrockInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelArnsTest {

    @Test
    void aBaseIdBecomesAFoundationModelArnWithoutAccount() {
        assertThat(ModelArns.forInvocation("anthropic.claude-3-haiku-20240307-v1:0", "us-east-1", null, "retrieveAndGenerate"))
                .isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(ModelArns.foundationModel("amazon.rerank-v1:0", "cn-north-1"))
                .isEqualTo("arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.rerank-v1:0");
        assertThat(ModelArns.foundationModel("amazon.titan-text-express-v1", "us-gov-west-1")).startsWith("arn:aws-us-gov:bedrock:");
    }

    @Test
    void anInferenceProfileIdNeedsTheAccount() {
        assertThat(ModelArns.forInvocation("us.anthropic.claude-3-5-haiku-20241022-v1:0", "us-west-2", "123456789012", "op"))
                .isEqualTo("arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0");
        assertThat(ModelArns.forInvocation("global.amazon.nova-2-lite-v1:0", "eu-west-1", "123456789012", "op"))
                .contains(":inference-profile/global.amazon.nova-2-lite-v1:0");
        assertThatThrownBy(() -> ModelArns.forInvocation("eu.amazon.nova-lite-v1:0", "eu-west-1", null, "retrieveAndGenerate"))
                .isInstanceOf(BedrockInputException.class)
                .hasMessageStartingWith("retrieveAndGenerate: ")
                .hasMessageContaining("accountId").hasMessageContaining("inference-profile/eu.amazon.nova-lite-v1:0");
        assertThatThrownBy(() -> ModelArns.forInvocation("us.x", "us-east-1", "12345", "op")).hasMessageContaining("12 digits");
    }

    @Test
    void arnsPassThrough() {
        String pt = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdefghijkl";
        assertThat(ModelArns.forInvocation(pt, "us-east-1", null, "op")).isEqualTo(pt);
        assertThat(ModelArns.foundationModel(pt, "us-east-1")).isEqualTo(pt);
    }
}
