package dev.camelbedrock.catalog;

/** The catalog data (bundled file or an override file) is unreadable or inconsistent. */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
