package dev.camelbedrock.catalog;

/** The form of a model identifier, as classified by {@link ModelReference#parse(String)}. */
public enum IdentifierKind {
    /** {@code anthropic.claude-3-haiku-20240307-v1:0}, {@code amazon.titan-text-express-v1}. */
    BASE_MODEL_ID("base model id", false),
    /** A base id with a geography prefix: {@code us.anthropic.claude-3-5-haiku-20241022-v1:0}. */
    INFERENCE_PROFILE_ID("cross-Region inference profile id", false),
    /** {@code arn:aws:bedrock:REGION::foundation-model/ID} (an account id is tolerated). */
    FOUNDATION_MODEL_ARN("foundation-model ARN", true),
    /** {@code arn:aws:bedrock:REGION:ACCOUNT:inference-profile/us.ID}. */
    INFERENCE_PROFILE_ARN("inference-profile ARN", true),
    /** {@code arn:aws:bedrock:REGION:ACCOUNT:application-inference-profile/ID}; hides the model. */
    APPLICATION_INFERENCE_PROFILE_ARN("application-inference-profile ARN", true),
    /** {@code arn:aws:bedrock:REGION:ACCOUNT:provisioned-model/ID}; hides the model. */
    PROVISIONED_MODEL_ARN("provisioned-model ARN", true),
    /** {@code arn:aws:bedrock:REGION:ACCOUNT:custom-model/BASE_ID/ID} (names its base model) or {@code custom-model/ID}. */
    CUSTOM_MODEL_ARN("custom-model ARN", true),
    /** {@code arn:aws:bedrock:REGION:ACCOUNT:custom-model-deployment/ID}; hides the model. */
    CUSTOM_MODEL_DEPLOYMENT_ARN("custom-model-deployment ARN", true),
    /** {@code arn:aws:bedrock:REGION:ACCOUNT:imported-model/ID}; hides the model. */
    IMPORTED_MODEL_ARN("imported-model ARN", true),
    /** {@code arn:aws:bedrock:REGION:ACCOUNT:prompt/ID[:VERSION]} (Prompt management); hides the model. */
    PROMPT_ARN("prompt ARN", true),
    /** {@code arn:aws:bedrock:REGION:ACCOUNT:default-prompt-router/NAME} or {@code prompt-router/ID}; hides the model. */
    PROMPT_ROUTER_ARN("prompt-router ARN", true),
    /** {@code arn:aws:sagemaker:REGION:ACCOUNT:endpoint/NAME} (Marketplace models); hides the model. */
    SAGEMAKER_ENDPOINT_ARN("SageMaker endpoint ARN", true);

    private final String description;
    private final boolean arn;

    IdentifierKind(String description, boolean arn) {
        this.description = description;
        this.arn = arn;
    }

    /** A short human-readable name, used in messages. */
    public String description() {
        return description;
    }

    /** Whether identifiers of this kind are ARNs. */
    public boolean isArn() {
        return arn;
    }
}
