package dev.camelbedrock.catalog;

/** A model identifier is malformed: it is neither a model id, an inference profile id, nor a known Bedrock ARN. */
public class InvalidModelIdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String identifier;

    public InvalidModelIdentifierException(String identifier, String message) {
        super(message);
        this.identifier = identifier;
    }

    /** The identifier as given. */
    public String identifier() {
        return identifier;
    }
}
