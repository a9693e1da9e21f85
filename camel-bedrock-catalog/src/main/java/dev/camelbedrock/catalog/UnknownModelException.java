package dev.camelbedrock.catalog;

/**
 * A well-formed model identifier could not be resolved to a model or a family: the provider is unknown, no
 * provider rule matches, or the identifier is an ARN that hides the model (provisioned throughput,
 * application inference profile, imported model …) and no explicit family was given.
 */
public class UnknownModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient ModelReference reference;

    public UnknownModelException(ModelReference reference, String message) {
        super(message);
        this.reference = reference;
    }

    /** The parsed identifier. */
    public ModelReference reference() {
        return reference;
    }
}
