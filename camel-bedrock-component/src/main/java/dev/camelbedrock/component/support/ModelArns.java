package dev.camelbedrock.component.support;

import java.util.List;

import dev.camelbedrock.component.error.BedrockInputException;

/**
 * Turns model ids into the ARNs that bedrock-agent-runtime (retrieveAndGenerate, reranking) and the control plane's
 * filters ask for. An ARN passes through unchanged; a base model id becomes a foundation-model ARN (which has no
 * account); a cross-region inference profile id (a geography prefix such as {@code us.}) becomes an inference-profile
 * ARN, which needs the account id.
 */
public final class ModelArns {

    /** The geography prefixes of cross-region inference profile ids. */
    static final List<String> PROFILE_PREFIXES = List.of("us.", "eu.", "apac.", "global.", "us-gov.", "jp.", "au.", "ca.");

    private ModelArns() {
    }

    public static boolean isArn(String id) {
        return id.startsWith("arn:");
    }

    public static boolean isInferenceProfileId(String id) {
        return !isArn(id) && PROFILE_PREFIXES.stream().anyMatch(id::startsWith);
    }

    /** {@code arn:aws:bedrock:{region}::foundation-model/{id}}, or the ARN itself. */
    public static String foundationModel(String modelId, String region) {
        return isArn(modelId) ? modelId : "arn:" + partition(region) + ":bedrock:" + region + "::foundation-model/" + modelId;
    }

    /**
     * The ARN for a model that generates: an ARN as is, an inference profile id as an inference-profile ARN (needs
     * {@code accountId}), any other id as a foundation-model ARN.
     */
    public static String forInvocation(String modelId, String region, String accountId, String operation) {
        if (isArn(modelId)) {
            return modelId;
        }
        if (isInferenceProfileId(modelId)) {
            if (accountId == null || accountId.isBlank()) {
                throw new BedrockInputException(operation, modelId, "model '" + modelId + "' is a cross-region inference profile id,"
                        + " whose ARN names the AWS account; set the accountId option, or give the inference profile ARN"
                        + " (arn:aws:bedrock:" + region + ":<account>:inference-profile/" + modelId + ") as modelId");
            }
            if (!accountId.matches("\\d{12}")) {
                throw new BedrockInputException(operation, modelId, "option accountId is '" + accountId + "'; accepted: 12 digits");
            }
            return "arn:" + partition(region) + ":bedrock:" + region + ":" + accountId + ":inference-profile/" + modelId;
        }
        return foundationModel(modelId, region);
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }
}
