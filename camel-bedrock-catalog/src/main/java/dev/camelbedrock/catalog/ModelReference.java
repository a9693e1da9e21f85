package dev.camelbedrock.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed model identifier: which {@linkplain IdentifierKind form} it has and, when the form names it, the base
 * model id behind it. Parsing is purely syntactic; {@link BedrockModelCatalog#find(String)} does the lookup.
 *
 * <p>Accepted forms: see {@link #ACCEPTED_FORMS}.
 */
public final class ModelReference {

    /** Geography prefixes of system-defined cross-Region inference profiles, as in {@code us.anthropic.…}. */
    public static final List<String> GEOGRAPHY_PREFIXES = List.of("us", "eu", "apac", "global", "us-gov", "jp", "au", "ca");

    /** The identifier forms this class accepts, with examples; quoted in error messages. */
    public static final String ACCEPTED_FORMS = String.join("\n",
            "Accepted model identifiers:",
            "  - a base model id, e.g. anthropic.claude-3-haiku-20240307-v1:0 or amazon.titan-embed-text-v2:0",
            "  - a cross-Region inference profile id: a base model id with a geography prefix ("
                    + String.join(".", GEOGRAPHY_PREFIXES).replace(".", "., ") + ".), e.g. us.anthropic.claude-3-5-haiku-20241022-v1:0",
            "  - a foundation-model ARN, e.g. arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0",
            "  - an inference-profile ARN, e.g. arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
            "  - a custom-model ARN that names its base model, e.g. arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abcdefghijkl",
            "  - an application-inference-profile, provisioned-model, custom-model, custom-model-deployment, imported-model,"
                    + " prompt or prompt-router ARN, or a SageMaker endpoint ARN: these hide the model, so the model family must be given explicitly");

    private static final Pattern BASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*\\.[A-Za-z0-9][A-Za-z0-9._:-]*");
    private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]*");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}|");
    private static final List<String> PREFIXES_LONGEST_FIRST = GEOGRAPHY_PREFIXES.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private final String identifier;
    private final IdentifierKind kind;
    private final String baseModelId;
    private final String geography;
    private final String partition;
    private final String region;
    private final String accountId;
    private final String resourceId;

    private ModelReference(String identifier, IdentifierKind kind, String baseModelId, String geography,
                           String partition, String region, String accountId, String resourceId) {
        this.identifier = identifier;
        this.kind = kind;
        this.baseModelId = baseModelId;
        this.geography = geography;
        this.partition = partition;
        this.region = emptyToNull(region);
        this.accountId = emptyToNull(accountId);
        this.resourceId = resourceId;
    }

    /**
     * Classifies a model identifier.
     *
     * @param identifier a model id, inference profile id or Bedrock ARN (surrounding blanks are ignored)
     * @return the parsed reference
     * @throws InvalidModelIdentifierException when the identifier has none of the {@linkplain #ACCEPTED_FORMS accepted forms}
     */
    public static ModelReference parse(String identifier) {
        if (identifier == null) {
            throw invalid(null, "The model identifier is null.");
        }
        String id = identifier.trim();
        if (id.isEmpty()) {
            throw invalid(identifier, "The model identifier is empty.");
        }
        if (id.startsWith("arn:")) {
            return parseArn(identifier, id);
        }
        if (!BASE_ID.matcher(id).matches()) {
            throw invalid(identifier, "'" + id + "' is not a model identifier: a model id looks like provider.model[-vN][:minor]"
                    + " and uses only letters, digits, '.', '-' and ':'.");
        }
        String geo = geographyPrefixOf(id);
        if (geo != null) {
            return new ModelReference(id, IdentifierKind.INFERENCE_PROFILE_ID, id.substring(geo.length() + 1), geo,
                    null, null, null, null);
        }
        return new ModelReference(id, IdentifierKind.BASE_MODEL_ID, id, null, null, null, null, null);
    }

    private static ModelReference parseArn(String original, String arn) {
        String[] p = arn.split(":", 6);
        if (p.length < 6) {
            throw invalid(original, "'" + arn + "' is not a complete ARN (expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE).");
        }
        String partition = p[1];
        String service = p[2];
        String region = p[3];
        String account = p[4];
        String resource = p[5];
        if (!PARTITION.matcher(partition).matches()) {
            throw invalid(original, "'" + arn + "' has partition '" + partition + "'; expected aws, aws-us-gov, aws-cn …");
        }
        if (!REGION.matcher(region).matches()) {
            throw invalid(original, "'" + arn + "' has an invalid region '" + region + "'.");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw invalid(original, "'" + arn + "' has an invalid account id '" + account + "' (expected 12 digits or nothing).");
        }
        int slash = resource.indexOf('/');
        if (slash <= 0 || slash == resource.length() - 1) {
            throw invalid(original, "'" + arn + "' has no resource type/id part (e.g. foundation-model/ID).");
        }
        String type = resource.substring(0, slash);
        String rest = resource.substring(slash + 1);
        if ("sagemaker".equals(service)) {
            if ("endpoint".equals(type)) {
                return arnRef(arn, IdentifierKind.SAGEMAKER_ENDPOINT_ARN, null, null, partition, region, account, rest);
            }
            throw invalid(original, "'" + arn + "' is a SageMaker ARN of type '" + type + "'; only endpoint ARNs are accepted.");
        }
        if (!"bedrock".equals(service)) {
            throw invalid(original, "'" + arn + "' is an ARN of service '" + service + "', not bedrock.");
        }
        switch (type) {
            case "foundation-model":
                requireBaseId(original, arn, rest);
                return arnRef(arn, IdentifierKind.FOUNDATION_MODEL_ARN, rest, null, partition, region, account, rest);
            case "inference-profile": {
                requireBaseId(original, arn, rest);
                String geo = geographyPrefixOf(rest);
                String base = geo == null ? rest : rest.substring(geo.length() + 1);
                return arnRef(arn, IdentifierKind.INFERENCE_PROFILE_ARN, base, geo, partition, region, account, rest);
            }
            case "application-inference-profile":
                return arnRef(arn, IdentifierKind.APPLICATION_INFERENCE_PROFILE_ARN, null, null, partition, region, account, rest);
            case "provisioned-model":
                return arnRef(arn, IdentifierKind.PROVISIONED_MODEL_ARN, null, null, partition, region, account, rest);
            case "custom-model": {
                int last = rest.lastIndexOf('/');
                if (last > 0) {
                    String base = rest.substring(0, last);
                    if (BASE_ID.matcher(base).matches()) {
                        return arnRef(arn, IdentifierKind.CUSTOM_MODEL_ARN, base, null, partition, region, account,
                                rest.substring(last + 1));
                    }
                }
                return arnRef(arn, IdentifierKind.CUSTOM_MODEL_ARN, null, null, partition, region, account, rest);
            }
            case "custom-model-deployment":
                return arnRef(arn, IdentifierKind.CUSTOM_MODEL_DEPLOYMENT_ARN, null, null, partition, region, account, rest);
            case "imported-model":
                return arnRef(arn, IdentifierKind.IMPORTED_MODEL_ARN, null, null, partition, region, account, rest);
            case "prompt":
                return arnRef(arn, IdentifierKind.PROMPT_ARN, null, null, partition, region, account, rest);
            case "default-prompt-router":
            case "prompt-router":
                return arnRef(arn, IdentifierKind.PROMPT_ROUTER_ARN, null, null, partition, region, account, rest);
            default:
                throw invalid(original, "'" + arn + "' is a Bedrock ARN of resource type '" + type
                        + "', which cannot be used as a model identifier.");
        }
    }

    private static void requireBaseId(String original, String arn, String id) {
        if (!BASE_ID.matcher(id).matches()) {
            throw invalid(original, "'" + arn + "' does not end in a model id ('" + id + "').");
        }
    }

    private static ModelReference arnRef(String arn, IdentifierKind kind, String base, String geo, String partition,
                                         String region, String account, String resourceId) {
        return new ModelReference(arn, kind, base, geo, partition, region, account, resourceId);
    }

    /** The geography prefix of a profile id ({@code us} for {@code us.anthropic.…}), or {@code null}. */
    private static String geographyPrefixOf(String id) {
        for (String prefix : PREFIXES_LONGEST_FIRST) {
            if (id.startsWith(prefix + ".") && id.indexOf('.', prefix.length() + 1) > prefix.length() + 1) {
                return prefix;
            }
        }
        return null;
    }

    private static InvalidModelIdentifierException invalid(String identifier, String reason) {
        return new InvalidModelIdentifierException(identifier, reason + "\n" + ACCEPTED_FORMS);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The identifier as given (trimmed). */
    public String identifier() {
        return identifier;
    }

    /** The identifier's form. */
    public IdentifierKind kind() {
        return kind;
    }

    /** The base model id the identifier names, or empty when the form hides the model. */
    public Optional<String> baseModelId() {
        return Optional.ofNullable(baseModelId);
    }

    /** The provider part of the base model id ({@code anthropic} for {@code anthropic.claude-…}), if any. */
    public Optional<String> provider() {
        return baseModelId().map(b -> b.substring(0, b.indexOf('.')));
    }

    /** The geography prefix of an inference profile ({@code us}, {@code eu}, {@code global} …), if any. */
    public Optional<String> geography() {
        return Optional.ofNullable(geography);
    }

    /** The ARN partition ({@code aws}, {@code aws-us-gov} …), for ARNs. */
    public Optional<String> partition() {
        return Optional.ofNullable(partition);
    }

    /** The ARN region, for ARNs that carry one. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The ARN account id, for ARNs that carry one (foundation-model ARNs usually do not). */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    /** The resource part after the ARN's resource type ({@code abcdefghijkl} of {@code provisioned-model/abcdefghijkl}). */
    public Optional<String> resourceId() {
        return Optional.ofNullable(resourceId);
    }

    /** Whether this is an ARN. */
    public boolean isArn() {
        return kind.isArn();
    }

    /** Whether the identifier goes through a cross-Region inference profile. */
    public boolean isInferenceProfile() {
        return kind == IdentifierKind.INFERENCE_PROFILE_ID || kind == IdentifierKind.INFERENCE_PROFILE_ARN;
    }

    /** Whether the identifier hides the underlying model, so the catalog cannot look it up. */
    public boolean hidesModel() {
        return baseModelId == null;
    }

    /** A human-readable description, e.g. {@code provisioned-model ARN (resource abcdefghijkl)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(kind.description());
        if (baseModelId != null && kind != IdentifierKind.BASE_MODEL_ID) {
            sb.append(" of model ").append(baseModelId);
        }
        if (geography != null) {
            sb.append(" (geography ").append(geography).append(')');
        }
        if (baseModelId == null && resourceId != null) {
            sb.append(" (resource ").append(resourceId).append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelReference other && identifier.equals(other.identifier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier);
    }

    @Override
    public String toString() {
        return "ModelReference[" + identifier + ": " + describe() + "]";
    }
}
